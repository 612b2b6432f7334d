"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/format";
import type { TransactionView } from "@/lib/schemas/transactions";
import { Amount } from "./amount";
import { ENTRY_KIND_LABELS, entryKindOf } from "./entry-kind";

const KIND_TONES = { income: "success", expense: "warning", refund: "danger" } as const;

export type TransactionRowProps = {
  t: TransactionView;
  showStream: boolean;
  onEdit: () => void;
  onDelete: () => void;
  editButtonRef?: (el: HTMLButtonElement | null) => void;
};

/** One transaction, read-only: date, stream, who and what, kind, amount, and its two actions. */
export function TransactionRow({ t, showStream, onEdit, onDelete, editButtonRef }: TransactionRowProps) {
  const entry = entryKindOf(t);
  const pending = t.id.startsWith("optimistic-");
  const details = [t.counterparty, t.platform, t.description].filter(Boolean).join(" · ");
  const title = showStream ? t.streamName : (t.counterparty ?? t.description ?? ENTRY_KIND_LABELS[entry]);
  const rest = showStream
    ? details
    : [t.platform, t.description]
        .filter(Boolean)
        .filter((v) => v !== title)
        .join(" · ");
  return (
    // Phones: date and actions on top, who/what and the amount below. From sm: one line.
    <div
      data-testid="transaction-row"
      aria-busy={pending || undefined}
      className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 px-3 py-2.5 [grid-template-areas:'date_actions'_'main_amount'] sm:grid-cols-[6.5rem_minmax(0,1fr)_auto_auto] sm:px-4 sm:py-3 sm:[grid-template-areas:'date_main_amount_actions']"
    >
      <p className="text-xs text-muted-foreground [grid-area:date] sm:text-sm">
        <time dateTime={t.occurredOn}>{formatDate(t.occurredOn)}</time>
      </p>
      <div className="min-w-0 [grid-area:main]">
        <p className="truncate text-sm font-medium">{title}</p>
        {rest ? <p className="truncate text-sm text-muted-foreground">{rest}</p> : null}
      </div>
      <div className="flex items-center justify-end gap-2 [grid-area:amount] sm:gap-3">
        <Badge tone={KIND_TONES[entry]}>{ENTRY_KIND_LABELS[entry]}</Badge>
        <Amount minor={t.amountMinor} currency={t.currency} className="text-sm font-semibold sm:min-w-24 sm:text-right" />
      </div>
      <div className="-my-1 flex justify-end gap-1 [grid-area:actions] sm:my-0">
        <Button ref={editButtonRef} size="sm" variant="ghost" onClick={onEdit} disabled={pending} aria-label={`Edit ${describe(t)}`}>
          Edit
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={onDelete}
          disabled={pending}
          aria-label={`Delete ${describe(t)}`}
          className="text-danger! hover:bg-danger/10"
        >
          Delete
        </Button>
      </div>
    </div>
  );
}

/** "income of 1200.00 USD on 2026-05-02, Acme": what a screen reader hears on the row's buttons. */
export function describe(t: TransactionView): string {
  const entry = ENTRY_KIND_LABELS[entryKindOf(t)].toLowerCase();
  return `${entry} of ${t.amount} ${t.currency} on ${formatDate(t.occurredOn)}${t.counterparty ? `, ${t.counterparty}` : ""}`;
}
