"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { resolveWindow, type WindowPreset } from "@/lib/metrics/window";
import { windowQueryOf } from "./window-memory";
import { useWindowScope } from "./window-scope";

export type WindowChoice = { preset: WindowPreset } | { from: string; to: string };

/**
 * The dashboards' window, kept in the URL so it is shared by every page and survives reloads; today and
 * the first data month come from the page's <WindowScope>. Changing it rewrites the URL without a server
 * round trip (Next keeps useSearchParams in sync with history.replaceState), so the panels fetch the new
 * window through the API.
 */
export function useWindow() {
  const { today, firstMonth } = useWindowScope();
  const params = useSearchParams();
  const pathname = usePathname();
  const window_ = useMemo(
    () => resolveWindow({ w: params.get("w"), from: params.get("from"), to: params.get("to") }, today, firstMonth),
    [params, today, firstMonth],
  );

  const setWindow = useCallback(
    (choice: WindowChoice) => {
      const next = new URLSearchParams(params.toString());
      next.delete("w");
      next.delete("from");
      next.delete("to");
      // Every preset is explicit: for a short history "12M" (the twelve complete months, some before the
      // first record) is not the default window (which starts at the first record).
      if ("preset" in choice) next.set("w", choice.preset);
      else {
        next.set("from", choice.from);
        next.set("to", choice.to);
      }
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [params, pathname],
  );

  /** The query string that carries the window to another dashboard page. */
  const query = windowQueryOf(params);
  return { window: window_, setWindow, query, today, firstMonth };
}
