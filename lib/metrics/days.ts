import { isDate } from "./months";

/**
 * Day arithmetic on `YYYY-MM-DD` strings. A date is a day number since 1970-01-01 in UTC, so the
 * server's own time zone and daylight saving never move a day.
 */

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  if (!isDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`not a whole day number: ${day}`);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, count: number): string {
  return dateOfDay(dayNumber(date) + count);
}

/** Signed number of days from `from` to `to`: ("2026-02-27", "2026-03-01") → 2. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
