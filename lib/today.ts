// The one place that reads the clock for dates: "today" in the user's time zone, as YYYY-MM-DD.
// lib/metrics never calls this; callers pass its result in.
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    return dateFormat(timeZone).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

// Building a DateTimeFormat costs a fifth of a millisecond, more than a cached metrics read itself: one per
// time zone, kept. A zone Intl does not know throws here and is not kept.
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formats.set(timeZone, format);
  }
  return format;
}
