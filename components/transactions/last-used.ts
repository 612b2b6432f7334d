"use client";

import { useMemo, useSyncExternalStore } from "react";

/**
 * What the quick-add form last logged to each stream (currency, counterparty, platform), kept in this
 * browser's localStorage under the stream's id, so logging several EUR sponsorships to one stream means
 * choosing EUR once. Only these three fields are kept: never an amount. The form shows them for a stream
 * until the user types something else for the entry.
 */
export type LastUsed = { currency: string; counterparty: string | null; platform: string | null };

const PREFIX = "streamfolio.quickAdd.";
const EVENT = "streamfolio:quick-add";

export function rememberLastUsed(streamId: string, value: LastUsed): void {
  try {
    localStorage.setItem(PREFIX + streamId, JSON.stringify(value));
  } catch {
    return; // storage full or disabled: the form simply starts from the defaults
  }
  window.dispatchEvent(new Event(EVENT));
}

function parse(text: string | null): LastUsed | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    const optional = (x: unknown) => (typeof x === "string" && x !== "" ? x : null);
    if (typeof v.currency !== "string" || !/^[A-Z]{3}$/.test(v.currency)) return null;
    return { currency: v.currency, counterparty: optional(v.counterparty), platform: optional(v.platform) };
  } catch {
    return null;
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

/** The stream's last-used values (null: none yet, or on the server, where there is no storage). */
export function useLastUsed(streamId: string): LastUsed | null {
  const text = useSyncExternalStore(
    subscribe,
    () => {
      try {
        return streamId ? localStorage.getItem(PREFIX + streamId) : null;
      } catch {
        return null;
      }
    },
    () => null,
  );
  return useMemo(() => parse(text), [text]);
}
