"use client";

import { startTransition, useEffect, useRef, useState } from "react";

/**
 * True once the element has come within `margin` of the viewport, and from then on. Charts below the fold
 * of a phone are neither downloaded nor drawn until the reader scrolls towards them.
 */
export function useInView<T extends Element>(margin = "200px") {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          // A transition: an urgent update (a tap, typing) goes first while React renders the chart.
          startTransition(() => setSeen(true));
          observer.disconnect();
        }
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin, seen]);
  return [ref, seen] as const;
}
