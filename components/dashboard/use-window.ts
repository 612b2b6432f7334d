"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { resolveWindow, type WindowPreset } from "@/lib/metrics/window";

export type WindowChoice = { preset: WindowPreset } | { from: string; to: string };

/**
 * The dashboards' window, kept in the URL so it is shared by every page and survives reloads.
 * Changing it rewrites the URL without a server round trip (Next keeps useSearchParams in sync with
 * history.replaceState), so the panels fetch the new window through the API.
 */
export function useWindow(today: string) {
  const params = useSearchParams();
  const pathname = usePathname();
  const window_ = useMemo(() => resolveWindow({ w: params.get("w"), from: params.get("from"), to: params.get("to") }, today), [params, today]);

  const setWindow = useCallback(
    (choice: WindowChoice) => {
      const next = new URLSearchParams(params.toString());
      next.delete("w");
      next.delete("from");
      next.delete("to");
      if ("preset" in choice) {
        if (choice.preset !== "12m") next.set("w", choice.preset);
      } else {
        next.set("from", choice.from);
        next.set("to", choice.to);
      }
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname],
  );

  /** The query string to carry the window to another dashboard page. */
  const query = params.toString();
  return { window: window_, setWindow, query };
}
