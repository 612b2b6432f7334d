// The transactions list's filters live in the URL (?stream=&kind=&from=&to=&q=) so a filtered view
// can be bookmarked and shared. One parser serves the server page and the client, so both build the
// same react-query key.
import { listTransactionsQuery } from "@/lib/schemas/transactions";
import type { TransactionFilters } from "@/lib/queries";

/** Rows per page of the transactions page's list (the server page and the client must agree: it is in the key). */
export const TRANSACTIONS_PAGE_SIZE = 50;

const fields = ["stream", "kind", "from", "to", "q"] as const;

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  const v = source instanceof URLSearchParams ? source.get(key) : source[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === null || s === undefined || s.trim() === "" ? undefined : s;
}

/** Each field checked with the API's own query schema; an invalid one is dropped rather than failing the page. */
export function parseTransactionFilters(source: ParamSource): TransactionFilters {
  const shape = listTransactionsQuery.shape;
  const out: TransactionFilters = {};
  for (const key of fields) {
    const raw = read(source, key);
    if (raw === undefined) continue;
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") (out as Record<string, string>)[key] = parsed.data;
  }
  // A reversed range would show nothing; read it the way the user meant.
  if (out.from && out.to && out.from > out.to) [out.from, out.to] = [out.to, out.from];
  return out;
}

export function filtersToSearch(filters: TransactionFilters): string {
  const params = new URLSearchParams();
  for (const key of fields) {
    const v = filters[key];
    if (v) params.set(key, v);
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function hasFilters(filters: TransactionFilters): boolean {
  return fields.some((k) => filters[k] !== undefined);
}
