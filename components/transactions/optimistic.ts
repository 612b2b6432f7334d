// Pure helpers that apply a change to the cached pages of every transactions list, so a create, edit
// or delete shows at once; the server's answer and a refetch then confirm or roll it back.
import type { InfiniteData } from "@tanstack/react-query";
import type { List, TransactionFilters } from "@/lib/queries";
import type { TransactionView } from "@/lib/schemas/transactions";

export type TransactionPages = InfiniteData<List<TransactionView>, string | null>;

/** The same tests the API applies (lib/data/transactions.ts listTransactions), so an item shows only where it belongs. */
export function matchesFilters(t: TransactionView, f: TransactionFilters): boolean {
  if (f.stream && f.stream !== t.streamId && f.stream.toLowerCase() !== t.streamName.toLowerCase()) return false;
  if (f.kind && f.kind !== t.kind) return false;
  if (f.from && t.occurredOn < f.from) return false;
  if (f.to && t.occurredOn > f.to) return false;
  if (f.q) {
    const q = f.q.toLowerCase();
    const hay = [t.description, t.counterparty, t.platform, t.streamName];
    if (!hay.some((v) => v?.toLowerCase().includes(q))) return false;
  }
  return true;
}

/**
 * Inserts newest-first by date. An item older than everything loaded, with more pages still on the
 * server, belongs to a page not fetched yet and is left for that page to bring.
 */
export function insertSorted(data: TransactionPages, t: TransactionView): TransactionPages {
  const pages = data.pages.map((p) => ({ ...p, data: [...p.data] }));
  for (const page of pages) {
    const at = page.data.findIndex((x) => x.occurredOn <= t.occurredOn);
    if (at !== -1) {
      page.data.splice(at, 0, t);
      return { ...data, pages };
    }
  }
  const last = pages[pages.length - 1];
  if (last && last.nextCursor === null) last.data.push(t);
  return { ...data, pages };
}

export function replaceById(data: TransactionPages, id: string, t: TransactionView): TransactionPages {
  return { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.map((x) => (x.id === id ? t : x)) })) };
}

export function removeById(data: TransactionPages, id: string): TransactionPages {
  return { ...data, pages: data.pages.map((p) => ({ ...p, data: p.data.filter((x) => x.id !== id) })) };
}

/** The filters a list's key was built with (keys.transactionList puts them third). */
export function filtersOfKey(key: readonly unknown[]): TransactionFilters {
  const f = key[2];
  return typeof f === "object" && f !== null ? (f as TransactionFilters) : {};
}
