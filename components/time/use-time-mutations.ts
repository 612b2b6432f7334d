"use client";

import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { keys, metricsKeys, type List } from "@/lib/queries";
import type { TimeEntryView } from "@/lib/schemas/time-entries";

type Pages = InfiniteData<List<TimeEntryView>, string | null>;
/** What the forms send, after createTimeEntryInput has read the duration typed ("1.5 h", "1:30", "90m"). */
export type TimeDraft = { streamId: string; occurredOn: string; minutes: number; note: string | null };
/** A change to an entry, after updateTimeEntryInput has read it. */
export type TimePatch = { occurredOn: string; minutes: number; note: string | null };

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

/** Logs time to the draft's stream (from its page or from the quick-add bar of any page). */
export function useLogTime() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: TimeDraft) => apiFetch<TimeEntryView>("/api/v1/time-entries", { method: "POST", json: draft }),
    onMutate: async (draft) => {
      const previous = await snapshot(qc, draft.streamId);
      optimisticSeq += 1;
      const now = new Date().toISOString();
      const temp: TimeEntryView = {
        id: `optimistic-${optimisticSeq}`,
        ...draft,
        hours: draft.minutes / 60,
        createdAt: now,
        updatedAt: now,
      };
      setPages(
        qc,
        draft.streamId,
        (entries) => {
          const at = entries.findIndex((e) => e.occurredOn <= temp.occurredOn);
          return at === -1 ? [...entries, temp] : [...entries.slice(0, at), temp, ...entries.slice(at)];
        },
        true,
      );
      return { previous };
    },
    onError: (_err, draft, ctx) => qc.setQueryData(keys.timeEntries(draft.streamId), ctx?.previous),
    onSettled: (_data, _err, draft) => invalidate(qc, draft.streamId),
  });
}

/** Changes an entry in place at once; the server's answer confirms it, a refusal puts the old one back. */
export function useUpdateTime(streamId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ before, patch }: { before: TimeEntryView; patch: TimePatch }) =>
      apiFetch<TimeEntryView>(`/api/v1/time-entries/${before.id}`, { method: "PATCH", json: patch }),
    onMutate: async ({ before, patch }) => {
      const previous = await snapshot(qc, streamId);
      const next: TimeEntryView = { ...before, ...patch, hours: patch.minutes / 60, updatedAt: new Date().toISOString() };
      setPages(qc, streamId, (entries) => entries.map((e) => (e.id === before.id ? next : e)));
      return { previous };
    },
    onSuccess: (saved) => setPages(qc, streamId, (entries) => entries.map((e) => (e.id === saved.id ? saved : e))),
    onError: (_err, _vars, ctx) => qc.setQueryData(keys.timeEntries(streamId), ctx?.previous),
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
