"use client";

import { basedOnText } from "./history-text";
import { useMetrics } from "./use-metrics";
import { useWindowScope } from "./window-scope";

/**
 * What the page's figures rest on, from the response's `history`: "Based on 3 complete months, Sep–Nov
 * 2026." Shown once in the dashboard header, so every dashboard says it. While a new window loads it keeps
 * the previous sentence, like the figures it describes.
 */
export function BasedOn() {
  const { today } = useWindowScope();
  const { data } = useMetrics();
  const text = data ? basedOnText(data, today) : null;
  if (!text) return null;
  return (
    <p className="flex max-w-prose items-start gap-1.5 text-sm text-muted-foreground" data-testid="based-on">
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        aria-hidden="true"
        className="mt-0.5 size-4 shrink-0"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M12 11v5M12 7.5v.5" />
      </svg>
      <span>{text}</span>
    </p>
  );
}
