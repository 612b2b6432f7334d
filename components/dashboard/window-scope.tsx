"use client";

import { useSearchParams } from "next/navigation";
import { createContext, useContext, useEffect, type ReactNode } from "react";
import { rememberWindow, windowQueryOf } from "./window-memory";

export type WindowScopeValue = {
  /** The user's local date, YYYY-MM-DD (their time zone, from the server). */
  today: string;
  /** F: the month of their earliest transaction; null without any. The default and "all" windows start there. */
  firstMonth: string | null;
};

const WindowScopeContext = createContext<WindowScopeValue | null>(null);

/**
 * What every dashboard page needs to turn its URL into a window: today and the first data month, both
 * from the server render, so the server and the browser resolve the same window (no hydration mismatch).
 * It also remembers the page's window for the session, so the sidebar can take it to the next dashboard.
 */
export function WindowScope({ today, firstMonth, children }: WindowScopeValue & { children: ReactNode }) {
  const query = windowQueryOf(useSearchParams());
  useEffect(() => rememberWindow(query), [query]);
  return <WindowScopeContext.Provider value={{ today, firstMonth }}>{children}</WindowScopeContext.Provider>;
}

export function useWindowScope(): WindowScopeValue {
  const scope = useContext(WindowScopeContext);
  if (!scope) throw new Error("useWindowScope needs a <WindowScope> around the dashboard page");
  return scope;
}
