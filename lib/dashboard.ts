import "server-only";
import { requireUser } from "@/lib/auth";
import { getFirstMonth, loadMetricsInput } from "@/lib/data/metrics";
import { getUser } from "@/lib/data/users";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { resolveWindow } from "@/lib/metrics/window";
import { metricsQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/**
 * What every dashboard page needs for its first paint: the user, their local today, their first data
 * month (which the default and "all" windows start from), the window of the URL and the metrics for it, plus the react-query entry that hands those metrics to the client.
 */
export async function loadDashboard(searchParams: SearchParams) {
  const session = await requireUser();
  const user = await getUser(session.id);
  const params = await searchParams;
  const today = todayIn(user.timeZone);
  const firstMonth = await getFirstMonth(user.id);
  const window = resolveWindow({ w: one(params.w), from: one(params.from), to: one(params.to) }, today, firstMonth);
  const metrics = computeMetrics(await loadMetricsInput(user.id, { from: window.from, to: window.to }));
  return {
    user,
    today,
    firstMonth,
    window,
    metrics,
    hydrate: [[metricsQuery(window).queryKey, metrics]] as [readonly unknown[], unknown][],
  };
}
