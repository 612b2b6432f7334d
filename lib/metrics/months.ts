/**
 * Calendar arithmetic on `YYYY-MM` months and `YYYY-MM-DD` dates as plain strings. Working on the
 * digits instead of Date objects keeps the results independent of the server's time zone.
 */

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

export function isDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year = "", month = "", day = ""] = match;
  const dayNumber = Number(day);
  return dayNumber >= 1 && dayNumber <= daysIn(Number(year), Number(month));
}

export function monthOf(date: string): string {
  if (!isDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return date.slice(0, 7);
}

export function dayOfMonth(date: string): number {
  if (!isDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Number(date.slice(8, 10));
}

export function daysInMonth(month: string): number {
  const index = monthIndex(month);
  return daysIn(Math.floor(index / 12), (index % 12) + 1);
}

export function addMonths(month: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`not a whole number of months: ${count}`);
  return monthFromIndex(monthIndex(month) + count);
}

/** Signed number of months from `from` to `to`: ("2024-01", "2024-03") → 2. A window holds this + 1 months. */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const months: string[] = [];
  for (let index = start; index <= end; index += 1) months.push(monthFromIndex(index));
  return months;
}

function monthIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const [, year = "", monthNumber = ""] = match;
  return Number(year) * 12 + Number(monthNumber) - 1;
}

function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError("month outside the years 0000–9999");
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
