import "server-only";
import type { QueryKey } from "@tanstack/react-query";
import { readMetrics } from "@/lib/api/metrics";
import { readStreams } from "@/lib/api/streams";
import { requireUser } from "@/lib/auth";
import type { MetricsStamp } from "@/lib/data/data-versions";
import { getFirstMonth } from "@/lib/data/metrics";
import { getUser } from "@/lib/data/users";
import { resolveWindow } from "@/lib/metrics/window";
import { metricsQuery, streamsQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type HydrationEntry = [QueryKey, unknown];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/**
 * What a dashboard page needs for its first paint: the user, their local today, their first data month
 * (which the default and "all" windows start from), the window of the URL and its metrics. The metrics
 * are read by readMetrics, the function GET /api/v1/metrics answers with, so what the page hydrates is
 * byte for byte what the API would answer for the same window.
 */
export async function dashboardData(
  userId: string,
  params: { w?: string | null; from?: string | null; to?: string | null },
  stamp?: MetricsStamp,
) {
  const user = await getUser(userId);
  const today = todayIn(user.timeZone);
  const firstMonth = await getFirstMonth(user.id);
  const window = resolveWindow(params, today, firstMonth);
  const metrics = await readMetrics(user.id, { from: window.from, to: window.to }, stamp);
  return { user, today, firstMonth, window, metrics, hydrate: [[metricsQuery(window).queryKey, metrics]] as HydrationEntry[] };
}

export async function loadDashboard(searchParams: SearchParams) {
  const session = await requireUser();
  const params = await searchParams;
  return dashboardData(session.id, { w: one(params.w), from: one(params.from), to: one(params.to) }, session.stamp);
}

/** The metrics of more windows (this month, the comparison window), under the keys the client asks with. */
export async function metricsEntries(userId: string, windows: readonly ({ from: string; to: string } | null)[]): Promise<HydrationEntry[]> {
  const wanted = windows.filter((w) => w !== null);
  const answers = await Promise.all(wanted.map((w) => readMetrics(userId, w)));
  return wanted.map((w, i) => [metricsQuery(w).queryKey, answers[i]]);
}

/** The streams list as GET /api/v1/streams answers it (stream colours and the empty states follow it). */
export async function streamsEntry(userId: string): Promise<HydrationEntry> {
  return [streamsQuery().queryKey, await readStreams(userId)];
}
