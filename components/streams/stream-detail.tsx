"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SchedulesPanel } from "@/components/schedules/schedules-panel";
import { TimePanel } from "@/components/time/time-panel";
import { QuickAddForm } from "@/components/transactions/quick-add-form";
import { TransactionList } from "@/components/transactions/transaction-list";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatMonth } from "@/lib/format";
import { recentWindow } from "@/lib/metrics/window";
import { metricsQuery, silenceQuery, streamClientsQuery, streamsQuery } from "@/lib/queries";
import { STREAM_KIND_LABELS } from "@/lib/schemas/streams";
import { DeleteStreamDialog } from "./delete-stream-dialog";
import { MissingFxNotice } from "./missing-fx-notice";
import { SilenceNote } from "./silence-note";
import { StreamLinks } from "./stream-links";
import { ColorDot, RoleBadge, StatusBadge } from "./stream-badges";
import { StreamMonthlyCard, StreamStats, TopClientsCard } from "./stream-figures";
import { StreamFormDialog } from "./stream-form-dialog";
import { RECENT_TRANSACTIONS, streamColor } from "./stream-labels";
import { useUpdateStream } from "./use-stream-mutations";

/** One stream as a business line: its figures, its chart, who pays, what was logged, and logging more. */
export function StreamDetail({ streamId, baseCurrency, today }: { streamId: string; baseCurrency: string; today: string }) {
  const router = useRouter();
  const { toast } = useToast();
  const streams = useQuery(streamsQuery());
  const update = useUpdateStream();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Set once the server has deleted the stream: from then on the page only waits for the navigation away.
  const [deleted, setDeleted] = useState(false);

  const all = streams.data?.data ?? [];
  const stream = all.find((s) => s.id === streamId);
  // The stream's figures are its entry in the metrics of the last 12 months (this one included), the
  // same read as the cards; who pays it is its clients over the same months.
  const window = recentWindow(today);
  const metrics = useQuery(metricsQuery(window));
  const silence = useQuery(silenceQuery());
  // A deleted stream (here or in another tab) has no clients: asking for them again would only fail.
  const clients = useQuery({ ...streamClientsQuery(streamId, window), enabled: stream !== undefined && !deleted });
  const figures = metrics.data?.streams.find((s) => s.id === streamId);

  if (deleted) {
    return (
      <p role="status" className="text-sm text-muted-foreground">
        Stream deleted. Back to your streams…
      </p>
    );
  }

  if (streams.isPending) return <Skeleton className="h-24 w-full" />;

  if (!stream) {
    return (
      <EmptyState
        title="This stream is gone"
        description="It was deleted, perhaps in another tab."
        action={
          <Link href="/streams" className={buttonClasses({ variant: "secondary" })}>
            Back to streams
          </Link>
        }
      />
    );
  }

  const color = streamColor(stream);
  const archived = stream.status === "archived";
  const meta = [STREAM_KIND_LABELS[stream.kind], stream.platform, stream.startedOn ? `since ${formatDate(stream.startedOn)}` : null]
    .filter(Boolean)
    .join(" · ");

  function toggleArchive() {
    if (!stream) return;
    const status = archived ? "active" : "archived";
    update.mutate(
      { id: stream.id, patch: { status } },
      {
        onSuccess: () =>
          toast({ title: status === "archived" ? `Archived “${stream.name}”` : `Restored “${stream.name}”`, tone: "success" }),
        onError: () => toast({ title: `Could not change “${stream.name}”`, tone: "danger" }),
      },
    );
  }

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/streams" className="text-muted-foreground hover:text-foreground hover:underline">
          ← Streams
        </Link>
      </nav>
      <PageHeader
        title={
          <span className="flex min-w-0 items-center gap-2.5">
            <ColorDot color={color} className="size-3.5" />
            <span className="min-w-0 break-words">{stream.name}</span>
          </span>
        }
        description={
          <span className="flex flex-col gap-2">
            <span>{meta}</span>
            <span className="flex flex-wrap gap-1.5">
              <RoleBadge role={stream.role} />
              <StatusBadge status={stream.status} />
            </span>
            {stream.description ? <span className="text-foreground">{stream.description}</span> : null}
            <SilenceNote check={silence.data?.data.find((c) => c.streamId === stream.id)} />
            <StreamLinks stream={stream} all={all} />
          </span>
        }
        actions={
          <>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="secondary" onClick={toggleArchive} loading={update.isPending}>
              {archived ? "Unarchive" : "Archive"}
            </Button>
            <Button variant="ghost" onClick={() => setDeleting(true)} className="text-danger! hover:bg-danger/10">
              Delete
            </Button>
          </>
        }
      />

      <div className="flex flex-col gap-6">
        {metrics.data ? (
          <>
            {clients.data ? <MissingFxNotice missing={clients.data.warnings} /> : null}
            <section aria-labelledby="stream-window">
              <h2 id="stream-window" className="mb-2 text-sm font-medium text-muted-foreground">
                Last 12 months · {formatMonth(metrics.data.window.from)} – {formatMonth(metrics.data.window.to)}
              </h2>
              <StreamStats stream={figures} currency={metrics.data.currency} />
            </section>
          </>
        ) : metrics.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load this stream’s figures.
          </p>
        ) : (
          <Skeleton className="h-24 w-full" />
        )}

        <Card>
          <CardHeader>
            <CardTitle>Log to {stream.name}</CardTitle>
          </CardHeader>
          <CardContent>
            <QuickAddForm baseCurrency={baseCurrency} today={today} fixedStreamId={stream.id} />
          </CardContent>
        </Card>

        {metrics.data && figures ? (
          <StreamMonthlyCard stream={figures} window={metrics.data.window} currency={metrics.data.currency} color={color} />
        ) : null}

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card className="self-start">
            <CardHeader className="flex-row items-start justify-between gap-3">
              <div className="flex min-w-0 flex-col gap-1">
                <CardTitle>Recent transactions</CardTitle>
                <CardDescription>The latest {RECENT_TRANSACTIONS}, newest first.</CardDescription>
              </div>
              <Link href={`/transactions?stream=${stream.id}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
                See all
              </Link>
            </CardHeader>
            <div className="pt-2">
              <TransactionList
                filters={{ stream: stream.id }}
                limit={RECENT_TRANSACTIONS}
                showStream={false}
                label={`Recent transactions of ${stream.name}`}
                empty={<EmptyState title="Nothing logged yet" description="Log the first payment with the form above." />}
              />
            </div>
          </Card>
          <div className="flex min-w-0 flex-col gap-6">
            <SchedulesPanel streamId={stream.id} streamName={stream.name} baseCurrency={baseCurrency} today={today} />
            {clients.data && metrics.data ? <TopClientsCard clients={clients.data} currency={metrics.data.currency} /> : null}
            <TimePanel streamId={stream.id} streamName={stream.name} today={today} />
          </div>
        </div>
      </div>

      <StreamFormDialog open={editing} onClose={() => setEditing(false)} stream={stream} />
      <DeleteStreamDialog
        stream={deleting ? stream : null}
        onClose={() => setDeleting(false)}
        // Not optimistic: dropping the stream from the list would unmount this page (and the dialog) mid-delete.
        optimistic={false}
        onDeleted={() => {
          setDeleted(true);
          router.replace("/streams");
        }}
      />
    </>
  );
}
