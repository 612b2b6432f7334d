"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { useToast } from "@/components/ui/toast";
import { recentWindow } from "@/lib/metrics/window";
import { metricsQuery, silenceQuery, streamsQuery } from "@/lib/queries";
import type { StreamView } from "@/lib/schemas/streams";
import { DeleteStreamDialog } from "./delete-stream-dialog";
import { MissingFxNotice } from "./missing-fx-notice";
import { StreamCard } from "./stream-card";
import { StreamFormDialog } from "./stream-form-dialog";
import { streamColor } from "./stream-labels";
import { useUpdateStream } from "./use-stream-mutations";

/**
 * The streams page: a card per stream, archived ones folded away, and the create/edit/delete dialogs.
 * Each card's income is its series in GET /api/v1/metrics over the last 12 months, this one included.
 */
export function StreamsBoard({ today }: { today: string }) {
  const { toast } = useToast();
  const streams = useQuery(streamsQuery());
  const metrics = useQuery(metricsQuery(recentWindow(today)));
  const silence = useQuery(silenceQuery());
  const update = useUpdateStream();
  const [editing, setEditing] = useState<StreamView | "new" | null>(null);
  const [deleting, setDeleting] = useState<StreamView | null>(null);

  const all = streams.data?.data ?? [];
  const live = all.filter((s) => s.status !== "archived");
  const archived = all.filter((s) => s.status === "archived");
  const months = metrics.data?.monthly.map((m) => m.month) ?? [];
  const zeros = months.map(() => 0);
  const incomeOf = new Map(metrics.data?.streams.map((s) => [s.id, s.monthly.map((m) => m.income)]));

  function toggleArchive(stream: StreamView) {
    const status = stream.status === "archived" ? "active" : "archived";
    update.mutate(
      { id: stream.id, patch: { status } },
      {
        onSuccess: () =>
          toast({
            title: status === "archived" ? `Archived “${stream.name}”` : `Restored “${stream.name}”`,
            tone: "success",
            action: { label: "Undo", onClick: () => update.mutate({ id: stream.id, patch: { status: stream.status } }) },
          }),
        onError: () => toast({ title: `Could not change “${stream.name}”`, tone: "danger" }),
      },
    );
  }

  const card = (stream: StreamView) => (
    <li key={stream.id} className="flex min-w-0">
      <StreamCard
        stream={stream}
        color={streamColor(stream)}
        currency={metrics.data?.currency ?? "USD"}
        months={months}
        income={incomeOf.get(stream.id) ?? zeros}
        silence={silence.data?.data.find((c) => c.streamId === stream.id)}
        onEdit={() => setEditing(stream)}
        onToggleArchive={() => toggleArchive(stream)}
        onDelete={() => setDeleting(stream)}
      />
    </li>
  );

  return (
    <>
      <PageHeader
        title="Streams"
        description="Every business line you earn from, with this month's income and the last 12 months."
        actions={all.length > 0 ? <Button onClick={() => setEditing("new")}>Add stream</Button> : null}
      />
      {metrics.data ? <MissingFxNotice missing={metrics.data.warnings} className="mb-4" /> : null}
      {streams.isError ? (
        <p role="alert" className="text-sm text-danger">
          Could not load your streams.
        </p>
      ) : all.length === 0 ? (
        <EmptyState
          title="No streams yet"
          description="A stream is one way you earn: a retainer client, a YouTube channel, an Etsy shop, an affiliate blog, a paid bot. Add each one to see your income as a portfolio."
          action={<Button onClick={() => setEditing("new")}>Add your first stream</Button>}
        />
      ) : (
        <div className="flex flex-col gap-6">
          {live.length > 0 ? (
            <ul aria-label="Active and paused streams" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3 [&>li>*]:w-full">
              {live.map(card)}
            </ul>
          ) : (
            <EmptyState title="Every stream is archived" description="Unarchive one below, or add a new stream." />
          )}
          {archived.length > 0 ? (
            <details className="group rounded-xl border border-border bg-surface/50">
              <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl px-4 py-3 text-sm font-medium [&::-webkit-details-marker]:hidden">
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  aria-hidden="true"
                  className="size-4 transition-transform group-open:rotate-90"
                >
                  <path d="m9 6 6 6-6 6" />
                </svg>
                Archived streams ({archived.length})
              </summary>
              <ul aria-label="Archived streams" className="grid grid-cols-1 gap-4 p-4 pt-0 sm:grid-cols-2 xl:grid-cols-3 [&>li>*]:w-full">
                {archived.map(card)}
              </ul>
            </details>
          ) : null}
        </div>
      )}
      <StreamFormDialog open={editing !== null} onClose={() => setEditing(null)} stream={editing === "new" ? null : editing} />
      <DeleteStreamDialog stream={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
