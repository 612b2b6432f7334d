import { exactRatio } from "./exact-ratio";
import { monthOf } from "./months";
import type { GoalInput, GoalMonth, Goals, GoalStatus } from "./types";

/** A goal owner: the portfolio (streamId null) or one listed stream, with its monthly actuals. */
export interface GoalOwner {
  streamId: string | null;
  /** aligned with months */
  actual: readonly number[];
  /**
   * The owner's income dated after today's day of the month in each of the projection months (up to 6
   * complete months since F, METRICS.md "Goals"); empty when there is no such month.
   */
  incomeAfterToday: readonly number[];
}

/**
 * Entries run month by month, the portfolio first, then the streams in the order given. A month before
 * the first data month F has no entry (a goal cannot be missed before recording began); today's month
 * and later always do. A target of 0 (or less) means "no goal from this month on": it is how a step
 * function ends.
 */
export function computeGoals(
  months: readonly string[],
  today: string,
  firstMonth: string | null,
  owners: readonly GoalOwner[],
  goals: readonly GoalInput[],
): Goals {
  const currentMonth = monthOf(today);
  const entries: GoalMonth[] = [];
  months.forEach((month, index) => {
    if (month < currentMonth && (firstMonth === null || month < firstMonth)) return;
    for (const owner of owners) {
      const target = targetFor(goals, owner.streamId, month);
      if (target === undefined) continue;
      const actual = owner.actual[index] ?? 0;
      entries.push({
        month,
        streamId: owner.streamId,
        target,
        actual,
        progress: exactRatio(BigInt(actual), BigInt(target)),
        projected: month === currentMonth ? projectMonth(actual, owner.incomeAfterToday) : null,
        status: goalStatus(month, currentMonth, actual, target),
      });
    }
  });
  return { hitRate: hitRate(entries), months: entries };
}

export function goalStatus(month: string, currentMonth: string, actual: number, target: number): GoalStatus {
  if (month === currentMonth) return "current";
  if (month > currentMonth) return "future";
  return actual >= target ? "hit" : "missed";
}

/**
 * The target of the goal with the latest effectiveFrom <= month. Two goals of one owner from the
 * same month: the higher target wins, so row order cannot change the answer.
 */
export function targetFor(goals: readonly GoalInput[], streamId: string | null, month: string): number | undefined {
  let chosen: GoalInput | undefined;
  for (const goal of goals) {
    if (goal.streamId !== streamId || goal.effectiveFrom > month) continue;
    if (
      chosen === undefined ||
      goal.effectiveFrom > chosen.effectiveFrom ||
      (goal.effectiveFrom === chosen.effectiveFrom && goal.targetMinor > chosen.targetMinor)
    ) {
      chosen = goal;
    }
  }
  return chosen !== undefined && chosen.targetMinor > 0 ? chosen.targetMinor : undefined;
}

/**
 * Month-end projection that follows the owner's own pattern: income arrives unevenly (a retainer on the
 * 1st, payouts at month end), so what is still to come is the mean of what came after today's day of
 * the month in recent months: actual + mean(tails), as one exact division. null without such a month.
 */
export function projectMonth(actual: number, incomeAfterToday: readonly number[]): number | null {
  const count = incomeAfterToday.length;
  if (count === 0) return null;
  let tails = 0n;
  for (const tail of incomeAfterToday) tails += BigInt(tail);
  return exactRatio(BigInt(actual) * BigInt(count) + tails, BigInt(count));
}

/** Only finished months hit or miss; today's month and later ones are neither. */
function hitRate(entries: readonly GoalMonth[]): number | null {
  const settled = entries.filter((entry) => entry.status === "hit" || entry.status === "missed");
  if (settled.length === 0) return null;
  return settled.filter((entry) => entry.status === "hit").length / settled.length;
}
