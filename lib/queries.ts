import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { MetricsView } from "@/lib/schemas/metrics";
import type { GoalView } from "@/lib/schemas/goals";
import type { StreamClientsView } from "@/lib/schemas/metrics";
import type { StreamDetailView, StreamView } from "@/lib/schemas/streams";
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
  /** One stream with its transaction count (what a delete removes). */
  streamDetail: (id: string) => ["streams", "detail", id] as const,
  /** Who pays streams: every stream's clients lists, or one stream's. */
  streamClients: (id?: string) => (id ? (["streams", "clients", id] as const) : (["streams", "clients"] as const)),
  transactionLists: () => ["transactions", "list"] as const,
  transactionList: (filters: TransactionFilters, limit: number) => ["transactions", "list", { ...filters, limit }] as const,
  suggestions: () => ["transactions", "suggestions"] as const,
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

export const streamQuery = (id: string) =>
  queryOptions({
    queryKey: keys.streamDetail(id),
    queryFn: () => apiFetch<StreamDetailView>(`/api/v1/streams/${encodeURIComponent(id)}`),
  });

/** One stream's largest clients over a window (the stream pages use the last 12 months, this one included). */
export const streamClientsQuery = (id: string, w: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...keys.streamClients(id), w.from, w.to] as const,
    queryFn: () => apiFetch<StreamClientsView>(`/api/v1/streams/${encodeURIComponent(id)}/clients?from=${w.from}&to=${w.to}`),
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
    queryFn: () => apiFetch<MetricsView>(`/api/v1/metrics?from=${w.from}&to=${w.to}`),
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
  /** Per currency, the transactions without a usable rate under `base` (under "fx-rates": rates change it). */
  unpriced: (base: string) => ["fx-rates", "unpriced", base] as const,
};

/** What has no usable rate under `base` (the current base currency, or one the user is about to switch to). */
export const unpricedQuery = (base: string) =>
  queryOptions({
    queryKey: settingsKeys.unpriced(base),
    queryFn: () =>
      apiFetch<{ base: string; data: { currency: string; count: number }[] }>(`/api/v1/fx-rates/unpriced?base=${encodeURIComponent(base)}`),
  });

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

// ── Import and data (presets, saved column mappings, import history) ────────────────────────────
// Appended as one block so two people can edit this file at once; the imports can move up later.
import type { z } from "zod";
import type { importHistoryItem, presetsResponse } from "@/lib/schemas/imports";

type ImportRecord = z.output<typeof importHistoryItem>;
type PresetsView = z.output<typeof presetsResponse>;

export const importKeys = {
  all: () => ["imports"] as const,
  /** The readers and the user's saved mappings (a saved mapping changes it). */
  presets: () => ["imports", "presets"] as const,
  history: () => ["imports", "history"] as const,
};

export const importPresetsQuery = () =>
  queryOptions({
    queryKey: importKeys.presets(),
    queryFn: () => apiFetch<PresetsView>("/api/v1/imports/presets"),
    staleTime: 5 * 60_000,
  });

export const IMPORTS_PAGE = 20;

/** The import history, newest first, a page at a time. */
export const importsQuery = (limit = IMPORTS_PAGE) =>
  infiniteQueryOptions({
    queryKey: importKeys.history(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<List<ImportRecord>>(`/api/v1/imports?${searchOf({ limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

// ── Plan ────────────────────────────────────────────────────────────────────────────────────────
import type { PlanView } from "@/lib/schemas/plan";

/** The plan (METRICS.md Planning); under "metrics", so every write that changes money refreshes it too. */
export const planQuery = (q: { horizon: number; salary?: string }) =>
  queryOptions({
    queryKey: [...metricsKeys.all(), "plan", q.horizon, q.salary ?? ""] as const,
    queryFn: () => apiFetch<PlanView>(`/api/v1/plan?${searchOf({ horizon: q.horizon, salary: q.salary })}`),
  });

// ── Schedules (expected income) ─────────────────────────────────────────────────────────────────
import type { OccurrenceView, ScheduleSuggestionsView, ScheduleSummaryView, ScheduleView } from "@/lib/schemas/schedules";

/** Under "metrics": every write that changes money (a payment settles an occurrence) refreshes them too. */
export const scheduleKeys = {
  all: () => [...metricsKeys.all(), "schedules"] as const,
  list: (stream: string) => [...scheduleKeys.all(), "list", stream] as const,
};

export const schedulesQuery = (stream: string) =>
  queryOptions({
    queryKey: scheduleKeys.list(stream),
    queryFn: () => apiFetch<List<ScheduleView>>(`/api/v1/schedules?${searchOf({ stream })}`),
  });

/** One stream's occurrences from `from` to `to` (at most 500: the stream page asks for a few months). */
export const occurrencesQuery = (stream: string, w: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...scheduleKeys.all(), "occurrences", stream, w.from, w.to] as const,
    queryFn: () =>
      apiFetch<List<OccurrenceView>>(`/api/v1/schedules/occurrences?${searchOf({ stream, from: w.from, to: w.to, limit: 500 })}`),
  });

export const scheduleSuggestionsQuery = (stream: string) =>
  queryOptions({
    queryKey: [...scheduleKeys.all(), "suggestions", stream] as const,
    queryFn: () => apiFetch<ScheduleSuggestionsView>(`/api/v1/schedules/suggestions?${searchOf({ stream })}`),
  });

export const scheduleSummaryQuery = () =>
  queryOptions({
    queryKey: [...scheduleKeys.all(), "summary"] as const,
    queryFn: () => apiFetch<ScheduleSummaryView>("/api/v1/schedules/summary"),
  });

// ── The silence monitor ─────────────────────────────────────────────────────────────────────────
import type { SilenceView } from "@/lib/schemas/streams";

/** Under "metrics": a logged payment can end a silence. */
export const silenceQuery = () =>
  queryOptions({
    queryKey: [...metricsKeys.all(), "silence"] as const,
    queryFn: () => apiFetch<SilenceView>("/api/v1/streams/silence"),
  });

// ── Webhooks ────────────────────────────────────────────────────────────────────────────────────
import type { DeliveryView, WebhookView } from "@/lib/schemas/webhooks";

export const webhookKeys = {
  all: () => ["webhooks"] as const,
  deliveries: (id: string) => ["webhooks", "deliveries", id] as const,
};

export const webhooksQuery = () =>
  queryOptions({
    queryKey: webhookKeys.all(),
    queryFn: () => apiFetch<List<WebhookView>>("/api/v1/webhooks"),
  });

/** One endpoint's log; polled while a delivery is pending, so a test event's outcome shows by itself. */
export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () => apiFetch<List<DeliveryView>>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries?limit=20`),
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === "pending") ? 3_000 : false),
  });

// ── Insights ────────────────────────────────────────────────────────────────────────────────────
import type { InsightsView } from "@/lib/schemas/insights";

export const insightKeys = {
  all: () => ["insights"] as const,
  feed: () => ["insights", "feed"] as const,
  unread: () => ["insights", "unread"] as const,
};

export const INSIGHTS_PAGE = 30;

export const insightsFeedQuery = () =>
  infiniteQueryOptions({
    queryKey: insightKeys.feed(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<InsightsView>(`/api/v1/insights?${searchOf({ limit: INSIGHTS_PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** The navigation's unread count: checked every minute (the feed itself is checked every ten). */
export const unreadInsightsQuery = () =>
  queryOptions({
    queryKey: insightKeys.unread(),
    queryFn: async () => (await apiFetch<InsightsView>("/api/v1/insights?limit=1")).unread,
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
