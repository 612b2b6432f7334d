"use client";

import { FailureState } from "@/components/shell/failure-state";
import "./globals.css";

/** The root layout itself failed: the same state, in a document of its own. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <FailureState {...props} />
      </body>
    </html>
  );
}
