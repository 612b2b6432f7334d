import { daysBetween } from "./days";
import type { ScheduleRule } from "./schedules";

/**
 * Which payment looks like which expected occurrence: the suggestions on the stream page and the
 * automatic links of an import. METRICS.md leaves matching to the app; the rule here is that a payment
 * fits an unsettled occurrence of a schedule of its stream when kind, currency and amount are the
 * schedule's, its counterparty is the schedule's (trimmed, any case; any counterparty when the schedule
 * names none), and it falls within the occurrence's window.
 */

const APPROXIMATE_DAYS = { weekly: 7, monthly: 30, quarterly: 91, yearly: 365 } as const;

/**
 * How far from its due date a payment still counts as that occurrence's: half the time between two
 * occurrences (early or late, a payment is nearer its own occurrence than the next), and never less
 * than the grace days.
 */
export function matchWindowDays(rule: Pick<ScheduleRule, "cadence" | "interval" | "graceDays">): number {
  return Math.max(rule.graceDays, Math.floor((APPROXIMATE_DAYS[rule.cadence] * rule.interval) / 2));
}

export interface MatchableSchedule {
  id: string;
  streamId: string;
  kind: "income" | "expense";
  currency: string;
  amountMinor: number;
  counterparty: string | null;
  rule: ScheduleRule;
  /** The due dates of its unsettled occurrences. */
  open: readonly string[];
}

export interface MatchablePayment {
  streamId: string;
  kind: "income" | "expense";
  currency: string;
  amountMinor: number;
  counterparty: string | null;
  occurredOn: string;
}

const sameParty = (a: string | null, b: string | null) => a === null || (b !== null && a.trim().toLowerCase() === b.trim().toLowerCase());

/** Every unsettled occurrence the payment fits, nearest first (then earlier, then by schedule id). */
export function fittingOccurrences(
  schedules: readonly MatchableSchedule[],
  payment: MatchablePayment,
): { scheduleId: string; dueOn: string }[] {
  const fits: { scheduleId: string; dueOn: string; distance: number }[] = [];
  for (const s of schedules) {
    if (s.streamId !== payment.streamId || s.kind !== payment.kind || s.currency !== payment.currency) continue;
    if (s.amountMinor !== payment.amountMinor || !sameParty(s.counterparty, payment.counterparty)) continue;
    const window = matchWindowDays(s.rule);
    for (const dueOn of s.open) {
      const distance = Math.abs(daysBetween(dueOn, payment.occurredOn));
      if (distance <= window) fits.push({ scheduleId: s.id, dueOn, distance });
    }
  }
  fits.sort((a, b) => a.distance - b.distance || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.scheduleId < b.scheduleId ? -1 : 1));
  return fits.map(({ scheduleId, dueOn }) => ({ scheduleId, dueOn }));
}

/**
 * Links for a batch of payments (an import, chunk by chunk), in order of date: a payment is linked when
 * exactly one unsettled occurrence fits it, and that occurrence is then taken out of `open` (which this
 * updates in place, so the next chunk sees it settled). Answers the schedule id per payment, or null.
 */
export function autoMatch(
  open: { -readonly [K in keyof MatchableSchedule]: MatchableSchedule[K] }[],
  payments: readonly MatchablePayment[],
): (string | null)[] {
  const order = payments
    .map((_, i) => i)
    .sort((a, b) =>
      payments[a]!.occurredOn < payments[b]!.occurredOn ? -1 : payments[a]!.occurredOn > payments[b]!.occurredOn ? 1 : a - b,
    );
  const links: (string | null)[] = payments.map(() => null);
  for (const i of order) {
    const fits = fittingOccurrences(open, payments[i]!);
    if (fits.length !== 1) continue;
    const [fit] = fits;
    const s = open.find((x) => x.id === fit!.scheduleId)!;
    s.open = s.open.filter((d) => d !== fit!.dueOn);
    links[i] = s.id;
  }
  return links;
}
