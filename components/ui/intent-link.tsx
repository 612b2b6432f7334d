"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A next/link that prefetches when the pointer or focus reaches it instead of when it scrolls into view.
 * Every signed-in page is rendered per request, so prefetching each visible link of the sidebar and the
 * tabs sent a burst of server renders (eighteen on the overview) right while a phone was still hydrating
 * the page it asked for. Hovering a link still prefetches it well before the click lands.
 */
export function IntentLink({ onPointerEnter, onFocus, onTouchStart, prefetch, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  const want = () => setIntent(true);
  return (
    <Link
      {...props}
      prefetch={intent ? prefetch : false}
      onPointerEnter={(event) => {
        want();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        want();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        want();
        onTouchStart?.(event);
      }}
    />
  );
}
