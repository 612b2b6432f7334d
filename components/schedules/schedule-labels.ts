import type { BadgeTone } from "@/components/ui/badge";
import { formatMoney } from "@/lib/format";
import { parseAmount } from "@/lib/metrics/money";
import type { OccurrenceView, ScheduleView } from "@/lib/schemas/schedules";

const WEEKDAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "monthly on the 1st", "every 2 weeks on Mondays", "yearly on Mar 15", "quarterly on the 31st (or the month's last day)". */
export function cadenceText(s: Pick<ScheduleView, "cadence" | "interval" | "startOn">): string {
  const [y, m, d] = s.startOn.split("-").map(Number) as [number, number, number];
  const unit = {
    weekly: ["weekly", "weeks"],
    monthly: ["monthly", "months"],
    quarterly: ["quarterly", "quarters"],
    yearly: ["yearly", "years"],
  }[s.cadence];
  const every = s.interval === 1 ? unit[0] : `every ${s.interval} ${unit[1]}`;
  if (s.cadence === "weekly") return `${every} on ${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
  if (s.cadence === "yearly") return `${every} on ${MONTHS[m - 1]} ${d}`;
  return `${every} on the ${ordinal(d)}${d > 28 ? " (or the month’s last day)" : ""}`;
}

/** "$3,000.00" in the schedule's own currency. */
export function scheduleAmount(s: Pick<ScheduleView, "amountMinor" | "currency">): string {
  return formatMoney(s.amountMinor, s.currency);
}

/** A suggestion's or an occurrence's decimal amount as money. */
export function decimalMoney(amount: string, currency: string): string {
  const parsed = parseAmount(amount, currency);
  return parsed.ok ? formatMoney(parsed.minor, currency) : `${amount} ${currency}`;
}

const STATUS_TEXT: Record<OccurrenceView["status"], string> = {
  received: "Received",
  upcoming: "Upcoming",
  due: "Due",
  late: "Late",
};

/** An occurrence's status in words: an expected expense that went out was paid, not received. */
export function statusText(status: OccurrenceView["status"], kind: ScheduleView["kind"]): string {
  return status === "received" && kind === "expense" ? "Paid" : STATUS_TEXT[status];
}

export const STATUS_TONE: Record<OccurrenceView["status"], BadgeTone> = {
  received: "success",
  upcoming: "neutral",
  due: "info",
  late: "danger",
};

/** The days around today the stream page shows: the last three months (what arrived, what is late) and the next two. */
export function occurrenceWindow(today: string) {
  const at = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return { from: at(-92), to: at(62) };
}
