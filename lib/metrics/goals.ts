import { exactRatio } from "./exact-ratio";
import { dayOfMonth, daysInMonth, monthOf } from "./months";
import type { GoalInput, GoalMonth, Goals } from "./types";

/** A goal owner: the portfolio (streamId null) or one listed stream, with its monthly actuals. */
export interface GoalOwner {
  streamId: string | null;
  /** aligned with months */
  actual: readonly number[];
}

/**
 * Entries run month by month, the portfolio first, then the streams in the order given.
 * A target of 0 (or less) means "no goal from this month on": it is how a step function ends.
 */
export function computeGoals(
  months: readonly string[],
  today: string,
  owners: readonly GoalOwner[],
  goals: readonly GoalInput[],
): Goals {
  const currentMonth = monthOf(today);
  const entries: GoalMonth[] = [];
  months.forEach((month, index) => {
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
        projected: month === currentMonth ? projectMonth(actual, today) : null,
        status: actual >= target ? "hit" : month >= currentMonth ? "open" : "missed",
      });
    }
  });
  return { hitRate: hitRate(entries, currentMonth), months: entries };
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

/** Straight-line projection of a month in progress: actual × daysInMonth / dayOfMonth. */
export function projectMonth(actual: number, today: string): number {
  return exactRatio(BigInt(actual) * BigInt(daysInMonth(monthOf(today))), BigInt(dayOfMonth(today)));
}

/** Months after today's month have not happened yet, so they neither hit nor miss. */
function hitRate(entries: readonly GoalMonth[], currentMonth: string): number | null {
  const settled = entries.filter((entry) => entry.month <= currentMonth);
  if (settled.length === 0) return null;
  const hits = settled.filter((entry) => entry.actual >= entry.target).length;
  return hits / settled.length;
}
