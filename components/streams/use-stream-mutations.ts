"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { keys, metricsKeys, type List } from "@/lib/queries";
import type { CreateStreamInput, StreamView, UpdateStreamInput } from "@/lib/schemas/streams";
import { pickStreamColor } from "@/lib/stream-colors";

type StreamList = List<StreamView>;

let optimisticSeq = 0;

/** Same order as the API (name, case-insensitive), so an optimistic row lands where the real one will. */
function sortByName(list: StreamView[]): StreamView[] {
  return [...list].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

async function snapshot(qc: QueryClient) {
  await qc.cancelQueries({ queryKey: keys.streams() });
  return qc.getQueryData<StreamList>(keys.streams());
}

function setList(qc: QueryClient, update: (list: StreamView[]) => StreamView[]) {
  qc.setQueryData<StreamList>(keys.streams(), (old) => (old ? { ...old, data: update(old.data) } : old));
}

export function useCreateStream() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateStreamInput) => apiFetch<StreamView>("/api/v1/streams", { method: "POST", json: input }),
    onMutate: async (input) => {
      const previous = await snapshot(qc);
      optimisticSeq += 1;
      const now = new Date().toISOString();
      const temp: StreamView = {
        id: `optimistic-${optimisticSeq}`,
        name: input.name,
        kind: input.kind,
        role: input.role,
        platform: input.platform ?? null,
        status: input.status,
        startedOn: input.startedOn ?? null,
        // The colour the server will pick (lib/data/streams.ts createStream), so the dot does not change on its answer.
        color: input.color ?? pickStreamColor(previous?.data.map((s) => s.color) ?? []),
        description: input.description ?? null,
        taxRate: input.taxRate === undefined || input.taxRate === null ? null : Number(input.taxRate),
        feeds: input.feeds ?? [],
        fedBy: [],
        createdAt: now,
        updatedAt: now,
      };
      setList(qc, (list) => sortByName([...list, temp]));
      return { previous, tempId: temp.id };
    },
    onSuccess: (stream, _input, ctx) => setList(qc, (list) => list.map((s) => (s.id === ctx.tempId ? stream : s))),
    onError: (_err, _input, ctx) => qc.setQueryData(keys.streams(), ctx?.previous),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.streams() });
      // The dashboards list every stream that is not archived, a new one included.
      void qc.invalidateQueries({ queryKey: metricsKeys.all() });
    },
  });
}

export function useUpdateStream() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateStreamInput }) =>
      apiFetch<StreamView>(`/api/v1/streams/${id}`, { method: "PATCH", json: patch }),
    onMutate: async ({ id, patch }) => {
      const previous = await snapshot(qc);
      setList(qc, (list) => sortByName(list.map((s) => (s.id === id ? { ...s, ...withNulls(patch) } : s))));
      return { previous };
    },
    onError: (_err, _vars, ctx) => qc.setQueryData(keys.streams(), ctx?.previous),
    onSettled: (_data, _err, { patch }) => {
      void qc.invalidateQueries({ queryKey: keys.streams() });
      // Name, kind, role, platform and status all show in (or change) the dashboards' figures.
      void qc.invalidateQueries({ queryKey: metricsKeys.all() });
      // Transactions carry their stream's name; only a rename changes what the lists show.
      if (patch.name !== undefined) void qc.invalidateQueries({ queryKey: keys.transactionLists() });
    },
  });
}

export type DeleteStreamVars = {
  id: string;
  name: string;
  /** The number of transactions the user was shown and agreed to delete with the stream; any other count is a 409. */
  expectedTransactions: number;
};

export type DeleteStreamOptions = {
  /** Drop the stream from the list before the server answers (the streams board). Off on the stream's own page. */
  optimistic?: boolean;
  /**
   * Hook-level, so they run even when the component that called mutate() has unmounted (TanStack Query drops
   * mutate()'s own callbacks then). onDeleted runs before the caches are touched, so a page showing the
   * stream can stop querying it first.
   */
  onDeleted?: (vars: DeleteStreamVars) => void;
  onFailed?: (err: Error, vars: DeleteStreamVars) => void;
};

/**
 * Always `cascade` with the count the user confirmed (0 included): should the count have changed in the
 * meantime, the server refuses with a 409 whose detail says the new count, and nothing is deleted.
 */
export function useDeleteStream({ optimistic = true, onDeleted, onFailed }: DeleteStreamOptions = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, expectedTransactions }: DeleteStreamVars) =>
      apiFetch<void>(`/api/v1/streams/${id}?cascade=true&expectedTransactions=${expectedTransactions}`, { method: "DELETE" }),
    onMutate: async ({ id }) => {
      if (!optimistic) return { previous: undefined };
      const previous = await snapshot(qc);
      setList(qc, (list) => list.filter((s) => s.id !== id));
      return { previous };
    },
    onError: (err, vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(keys.streams(), ctx.previous);
      onFailed?.(err, vars);
    },
    onSuccess: (_data, vars) => {
      const { id, expectedTransactions } = vars;
      onDeleted?.(vars);
      // Nothing may fetch the deleted stream again: its own queries go before any invalidation can refetch them.
      qc.removeQueries({ queryKey: keys.streamClients(id) });
      qc.removeQueries({ queryKey: keys.timeEntries(id) });
      qc.removeQueries({ queryKey: keys.streamDetail(id) });
      qc.removeQueries({
        queryKey: keys.transactionLists(),
        predicate: (q) => (q.queryKey[2] as { stream?: string } | undefined)?.stream === id,
      });
      // Its goals go with it (a database cascade), and its figures leave the dashboards.
      void qc.invalidateQueries({ queryKey: metricsKeys.all() });
      void qc.invalidateQueries({ queryKey: metricsKeys.goals() });
      if (expectedTransactions > 0) {
        void qc.invalidateQueries({ queryKey: keys.transactionLists() });
        void qc.invalidateQueries({ queryKey: keys.suggestions() });
      }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.streams() }),
  });
}

/** A PATCH's cleared optional fields arrive as null or undefined; the view always has null. */
function withNulls(patch: UpdateStreamInput): Partial<StreamView> {
  const out: Partial<StreamView> = {};
  for (const [k, v] of Object.entries(patch) as [keyof UpdateStreamInput, unknown][]) {
    (out as Record<string, unknown>)[k] = v === undefined ? null : v;
  }
  return out;
}
