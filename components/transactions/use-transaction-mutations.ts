"use client";

import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { parseAmount } from "@/lib/metrics/money";
import { keys, metricsKeys, type List } from "@/lib/queries";
import type { StreamView } from "@/lib/schemas/streams";
import type { TransactionView } from "@/lib/schemas/transactions";
import { filtersOfKey, insertSorted, matchesFilters, removeById, replaceById, type TransactionPages } from "./optimistic";

/** What the forms send: the API's own field names, the amount as the decimal string typed. */
export type TransactionDraft = {
  streamId: string;
  kind: "income" | "expense";
  occurredOn: string;
  amount: string;
  currency: string;
  counterparty: string | null;
  platform: string | null;
  description: string | null;
  externalId?: string | null;
};

const mutationKey = ["transactions"] as const;
let optimisticSeq = 0;

type Snapshot = [QueryKey, TransactionPages | undefined][];

async function snapshotLists(qc: QueryClient): Promise<Snapshot> {
  await qc.cancelQueries({ queryKey: keys.transactionLists() });
  return qc.getQueriesData<TransactionPages>({ queryKey: keys.transactionLists() });
}

function restore(qc: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) qc.setQueryData(key, data);
}

function eachList(qc: QueryClient, update: (data: TransactionPages, key: QueryKey) => TransactionPages) {
  for (const [key, data] of qc.getQueriesData<TransactionPages>({ queryKey: keys.transactionLists() })) {
    if (data) qc.setQueryData<TransactionPages>(key, update(data, key));
  }
}

function streamName(qc: QueryClient, id: string): string {
  return qc.getQueryData<List<StreamView>>(keys.streams())?.data.find((s) => s.id === id)?.name ?? "";
}

/** The draft as the list would show it, before the server has answered. */
function preview(qc: QueryClient, id: string, draft: TransactionDraft, base?: TransactionView): TransactionView {
  const parsed = parseAmount(draft.amount, draft.currency);
  const now = new Date().toISOString();
  return {
    id,
    streamId: draft.streamId,
    streamName: streamName(qc, draft.streamId) || (base?.streamName ?? ""),
    kind: draft.kind,
    occurredOn: draft.occurredOn,
    amount: draft.amount,
    amountMinor: parsed.ok ? parsed.minor : (base?.amountMinor ?? 0),
    currency: draft.currency,
    // Unknown until the server converts it; nothing on screen reads it from a row.
    baseAmountMinor: base?.baseAmountMinor ?? null,
    counterparty: draft.counterparty,
    platform: draft.platform,
    description: draft.description,
    externalId: draft.externalId ?? base?.externalId ?? null,
    scheduleId: base?.scheduleId ?? null,
    createdAt: base?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Everything a change to transactions can move: the lists, the clients and counts of the streams
 * involved, every metrics window (stream cards and pages read them too), and (when a name was typed) the
 * suggestions. Lists refetch only once no other transaction change is in flight, so a refetch cannot
 * wipe out a newer optimistic row.
 */
function invalidateAfter(qc: QueryClient, streamIds: readonly string[], touchesSuggestions: boolean) {
  if (qc.isMutating({ mutationKey }) <= 1) void qc.invalidateQueries({ queryKey: keys.transactionLists() });
  for (const id of new Set(streamIds)) {
    void qc.invalidateQueries({ queryKey: keys.streamClients(id) });
    void qc.invalidateQueries({ queryKey: keys.streamDetail(id) });
  }
  void qc.invalidateQueries({ queryKey: metricsKeys.all() });
  if (touchesSuggestions) void qc.invalidateQueries({ queryKey: keys.suggestions() });
}

export function useCreateTransaction() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: (draft: TransactionDraft) => apiFetch<TransactionView>("/api/v1/transactions", { method: "POST", json: draft }),
    onMutate: async (draft) => {
      const snapshot = await snapshotLists(qc);
      optimisticSeq += 1;
      const temp = preview(qc, `optimistic-${optimisticSeq}`, draft);
      eachList(qc, (data, key) => (matchesFilters(temp, filtersOfKey(key)) ? insertSorted(data, temp) : data));
      return { snapshot, tempId: temp.id };
    },
    onSuccess: (created, _draft, ctx) => eachList(qc, (data) => replaceById(data, ctx.tempId, created)),
    onError: (_err, _draft, ctx) => restore(qc, ctx?.snapshot),
    onSettled: (_data, _err, draft) => invalidateAfter(qc, [draft.streamId], Boolean(draft.counterparty || draft.platform)),
  });
}

export function useUpdateTransaction() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: ({ before, draft }: { before: TransactionView; draft: TransactionDraft }) =>
      apiFetch<TransactionView>(`/api/v1/transactions/${before.id}`, { method: "PATCH", json: draft }),
    onMutate: async ({ before, draft }) => {
      const snapshot = await snapshotLists(qc);
      const next = preview(qc, before.id, draft, before);
      eachList(qc, (data) => replaceById(data, before.id, next));
      return { snapshot };
    },
    onSuccess: (saved) => eachList(qc, (data) => replaceById(data, saved.id, saved)),
    onError: (_err, _vars, ctx) => restore(qc, ctx?.snapshot),
    onSettled: (_data, _err, { before, draft }) =>
      invalidateAfter(
        qc,
        [before.streamId, draft.streamId],
        draft.counterparty !== before.counterparty || draft.platform !== before.platform,
      ),
  });
}

/** Answers the deleted transaction, which is what an undo posts back. */
export function useDeleteTransaction() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey,
    mutationFn: (t: TransactionView) => apiFetch<TransactionView>(`/api/v1/transactions/${t.id}`, { method: "DELETE" }),
    onMutate: async (t) => {
      const snapshot = await snapshotLists(qc);
      eachList(qc, (data) => removeById(data, t.id));
      return { snapshot };
    },
    onError: (_err, _t, ctx) => restore(qc, ctx?.snapshot),
    onSettled: (_data, _err, t) => invalidateAfter(qc, [t.streamId], Boolean(t.counterparty || t.platform)),
  });
}

/** The fields that recreate a deleted transaction as it was (a new id; the same externalId). */
export function draftOf(t: TransactionView): TransactionDraft {
  return {
    streamId: t.streamId,
    kind: t.kind,
    occurredOn: t.occurredOn,
    amount: t.amount,
    currency: t.currency,
    counterparty: t.counterparty,
    platform: t.platform,
    description: t.description,
    externalId: t.externalId,
  };
}
