"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { keys, metricsKeys, type List } from "@/lib/queries";
import type { TimeEntryView } from "@/lib/schemas/time-entries";

type Pages = InfiniteData<List<TimeEntryView>, string | null>;
export type TimeDraft = { streamId: string; occurredOn: string; minutes: number; note: string | null };

let optimisticSeq = 0;

/** Applies `update` to each loaded page (`firstOnly`: to the first, where a new entry goes). */
function setPages(qc: QueryClient, streamId: string, update: (entries: TimeEntryView[]) => TimeEntryView[], firstOnly = false) {
  qc.setQueryData<Pages>(keys.timeEntries(streamId), (old) =>
    old ? { ...old, pages: old.pages.map((p, i) => (firstOnly && i > 0 ? p : { ...p, data: update(p.data) })) } : old,
  );
}

async function snapshot(qc: QueryClient, streamId: string) {
  await qc.cancelQueries({ queryKey: keys.timeEntries(streamId) });
  return qc.getQueryData<Pages>(keys.timeEntries(streamId));
}

/** Hours move the stream's hours and hourly rate, and the dashboards' (which show hours too). */
function invalidate(qc: QueryClient, streamId: string) {
  void qc.invalidateQueries({ queryKey: keys.timeEntries(streamId) });
  void qc.invalidateQueries({ queryKey: metricsKeys.all() });
}

export function useLogTime(streamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: TimeDraft) => apiFetch<TimeEntryView>("/api/v1/time-entries", { method: "POST", json: draft }),
    onMutate: async (draft) => {
      const previous = await snapshot(qc, streamId);
      optimisticSeq += 1;
      const now = new Date().toISOString();
      const temp: TimeEntryView = { id: `optimistic-${optimisticSeq}`, ...draft, hours: draft.minutes / 60, createdAt: now, updatedAt: now };
      setPages(qc, streamId, (entries) => {
        const at = entries.findIndex((e) => e.occurredOn <= temp.occurredOn);
        return at === -1 ? [...entries, temp] : [...entries.slice(0, at), temp, ...entries.slice(at)];
      }, true);
      return { previous };
    },
    onError: (_err, _draft, ctx) => qc.setQueryData(keys.timeEntries(streamId), ctx?.previous),
    onSettled: () => invalidate(qc, streamId),
  });
}

export function useDeleteTime(streamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entry: TimeEntryView) => apiFetch<TimeEntryView>(`/api/v1/time-entries/${entry.id}`, { method: "DELETE" }),
    onMutate: async (entry) => {
      const previous = await snapshot(qc, streamId);
      setPages(qc, streamId, (entries) => entries.filter((e) => e.id !== entry.id));
      return { previous };
    },
    onError: (_err, _entry, ctx) => qc.setQueryData(keys.timeEntries(streamId), ctx?.previous),
    onSettled: () => invalidate(qc, streamId),
  });
}
