import { parseDurationMinutes } from "@/lib/schemas/time-entries";

const WHOLE = /^\d+$/;

/**
 * The time panel's two boxes (hours, minutes) as createTimeEntryInput takes them. Either box alone goes
 * to the schema as typed ("1.5 h", "1:30" or "90m" in the hours box; whole minutes in the other); both
 * together add up ("1" and "30" are 90 minutes, "1.5 h" and "15" are 105). Nothing becomes a NaN, so
 * every message the form shows is the schema's own ("Hours like 1.5, 1:30 or 90m.").
 */
export function durationOf(hours: string, minutes: string): { hours?: string; minutes?: string | number } {
  const h = hours.trim();
  const m = minutes.trim();
  if (m === "") return h === "" ? {} : { hours: h };
  if (h === "") return { minutes: m };
  const fromHours = parseDurationMinutes(h);
  if (fromHours === null) return { hours: h };
  if (!WHOLE.test(m)) return { minutes: m };
  return { minutes: fromHours + Number(m) };
}
