// The one place that reads the clock for dates: "today" in the user's time zone, as YYYY-MM-DD.
// lib/metrics never calls this; callers pass its result in.
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
