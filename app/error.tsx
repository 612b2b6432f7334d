"use client";

import { lazy, Suspense } from "react";

// Fetched only when a page fails: every page carries its error boundary, and the signed-out pages'
// first-load JS has no room for the outage state's code (React.lazy adds nothing; next/dynamic adds 1.5 KB).
const FailureState = lazy(() => import("@/components/shell/failure-state").then((m) => ({ default: m.FailureState })));

export default function RootError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Suspense fallback={<div role="status" aria-live="polite" className="min-h-48" />}>
      <FailureState {...props} />
    </Suspense>
  );
}
