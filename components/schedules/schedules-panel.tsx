"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { formatDate } from "@/lib/format";
import { occurrencesQuery, scheduleSuggestionsQuery, schedulesQuery } from "@/lib/queries";
import type { OccurrenceView, ScheduleView } from "@/lib/schemas/schedules";
import { ScheduleFormDialog } from "./schedule-form-dialog";
import { cadenceText, decimalMoney, occurrenceWindow, scheduleAmount, statusText, STATUS_TONE } from "./schedule-labels";
import { useDeleteSchedule, useSettle, useUpdateSchedule } from "./use-schedule-mutations";

/** Expected versus received on one stream: its schedules, their occurrences, and payments that look like them. */
export function SchedulesPanel({
  streamId,
  streamName,
  baseCurrency,
  today,
}: {
  streamId: string;
  streamName: string;
  baseCurrency: string;
  today: string;
}) {
  const [adding, setAdding] = useState(false);
  const schedules = useQuery(schedulesQuery(streamId));
  const occurrences = useQuery(occurrencesQuery(streamId, occurrenceWindow(today)));
  const suggestions = useQuery(scheduleSuggestionsQuery(streamId));
  const list = schedules.data?.data ?? [];

  return (
    <Card role="region" aria-label="Expected payments">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle>Expected payments</CardTitle>
          <CardDescription>Retainers, subscriptions and payouts: what should arrive, and whether it did.</CardDescription>
        </div>
        <Button variant="secondary" size="sm" onClick={() => setAdding(true)}>
          Add
        </Button>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {schedules.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : schedules.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load the expected payments.
          </p>
        ) : list.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            Nothing expected yet. Add a retainer or a regular payout to see each one arrive, or hear when it is late.
          </p>
        ) : (
          <>
            <Suggestions data={suggestions.data?.data ?? []} schedules={list} />
            <ul className="flex flex-col divide-y divide-border" aria-label={`Expected payments of ${streamName}`}>
              {list.map((s) => (
                <ScheduleRow key={s.id} schedule={s} occurrences={(occurrences.data?.data ?? []).filter((o) => o.scheduleId === s.id)} />
              ))}
            </ul>
          </>
        )}
      </CardContent>
      <ScheduleFormDialog
        open={adding}
        onClose={() => setAdding(false)}
        streamId={streamId}
        streamName={streamName}
        baseCurrency={baseCurrency}
        today={today}
      />
    </Card>
  );
}

function Suggestions({
  data,
  schedules,
}: {
  data: {
    scheduleId: string;
    dueOn: string;
    transaction: { id: string; occurredOn: string; amount: string; currency: string; counterparty: string | null };
  }[];
  schedules: ScheduleView[];
}) {
  const settle = useSettle();
  const { toast } = useToast();
  if (data.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" aria-label="Payments that look like an expected one">
      {data.map((m) => {
        const schedule = schedules.find((s) => s.id === m.scheduleId);
        const label = schedule?.name ?? "the expected payment";
        const busy = settle.isPending && settle.variables?.transactionId === m.transaction.id;
        return (
          <li
            key={`${m.scheduleId}|${m.dueOn}`}
            className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-info/25 bg-info/5 px-3 py-2 text-sm"
          >
            <span>
              {decimalMoney(m.transaction.amount, m.transaction.currency)}
              {m.transaction.counterparty ? ` from ${m.transaction.counterparty}` : ""} on {formatDate(m.transaction.occurredOn)} looks like{" "}
              {label} due {formatDate(m.dueOn)}.
            </span>
            <Button
              size="sm"
              variant="secondary"
              loading={busy}
              onClick={() =>
                settle.mutate(
                  { transactionId: m.transaction.id, scheduleId: m.scheduleId },
                  {
                    onSuccess: () => toast({ title: `Marked ${label} of ${formatDate(m.dueOn)} as received`, tone: "success" }),
                    onError: () => toast({ title: "Could not mark it as received", tone: "danger" }),
                  },
                )
              }
            >
              Mark as received
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

function ScheduleRow({ schedule: s, occurrences }: { schedule: ScheduleView; occurrences: OccurrenceView[] }) {
  const { toast } = useToast();
  const update = useUpdateSchedule();
  const remove = useDeleteSchedule();
  const [confirming, setConfirming] = useState(false);
  const title = s.name ?? (s.counterparty ? `From ${s.counterparty}` : "Expected payment");
  // Everything past in the window, and the next two to come.
  const past = occurrences.filter((o) => o.status !== "upcoming");
  const next = occurrences.filter((o) => o.status === "upcoming").slice(0, 2);
  const ended = s.endOn !== null && s.endOn < (occurrences[occurrences.length - 1]?.dueOn ?? s.startOn);

  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {title}
            {s.kind === "expense" ? <span className="text-muted-foreground"> · expense</span> : null}
          </p>
          <p className="text-sm text-muted-foreground">
            {scheduleAmount(s)} {cadenceText(s)} · {s.graceDays} days’ grace
            {s.endOn ? ` · until ${formatDate(s.endOn)}` : ""}
            {s.autoLog ? " · logs itself" : ""}
            {ended ? " · ended" : ""}
          </p>
        </div>
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { id: s.id, patch: { autoLog: !s.autoLog } },
                {
                  onSuccess: () =>
                    toast({ title: s.autoLog ? "It will no longer log itself" : "It will log itself from today", tone: "success" }),
                  onError: () => toast({ title: "Could not change it", tone: "danger" }),
                },
              )
            }
          >
            {s.autoLog ? "Stop logging itself" : "Log it by itself"}
          </Button>
          <Button size="sm" variant="ghost" className="text-danger! hover:bg-danger/10" onClick={() => setConfirming(true)}>
            Delete
          </Button>
        </div>
      </div>
      {past.length + next.length > 0 ? (
        <ol className="flex flex-col gap-1 text-sm" aria-label={`Occurrences of ${title}`}>
          {[...past, ...next].map((o) => (
            <li key={o.dueOn} className="flex items-center justify-between gap-3">
              <span className="tabular-nums">{formatDate(o.dueOn)}</span>
              <Badge tone={STATUS_TONE[o.status]}>{statusText(o.status, s.kind)}</Badge>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted-foreground">Nothing due in the last three months or the next two.</p>
      )}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Delete “${title}”?`}
        description="The payments that settled it are kept; they just stop counting as expected."
        confirmLabel="Delete"
        tone="danger"
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(s.id, {
            onSuccess: () => {
              setConfirming(false);
              toast({ title: `Deleted “${title}”`, tone: "success" });
            },
            onError: () => toast({ title: "Could not delete it", tone: "danger" }),
          })
        }
      />
    </li>
  );
}
