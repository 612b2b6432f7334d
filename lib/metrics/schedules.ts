import { addDays, daysBetween } from "./days";
import { addMonths, daysInMonth } from "./months";

/**
 * Expected income exactly as METRICS.md *Schedules* defines it: the occurrences of a schedule, which
 * linked transactions settle which occurrence, and each occurrence's status on a given day.
 */

export type Cadence = "weekly" | "monthly" | "quarterly" | "yearly";

export interface ScheduleRule {
  cadence: Cadence;
  /** Every N cadences (1 or more). */
  interval: number;
  startOn: string;
  endOn: string | null;
  graceDays: number;
}

/** A transaction linked to the schedule (`scheduleId`), in the order they were created (`createdOrder`). */
export interface LinkedTransaction {
  id: string;
  occurredOn: string;
  /** Ties of `occurredOn` settle in creation order: a creation timestamp or sequence, compared as given. */
  createdOrder: string | number;
}

export type OccurrenceStatus = "received" | "upcoming" | "due" | "late";

export interface Occurrence {
  index: number;
  dueOn: string;
  status: OccurrenceStatus;
  transactionId: string | null;
}

const MONTHS_PER: Record<Exclude<Cadence, "weekly">, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The due date of occurrence `index` (0, 1, …), or null when it falls after `endOn`. Monthly, quarterly
 * and yearly occurrences keep `startOn`'s day of the month, or take the month's last day when it is shorter
 * (a schedule from Jan 31 is due Feb 28, then Mar 31).
 */
export function occurrenceDueOn(rule: ScheduleRule, index: number): string | null {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`not an occurrence index: ${index}`);
  if (!Number.isInteger(rule.interval) || rule.interval < 1) throw new RangeError(`not an interval: ${rule.interval}`);
  let due: string;
  if (rule.cadence === "weekly") {
    due = addDays(rule.startOn, 7 * rule.interval * index);
  } else {
    const month = addMonths(rule.startOn.slice(0, 7), MONTHS_PER[rule.cadence] * rule.interval * index);
    const day = Math.min(Number(rule.startOn.slice(8, 10)), daysInMonth(month));
    due = `${month}-${String(day).padStart(2, "0")}`;
  }
  return rule.endOn !== null && due > rule.endOn ? null : due;
}

/** Every occurrence due on or before `until`, in order. */
export function occurrencesThrough(rule: ScheduleRule, until: string): { index: number; dueOn: string }[] {
  const out: { index: number; dueOn: string }[] = [];
  for (let index = 0; ; index++) {
    const dueOn = occurrenceDueOn(rule, index);
    if (dueOn === null || dueOn > until) return out;
    out.push({ index, dueOn });
  }
}

export function occurrenceStatus(dueOn: string, settled: boolean, today: string, graceDays: number): OccurrenceStatus {
  if (settled) return "received";
  if (dueOn > today) return "upcoming";
  return daysBetween(dueOn, today) <= graceDays ? "due" : "late";
}

/**
 * Settles the linked transactions against the schedule's occurrences, from scratch: in order of
 * `occurredOn`, then of creation, each takes the unsettled occurrence whose due date is nearest its
 * `occurredOn` (the earlier on a tie); one that finds none left (an ended schedule, paid in full) settles
 * nothing. Answers the occurrences due on or before `until`, plus any settled later (a payment ahead of
 * time), each with its status on `today`.
 */
export function scheduleOccurrences(rule: ScheduleRule, linked: readonly LinkedTransaction[], today: string, until: string): Occurrence[] {
  const ordered = [...linked].sort((a, b) =>
    a.occurredOn !== b.occurredOn
      ? a.occurredOn < b.occurredOn
        ? -1
        : 1
      : a.createdOrder < b.createdOrder
        ? -1
        : a.createdOrder > b.createdOrder
          ? 1
          : 0,
  );
  // Candidates: every occurrence up to the latest payment, then one more per payment, so the nearest
  // unsettled one is always among them however many came before it.
  const latest = ordered.reduce((max, t) => (t.occurredOn > max ? t.occurredOn : max), until);
  const candidates = occurrencesThrough(rule, latest);
  for (let extra = 0, index = candidates.length; extra <= ordered.length; extra++, index++) {
    const dueOn = occurrenceDueOn(rule, index);
    if (dueOn === null) break;
    candidates.push({ index, dueOn });
  }

  const settledBy = new Map<number, string>();
  for (const t of ordered) {
    let best: { index: number; distance: number } | null = null;
    for (const c of candidates) {
      if (settledBy.has(c.index)) continue;
      const distance = Math.abs(daysBetween(c.dueOn, t.occurredOn));
      // Candidates run in date order, so on a tie the earlier one is already held.
      if (best === null || distance < best.distance) best = { index: c.index, distance };
    }
    if (best !== null) settledBy.set(best.index, t.id);
  }

  return candidates
    .filter((c) => c.dueOn <= until || settledBy.has(c.index))
    .map((c) => {
      const transactionId = settledBy.get(c.index) ?? null;
      return {
        index: c.index,
        dueOn: c.dueOn,
        status: occurrenceStatus(c.dueOn, transactionId !== null, today, rule.graceDays),
        transactionId,
      };
    });
}
