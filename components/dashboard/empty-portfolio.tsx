"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";

/** What an account with no income yet sees: the three ways in. */
export function EmptyPortfolio() {
  const router = useRouter();
  const qc = useQueryClient();
  const { toast } = useToast();
  const demo = useMutation({
    mutationFn: () => apiFetch<{ streams: number; transactions: number }>("/api/v1/demo", { method: "POST" }),
    onSuccess: (r) => {
      toast({ title: "Demo portfolio loaded", description: `${r.streams} streams and ${r.transactions} transactions over two years.`, tone: "success" });
      void qc.invalidateQueries();
      router.refresh();
    },
    onError: (err) => toast({ title: "Could not load the demo", description: err.message, tone: "danger" }),
  });
  return (
    <EmptyState
      title="No income in this window yet"
      description="Add the streams you earn from and log what they pay, import a CSV export, or explore with a realistic demo portfolio (a designer with two retainers, Etsy templates, YouTube, an affiliate blog and a small SaaS)."
      action={
        <div className="flex flex-wrap justify-center gap-2">
          <Link href="/streams" className={buttonClasses()}>
            Add a stream
          </Link>
          <Link href="/import" className={buttonClasses({ variant: "secondary" })}>
            Import a CSV
          </Link>
          <Button variant="secondary" loading={demo.isPending} onClick={() => demo.mutate()}>
            Load demo data
          </Button>
        </div>
      }
    />
  );
}
