import { RULE_NAMES } from "./rule-names";
import type { RuleId } from "./thresholds";

/**
 * What the insights feed says, from figures already computed (METRICS.md's). Pure: lib/data gathers the
 * inputs and keeps each insight once by its `key`, which names the event itself, so the same late
 * payment, the same silence or the same closed month is never raised twice.
 */

export type InsightKind = "schedule.late" | "stream.silent" | "goal.reached" | "rule.changed" | "month.closed";

export interface InsightDraft {
  kind: InsightKind;
  key: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

export interface ClosedMonth {
  /** The month that just closed, YYYY-MM. */
  month: string;
  income: number;
  /** The average complete month before it (the 12 at most), null without one. */
  average: number | null;
  /** Each stream's income in the closed month and the month before. */
  streams: readonly { id: string; name: string; income: number; previous: number }[];
  rulesBefore: readonly { id: string; status: string }[];
  rulesAfter: readonly { id: string; status: string }[];
}

export interface InsightInput {
  late: readonly {
    scheduleId: string;
    streamId: string;
    name: string | null;
    streamName: string;
    dueOn: string;
    amount: string;
    currency: string;
    daysLate: number;
  }[];
  /** The monitored streams that are silent now. */
  silent: readonly { streamId: string; name: string; lastIncomeOn: string; daysSinceLast: number; expectedGapDays: number }[];
  /** This month's goals (portfolio: streamId null) with the income so far. */
  goals: readonly { streamId: string | null; streamName: string | null; month: string; target: number; actual: number }[];
  closed: ClosedMonth | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const days = (n: number) => (Number.isInteger(n) ? plural(n, "day") : `${n.toFixed(1)} days`);

/** `money` formats base minor units; `decimal` formats a decimal amount in a currency. */
export function detectInsights(
  input: InsightInput,
  money: (minor: number) => string,
  decimal: (amount: string, currency: string) => string,
  monthName: (month: string) => string,
): InsightDraft[] {
  const out: InsightDraft[] = [];
  for (const o of input.late) {
    const what = o.name ?? `A payment to ${o.streamName}`;
    out.push({
      kind: "schedule.late",
      key: `schedule.late:${o.scheduleId}:${o.dueOn}`,
      title: `${what} is late`,
      body: `${decimal(o.amount, o.currency)} was due on ${o.dueOn} (${o.streamName}) and has not arrived: ${plural(o.daysLate, "day")} late.`,
      data: {
        scheduleId: o.scheduleId,
        streamId: o.streamId,
        dueOn: o.dueOn,
        amount: o.amount,
        currency: o.currency,
        daysLate: o.daysLate,
      },
    });
  }
  for (const s of input.silent) {
    out.push({
      kind: "stream.silent",
      // One silence is the quiet after one last income: a new income ends it, and the next silence is another.
      key: `stream.silent:${s.streamId}:${s.lastIncomeOn}`,
      title: `${s.name} has gone silent`,
      body: `No income for ${days(s.daysSinceLast)}; it usually earns every ${days(s.expectedGapDays)}. If it runs on an automation, check that it still does.`,
      data: { streamId: s.streamId, lastIncomeOn: s.lastIncomeOn, daysSinceLast: s.daysSinceLast, expectedGapDays: s.expectedGapDays },
    });
  }
  for (const g of input.goals) {
    if (g.target <= 0 || g.actual < g.target) continue;
    const owner = g.streamName ?? "Your portfolio";
    out.push({
      kind: "goal.reached",
      key: `goal.reached:${g.streamId ?? "portfolio"}:${g.month}`,
      title: `${owner} reached its ${monthName(g.month)} goal`,
      body: `${money(g.actual)} so far against a goal of ${money(g.target)}.`,
      data: { streamId: g.streamId, month: g.month, target: g.target, actual: g.actual },
    });
  }
  const c = input.closed;
  if (c) {
    const before = new Map(c.rulesBefore.map((r) => [r.id, r.status]));
    for (const r of c.rulesAfter) {
      const was = before.get(r.id);
      // A rule that could not be checked (n/a) before or after did not change: it appeared or went quiet.
      if (was === undefined || was === r.status || was === "n/a" || r.status === "n/a") continue;
      const name = RULE_NAMES[r.id as RuleId] ?? r.id;
      out.push({
        kind: "rule.changed",
        key: `rule.changed:${r.id}:${c.month}`,
        title: `${name}: ${was} → ${r.status}`,
        body: `With ${monthName(c.month)} closed, “${name}” went from ${was} to ${r.status} over your last 12 months.`,
        data: { ruleId: r.id, from: was, to: r.status, month: c.month },
      });
    }
    const mover = [...c.streams].sort(
      (a, b) => Math.abs(b.income - b.previous) - Math.abs(a.income - a.previous) || (a.name < b.name ? -1 : 1),
    )[0];
    const change = c.average !== null && c.average !== 0 ? (c.income - c.average) / Math.abs(c.average) : null;
    const parts = [
      `You earned ${money(c.income)} in ${monthName(c.month)}`,
      change !== null
        ? `${change >= 0 ? "+" : "−"}${Math.round(Math.abs(change) * 100)}% against your average month of ${money(c.average!)}`
        : null,
    ].filter(Boolean);
    const moved = mover && mover.income !== mover.previous ? mover : null;
    out.push({
      kind: "month.closed",
      key: `month.closed:${c.month}`,
      title: `${monthName(c.month)} closed: ${money(c.income)}`,
      body:
        `${parts.join(", ")}.` +
        (moved
          ? ` The largest mover was ${moved.name}: ${money(moved.income)}, ${moved.income > moved.previous ? "up" : "down"} ${money(Math.abs(moved.income - moved.previous))} on the month before.`
          : ""),
      data: {
        month: c.month,
        income: c.income,
        average: c.average,
        change,
        largestMover: moved ? { streamId: moved.id, income: moved.income, previous: moved.previous } : null,
      },
    });
  }
  return out;
}
