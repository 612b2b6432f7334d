import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { loadStreamIncome, loadStreamSummary } from "@/app/(app)/streams/actions";
import { apiFetch } from "@/lib/api-client";
import type { MetricsResult } from "@/lib/metrics/types";
import type { GoalView } from "@/lib/schemas/goals";
import type { StreamView } from "@/lib/schemas/streams";
import type { TimeEntryView } from "@/lib/schemas/time-entries";
import type { TokenView } from "@/lib/schemas/tokens";
import type { TransactionView } from "@/lib/schemas/transactions";

export type List<T> = { data: T[]; nextCursor: string | null };

/** The filters of a transactions list, as kept in the URL; a missing field is no filter. */
export type TransactionFilters = {
  stream?: string;
  kind?: "income" | "expense";
  from?: string;
  to?: string;
  q?: string;
};

export type Suggestions = { counterparties: string[]; platforms: string[] };

/**
 * Structured keys: invalidating a prefix refreshes exactly what depends on it. ["transactions", "list"]
 * is every transactions list whatever its filters; ["streams", "summary", id] one stream's figures.
 */
export const keys = {
  tokens: () => ["tokens"] as const,
  streams: () => ["streams", "list"] as const,
  streamIncome: () => ["streams", "income"] as const,
  streamSummary: (id: string) => ["streams", "summary", id] as const,
  transactionLists: () => ["transactions", "list"] as const,
  transactionList: (filters: TransactionFilters, limit: number) => ["transactions", "list", { ...filters, limit }] as const,
  suggestions: () => ["transactions", "suggestions"] as const,
  streamTransactionCount: (id: string) => ["streams", "transaction-count", id] as const,
  timeEntries: (streamId: string) => ["time-entries", streamId] as const,
};

export const tokensQuery = () =>
  queryOptions({
    queryKey: keys.tokens(),
    queryFn: () => apiFetch<List<TokenView>>("/api/v1/tokens"),
  });

export const streamsQuery = () =>
  queryOptions({
    queryKey: keys.streams(),
    queryFn: () => apiFetch<List<StreamView>>("/api/v1/streams"),
  });

// The two stream figure queries go through server functions until the API has routes for them.
export const streamIncomeQuery = () =>
  queryOptions({
    queryKey: keys.streamIncome(),
    queryFn: () => loadStreamIncome(),
  });

export const streamSummaryQuery = (id: string) =>
  queryOptions({
    queryKey: keys.streamSummary(id),
    queryFn: () => loadStreamSummary(id),
  });

export const suggestionsQuery = () =>
  queryOptions({
    queryKey: keys.suggestions(),
    queryFn: () => apiFetch<Suggestions>("/api/v1/transactions/suggestions"),
    staleTime: 5 * 60_000,
  });

function searchOf(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  return search.toString();
}

/** Keyset pages of transactions, newest first: each page's nextCursor fetches the next one. */
export const transactionsQuery = (filters: TransactionFilters, limit = 50) =>
  infiniteQueryOptions({
    queryKey: keys.transactionList(filters, limit),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<List<TransactionView>>(`/api/v1/transactions?${searchOf({ ...filters, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const TIME_ENTRIES_PAGE = 20;

export const timeEntriesQuery = (streamId: string, limit = TIME_ENTRIES_PAGE) =>
  infiniteQueryOptions({
    queryKey: keys.timeEntries(streamId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<List<TimeEntryView>>(`/api/v1/time-entries?${searchOf({ stream: streamId, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The shape an infinite query keeps in the cache; server pages hydrate their first page in it. */
export function firstPage<T>(page: List<T>) {
  return { pages: [page], pageParams: [null] };
}

// ── Dashboards (metrics and goals) ──────────────────────────────────────────────────────────────
export const metricsKeys = {
  all: () => ["metrics"] as const,
  window: (w: { from: string; to: string }) => ["metrics", w.from, w.to] as const,
  goals: () => ["goals"] as const,
};

/** Every figure of METRICS.md for a window; any write that changes money invalidates metricsKeys.all(). */
export const metricsQuery = (w: { from: string; to: string }) =>
  queryOptions({
    queryKey: metricsKeys.window(w),
    queryFn: () => apiFetch<MetricsResult>(`/api/v1/metrics?from=${w.from}&to=${w.to}`),
  });

export const goalsQuery = () =>
  queryOptions({
    queryKey: metricsKeys.goals(),
    queryFn: () => apiFetch<List<GoalView>>("/api/v1/goals"),
  });

// ── Settings page (settings and FX rates) ───────────────────────────────────────────────────────
// Appended as one block so two people can edit this file at once; the imports can move up later.
import type { FxRateView } from "@/lib/schemas/fx-rates";
import type { SettingsView } from "@/lib/schemas/settings";

export const settingsKeys = {
  settings: () => ["settings"] as const,
  /** Rates quoted in the current base currency: a base change swaps the whole list. */
  fxRates: () => ["fx-rates"] as const,
  /** Per currency, the transactions a switch to `base` would leave without a rate (under "fx-rates": rates change it). */
  unpricedUnder: (base: string) => ["fx-rates", "unpriced-under", base] as const,
};

export const settingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.settings(),
    queryFn: () => apiFetch<SettingsView>("/api/v1/settings"),
  });

export const fxRatesQuery = () =>
  queryOptions({
    queryKey: settingsKeys.fxRates(),
    queryFn: () => apiFetch<List<FxRateView>>("/api/v1/fx-rates"),
  });
