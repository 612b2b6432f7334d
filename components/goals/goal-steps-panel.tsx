"use client";

import { Panel } from "@/components/dashboard/panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { formatMoney, formatMonth } from "@/lib/format";
import type { GoalView } from "@/lib/schemas/goals";
import type { StreamView } from "@/lib/schemas/streams";
import { ownersIn } from "./owners";
import { useDeleteGoal, useSetGoal } from "./use-goal-mutations";

type Props = {
  goals: readonly GoalView[] | undefined;
  loading: boolean;
  error: boolean;
  streams: readonly StreamView[] | undefined;
  currency: string;
  currentMonth: string;
  className?: string;
};

/**
 * Each owner's goal as a step list: a target from a month on, until the next step. The step in force this
 * month is marked; deleting one is immediate, with Undo in the toast (which sets the same step again).
 */
export function GoalStepsPanel({ goals, loading, error, streams, currency, currentMonth, className }: Props) {
  const { toast } = useToast();
  const remove = useDeleteGoal();
  const restore = useSetGoal(currency);
  const owners = ownersIn(goals ?? [], streams);

  function onDelete(goal: GoalView, ownerName: string) {
    const label = `${formatMoney(goal.amountMinor, goal.currency)} from ${formatMonth(goal.effectiveFrom)}`;
    remove.mutate(goal, {
      onSuccess: () =>
        toast({
          title: "Goal deleted",
          description: `${ownerName}: ${label}.`,
          action: {
            label: "Undo",
            onClick: () => restore.mutate({ streamId: goal.streamId, amount: goal.amount, effectiveFrom: goal.effectiveFrom }),
          },
        }),
      onError: (err) => toast({ title: "Could not delete the goal", description: err.message, tone: "danger" }),
    });
  }

  return (
    <Panel
      className={className}
      title="Your goals"
      description="Each goal holds from its month until the next one for the same owner."
      loading={loading}
      error={error}
      empty={goals && goals.length === 0 ? "No goals yet. Set a monthly goal for your portfolio or for one stream." : undefined}
    >
      <div className="flex flex-col gap-5" data-testid="goal-steps">
        {owners.map((owner) => {
          const steps = (goals ?? [])
            .filter((g) => g.streamId === owner.streamId)
            .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
          // The step in force this month: the latest one that has started (METRICS.md, Goals).
          const inForce = steps.filter((g) => g.effectiveFrom <= currentMonth).at(-1);
          return (
            <section key={owner.streamId ?? "portfolio"} aria-label={owner.name} className="flex flex-col gap-2">
              <h3 className="flex items-center gap-2 text-sm font-semibold text-foreground">
                <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-full" style={{ backgroundColor: owner.color }} />
                {owner.name}
              </h3>
              <ol className="flex flex-col border-l border-border pl-3">
                {steps.map((g) => (
                  <li key={g.id} className="flex items-center justify-between gap-2 py-1">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-x-2 text-sm">
                        {g.amountMinor > 0 ? (
                          <span>
                            <span className="money font-semibold text-foreground">{formatMoney(g.amountMinor, g.currency)}</span>
                            <span className="text-muted-foreground"> a month</span>
                          </span>
                        ) : (
                          <span className="font-medium text-foreground">No goal</span>
                        )}
                        {g === inForce ? <Badge tone="info">Now</Badge> : g.effectiveFrom > currentMonth ? <Badge>Upcoming</Badge> : null}
                      </p>
                      <p className="text-xs text-muted-foreground">from {formatMonth(g.effectiveFrom)}</p>
                    </div>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-8 text-muted-foreground hover:text-danger"
                      aria-label={`Delete the goal of ${owner.name} from ${formatMonth(g.effectiveFrom)}`}
                      disabled={g.id.startsWith("pending-")}
                      onClick={() => onDelete(g, owner.name)}
                    >
                      <svg
                        viewBox="0 0 24 24"
                        fill="none"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                        strokeLinejoin="round"
                        aria-hidden="true"
                        className="size-4"
                      >
                        <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
                      </svg>
                    </Button>
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </Panel>
  );
}
