"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The browser's IANA zone; null during server rendering and hydration, so both render the same. */
export function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
