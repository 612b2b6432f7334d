"use client";

import { useSyncExternalStore } from "react";

/**
 * The last dashboard window of this browser tab (sessionStorage), as a query string ("w=6m",
 * "from=2026-01&to=2026-06", or "" for the default window). The insight tabs carry the URL's window
 * themselves; this lets the sidebar's dashboard links carry it too, from any page.
 */
const KEY = "streamfolio.window";
const EVENT = "streamfolio:window";

/** Only the window's own parameters, in a fixed order. */
export function windowQueryOf(params: { get(name: string): string | null }): string {
  const out = new URLSearchParams();
  for (const name of ["w", "from", "to"]) {
    const value = params.get(name);
    if (value) out.set(name, value);
  }
  return out.toString();
}

export function rememberWindow(query: string): void {
  try {
    if (sessionStorage.getItem(KEY) === query) return;
    sessionStorage.setItem(KEY, query);
  } catch {
    return; // storage disabled: the links simply open the default window
  }
  window.dispatchEvent(new Event(EVENT));
}

function read(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/**
 * The remembered window's query string. The server (and hydration) render "" — the default window —
 * and the browser switches to the stored one right after, so the markup always matches.
 */
export function useRememberedWindow(): string {
  return useSyncExternalStore(subscribe, read, () => "");
}

/** A dashboard href with the remembered window: "/overview?w=6m". */
export function withWindow(href: string, query: string): string {
  return query ? `${href}?${query}` : href;
}
