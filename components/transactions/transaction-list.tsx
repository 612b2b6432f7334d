"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/format";
import { transactionsQuery, type TransactionFilters } from "@/lib/queries";
import type { TransactionView } from "@/lib/schemas/transactions";
import { requestErrors } from "@/lib/form-errors";
import { ENTRY_KIND_LABELS, entryKindOf } from "./entry-kind";
import { TransactionEditRow, type EditValues } from "./transaction-edit-row";
import { TransactionRow } from "./transaction-row";
import { draftOf, useCreateTransaction, useDeleteTransaction, useUpdateTransaction } from "./use-transaction-mutations";

export type TransactionListProps = {
  filters: TransactionFilters;
  /** Rows per page; also part of the cache key, so the stream page's short list is its own query. */
  limit?: number;
  /** Off where every row is of one stream (the stream page). */
  showStream?: boolean;
  empty: ReactNode;
  label: string;
};

type Editing = { id: string; retry?: { values: EditValues; errors: Record<string, string> } };

/**
 * Newest first, a page at a time ("Load more" follows nextCursor). Rows edit in place and delete with an
 * Undo that posts the deleted transaction back. Every change shows at once and is rolled back if the
 * server refuses it (use-transaction-mutations.ts).
 */
export function TransactionList({ filters, limit = 50, showStream = true, empty, label }: TransactionListProps) {
  const { toast } = useToast();
  const list = useInfiniteQuery(transactionsQuery(filters, limit));
  const create = useCreateTransaction();
  const update = useUpdateTransaction();
  const remove = useDeleteTransaction();
  const [editing, setEditing] = useState<Editing | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const listRef = useRef<HTMLUListElement>(null);
  // Where focus goes once the row it points at has rendered (after an edit closes, or a delete).
  const focusTarget = useRef<string | null>(null);

  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];

  useEffect(() => {
    if (focusTarget.current === null) return;
    const el = editButtons.current.get(focusTarget.current);
    focusTarget.current = null;
    if (el) el.focus();
    else listRef.current?.focus();
  });

  function closeEditor(id: string) {
    focusTarget.current = id;
    setEditing(null);
  }

  function del(t: TransactionView) {
    const i = rows.findIndex((r) => r.id === t.id);
    const neighbour = rows[i + 1] ?? rows[i - 1];
    focusTarget.current = neighbour?.id ?? "";
    remove.mutate(t, {
      onSuccess: (deleted) =>
        toast({
          title: `Deleted ${ENTRY_KIND_LABELS[entryKindOf(deleted)].toLowerCase()} of ${formatMoney(deleted.amountMinor, deleted.currency)}`,
          description: [deleted.streamName, deleted.counterparty].filter(Boolean).join(" · "),
          action: {
            label: "Undo",
            onClick: () =>
              create.mutate(draftOf(deleted), {
                onError: () => toast({ title: "Could not restore the transaction", tone: "danger" }),
              }),
          },
        }),
      onError: () => toast({ title: "Could not delete the transaction", tone: "danger" }),
    });
  }

  if (list.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-2 p-4">
        <span className="sr-only">Loading transactions…</span>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 p-4 text-sm text-danger">
        Could not load transactions.
        <Button size="sm" variant="secondary" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (rows.length === 0) return <div className="p-4">{empty}</div>;

  return (
    <div className="flex flex-col">
      <ul ref={listRef} tabIndex={-1} aria-label={label} className="divide-y divide-border focus:outline-none">
        {rows.map((t) => (
          <li key={t.id}>
            {editing?.id === t.id ? (
              <TransactionEditRow
                t={t}
                retry={editing.retry}
                onCancel={() => closeEditor(t.id)}
                onSave={(draft, values) => {
                  closeEditor(t.id);
                  update.mutate(
                    { before: t, draft },
                    {
                      onError: (err) => {
                        setEditing({ id: t.id, retry: { values, errors: requestErrors(err, "Could not save the change. Try again.") } });
                        toast({
                          title: "The change was not saved",
                          description: "The row is open again with what you typed.",
                          tone: "danger",
                        });
                      },
                    },
                  );
                }}
              />
            ) : (
              <TransactionRow
                t={t}
                showStream={showStream}
                onEdit={() => setEditing({ id: t.id })}
                onDelete={() => del(t)}
                editButtonRef={(el) => {
                  if (el) editButtons.current.set(t.id, el);
                  else editButtons.current.delete(t.id);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {list.hasNextPage ? (
        <div className="flex justify-center border-t border-border p-3">
          <Button variant="secondary" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}

export function NoTransactions({ filtered, children }: { filtered: boolean; children?: ReactNode }) {
  return filtered ? (
    <EmptyState title="Nothing matches these filters" description="Widen the dates or clear the search." action={children} />
  ) : (
    <EmptyState title="No transactions yet" description="Log the first one with the form above: type the amount and press Enter." />
  );
}
