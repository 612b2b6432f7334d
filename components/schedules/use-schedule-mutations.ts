"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { keys, metricsKeys } from "@/lib/queries";
import type { CreateScheduleInput, ScheduleView, UpdateScheduleInput } from "@/lib/schemas/schedules";
import type { TransactionView } from "@/lib/schemas/transactions";

/** Schedules feed the plan and the Overview, which live under "metrics" like the schedule reads themselves. */
function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: metricsKeys.all() });
}

export function useCreateSchedule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateScheduleInput) => apiFetch<ScheduleView>("/api/v1/schedules", { method: "POST", json: input }),
    onSettled: refresh,
  });
}

export function useUpdateSchedule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateScheduleInput }) =>
      apiFetch<ScheduleView>(`/api/v1/schedules/${encodeURIComponent(id)}`, { method: "PATCH", json: patch }),
    onSettled: refresh,
  });
}

export function useDeleteSchedule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<null>(`/api/v1/schedules/${encodeURIComponent(id)}`, { method: "DELETE" }),
    // Its payments stay but lose their link: their rows in the lists change too.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: metricsKeys.all() });
      void qc.invalidateQueries({ queryKey: keys.transactionLists() });
    },
  });
}

/** Marks a logged payment as the one that settles a schedule's occurrence. */
export function useSettle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ transactionId, scheduleId }: { transactionId: string; scheduleId: string }) =>
      apiFetch<TransactionView>(`/api/v1/transactions/${encodeURIComponent(transactionId)}`, { method: "PATCH", json: { scheduleId } }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: metricsKeys.all() });
      void qc.invalidateQueries({ queryKey: keys.transactionLists() });
    },
  });
}
