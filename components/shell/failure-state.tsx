"use client";

import { useRouter } from "next/navigation";
import { startTransition, useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** How often a page that lost the database asks again whether it is back. */
const RETRY_MS = 5_000;

type Cause = "checking" | "database" | "other";

/**
 * What a page shows when rendering it failed. In production the browser learns nothing of the error but
 * its digest, so the page asks the readiness probe why: with the database away it says so, keeps asking,
 * and reloads itself once the database answers; otherwise it gives the digest to quote and a retry.
 */
export function FailureState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");

  const retry = useCallback(() => {
    startTransition(() => {
      router.refresh();
      reset();
    });
  }, [router, reset]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sawOutage = false;
    const check = async () => {
      const ready = await fetch("/api/health/ready", { cache: "no-store" }).then(
        (res) => res.ok,
        () => false,
      );
      if (stopped) return;
      if (!ready) {
        sawOutage = true;
        setCause("database");
        timer = setTimeout(() => void check(), RETRY_MS);
      } else if (sawOutage) retry();
      else setCause("other");
    };
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  if (cause === "checking") return <div role="status" aria-live="polite" className="min-h-48" />;

  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-start gap-3 px-4 py-16">
      {cause === "database" ? (
        <>
          <h1 className="text-xl font-semibold">Can’t reach the database</h1>
          <p className="text-muted-foreground">
            Streamfolio is running, but its database is not answering right now. Nothing you saved is lost: every change is kept whole or
            not at all. This page tries again every few seconds and comes back by itself.
          </p>
          <Button variant="secondary" onClick={retry}>
            Try now
          </Button>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">Something went wrong</h1>
          <p className="text-muted-foreground">
            This page could not be shown. Trying again usually works; if it keeps happening, quote the reference below to whoever runs this
            Streamfolio.
          </p>
          {error.digest ? (
            <p className="text-sm text-muted-foreground">
              Reference: <code className="font-mono">{error.digest}</code>
            </p>
          ) : null}
          <Button variant="secondary" onClick={retry}>
            Try again
          </Button>
        </>
      )}
    </div>
  );
}
