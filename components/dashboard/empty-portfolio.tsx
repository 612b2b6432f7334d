"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { formatMonth } from "@/lib/format";
import type { EmptyReason } from "./use-dashboard-state";

type Props = {
  reason: EmptyReason;
  /** The window with no income, to name it. */
  range?: { from: string; to: string };
};

/**
 * What a dashboard shows without income to chart. An account with no streams gets the ways in (the demo
 * among them); an account whose streams earned nothing in this window gets a longer window or logging
 * income, never the demo, which the API refuses once streams exist.
 */
export function EmptyPortfolio({ reason, range }: Props) {
  if (reason === "no-income") {
    const span = !range
      ? " in this window"
      : range.from === range.to
        ? ` in ${formatMonth(range.from)}`
        : ` from ${formatMonth(range.from)} to ${formatMonth(range.to)}`;
    return (
      <EmptyState
        title="No income in this window"
        description={`Your streams earned nothing${span}. Pick a longer window above, or log what they paid to see your figures.`}
        action={
          <>
            <Link href="/transactions" className={buttonClasses()}>
              Log income
            </Link>
            <Link href="/streams" className={buttonClasses({ variant: "secondary" })}>
              See your streams
            </Link>
          </>
        }
      />
    );
  }
  return <NoStreams />;
}

function NoStreams() {
  const router = useRouter();
  const qc = useQueryClient();
  const { toast } = useToast();
  const demo = useMutation({
    mutationFn: () => apiFetch<{ streams: number; transactions: number }>("/api/v1/demo", { method: "POST" }),
    onSuccess: (r) => {
      toast({
        title: "Demo portfolio loaded",
        description: `${r.streams} streams and ${r.transactions} transactions over two years.`,
        tone: "success",
      });
      void qc.invalidateQueries();
      router.refresh();
    },
    onError: (err) => toast({ title: "Could not load the demo", description: err.message, tone: "danger" }),
  });
  return (
    <EmptyState
      title="No income yet"
      description="Add the streams you earn from and log what they pay, or explore with a realistic demo portfolio (a designer with two retainers, Etsy templates, YouTube, an affiliate blog and a small SaaS)."
      action={
        <>
          <Link href="/streams" className={buttonClasses()}>
            Add a stream
          </Link>
          <Link href="/transactions" className={buttonClasses({ variant: "secondary" })}>
            Log a transaction
          </Link>
          <Button variant="secondary" loading={demo.isPending} onClick={() => demo.mutate()}>
            Load demo data
          </Button>
        </>
      }
    />
  );
}
