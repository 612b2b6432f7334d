/**
 * Code-unit order (like Postgres' "C" collation): the same on every server and ICU version, so a
 * tie is always broken the same way.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Income descending, then key ascending: the order of every items list in the response. */
export function byIncomeThenKey<T extends { income: number; key: string }>(a: T, b: T): number {
  return b.income - a.income || compareText(a.key, b.key);
}
