"use client";

import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import { parseAmount } from "@/lib/metrics/money";
import { metricsKeys, type List } from "@/lib/queries";
import type { GoalView } from "@/lib/schemas/goals";

export type GoalInput = { streamId: string | null; amount: string; effectiveFrom: string };

type Snapshot = { previous: List<GoalView> | undefined };

/**
 * Goals change two things: the goals list and every metrics window (targets, progress, hit rate). The list
 * is updated at once (optimistically) and both are refetched when the request settles, nothing else.
 */
async function settle(qc: QueryClient) {
  await Promise.all([qc.invalidateQueries({ queryKey: metricsKeys.goals() }), qc.invalidateQueries({ queryKey: metricsKeys.all() })]);
}

async function snapshot(qc: QueryClient): Promise<Snapshot> {
  await qc.cancelQueries({ queryKey: metricsKeys.goals() });
  return { previous: qc.getQueryData<List<GoalView>>(metricsKeys.goals()) };
}

function restore(qc: QueryClient, context: Snapshot | undefined) {
  if (context?.previous) qc.setQueryData(metricsKeys.goals(), context.previous);
}

/** POST /api/v1/goals: a new step, or a new target for the same owner and month (the API replaces it). */
export function useSetGoal(currency: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: GoalInput) => apiFetch<GoalView>("/api/v1/goals", { method: "POST", json: input }),
    onMutate: async (input): Promise<Snapshot> => {
      const context = await snapshot(qc);
      const parsed = parseAmount(input.amount, currency);
      if (context.previous && parsed.ok) {
        const now = new Date().toISOString();
        const placeholder: GoalView = {
          id: `pending-${input.streamId ?? "portfolio"}-${input.effectiveFrom}`,
          streamId: input.streamId,
          amount: input.amount,
          amountMinor: parsed.minor,
          currency,
          effectiveFrom: input.effectiveFrom,
          createdAt: now,
          updatedAt: now,
        };
        const others = context.previous.data.filter((g) => !(g.streamId === input.streamId && g.effectiveFrom === input.effectiveFrom));
        qc.setQueryData(metricsKeys.goals(), { ...context.previous, data: [...others, placeholder] });
      }
      return context;
    },
    onError: (_err, _input, context) => restore(qc, context),
    onSettled: () => settle(qc),
  });
}

/** DELETE /api/v1/goals/{id}: the step disappears at once and comes back if the request fails. */
export function useDeleteGoal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (goal: GoalView) => apiFetch<GoalView>(`/api/v1/goals/${goal.id}`, { method: "DELETE" }),
    onMutate: async (goal): Promise<Snapshot> => {
      const context = await snapshot(qc);
      if (context.previous)
        qc.setQueryData(metricsKeys.goals(), { ...context.previous, data: context.previous.data.filter((g) => g.id !== goal.id) });
      return context;
    },
    onError: (_err, _goal, context) => restore(qc, context),
    onSettled: () => settle(qc),
  });
}
