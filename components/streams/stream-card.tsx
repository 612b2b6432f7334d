"use client";

import Link from "next/link";
import { Sparkline } from "@/components/charts/sparkline";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatMoney, formatMonth } from "@/lib/format";
import { STREAM_KIND_LABELS, type SilenceView, type StreamView } from "@/lib/schemas/streams";
import { SilenceNote } from "./silence-note";
import { ColorDot, RoleBadge, StatusBadge } from "./stream-badges";

export type StreamCardProps = {
  stream: StreamView;
  color: string;
  currency: string;
  months: readonly string[];
  /** Income per month, aligned with `months`; the last one is this month. */
  income: readonly number[];
  /** The silence monitor's check of this stream, when it is watched. */
  silence?: SilenceView["data"][number];
  onEdit: () => void;
  onToggleArchive: () => void;
  onDelete: () => void;
};

export function StreamCard({ stream, color, currency, months, income, silence, onEdit, onToggleArchive, onDelete }: StreamCardProps) {
  const thisMonth = income[income.length - 1] ?? 0;
  const pending = stream.id.startsWith("optimistic-");
  const series = months.map((m, i) => `${formatMonth(m)} ${formatMoney(income[i] ?? 0, currency)}`).join(", ");
  return (
    <Card className="flex flex-col" aria-busy={pending || undefined}>
      <div className="flex flex-1 flex-col gap-3 p-4 sm:p-5">
        <div className="flex min-w-0 items-start gap-2">
          <ColorDot color={color} className="mt-1.5" />
          <div className="min-w-0 flex-1">
            {/* h2: the cards sit right under the page's h1. */}
            <h2 className="truncate text-base font-semibold">
              {pending ? (
                stream.name
              ) : (
                <Link href={`/streams/${stream.id}`} className="rounded-sm hover:underline">
                  {stream.name}
                </Link>
              )}
            </h2>
            <p className="truncate text-sm text-muted-foreground">
              {STREAM_KIND_LABELS[stream.kind]}
              {stream.platform ? ` · ${stream.platform}` : ""}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <RoleBadge role={stream.role} />
          <StatusBadge status={stream.status} />
        </div>
        <SilenceNote check={silence} quietWhenEarning />
        <div className="mt-auto flex items-end justify-between gap-3">
          <div className="min-w-0">
            <p className="text-xs text-muted-foreground">This month</p>
            <p className="money truncate text-xl font-semibold" data-testid="stream-this-month">
              {formatMoney(thisMonth, currency)}
            </p>
          </div>
          <Sparkline values={income} color={color} label={`${stream.name}, income by month over the last 12 months: ${series}.`} />
        </div>
      </div>
      <div className="flex flex-wrap gap-1 border-t border-border px-2 py-1.5 sm:px-3">
        <Button size="sm" variant="ghost" onClick={onEdit} disabled={pending} aria-label={`Edit ${stream.name}`}>
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={onToggleArchive}
          disabled={pending}
          aria-label={`${stream.status === "archived" ? "Unarchive" : "Archive"} ${stream.name}`}
        >
          {stream.status === "archived" ? "Unarchive" : "Archive"}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={onDelete}
          disabled={pending}
          aria-label={`Delete ${stream.name}`}
          className="ml-auto text-danger! hover:bg-danger/10"
        >
          Delete
        </Button>
      </div>
    </Card>
  );
}
