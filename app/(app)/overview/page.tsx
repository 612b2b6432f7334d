import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { previousWindow } from "@/components/overview/previous-window";
import { Hydrated } from "@/components/query/hydrated";
import { loadDashboard } from "@/lib/dashboard";
import { loadMetricsInput } from "@/lib/data/metrics";
import { listStreams } from "@/lib/data/streams";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsQuery, streamsQuery } from "@/lib/queries";
import { streamResponse } from "@/lib/schemas/streams";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, window, hydrate } = await loadDashboard(searchParams);
  // The score's move is measured against the window of the same length just before this one, hydrated
  // too so the first paint is complete.
  const before = previousWindow(window);
  // The streams list too: stream colours follow its order, and an account without streams is told apart.
  const [previousInput, streams] = await Promise.all([loadMetricsInput(user.id, before), listStreams(user.id)]);
  const previous = computeMetrics(previousInput);
  return (
    <div className="flex flex-col gap-6">
      <DashboardHeader title="Overview" question="How resilient is your income this month?" today={today} />
      <Hydrated
        entries={[
          ...hydrate,
          [metricsQuery(before).queryKey, previous],
          [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }],
        ]}
      >
        <OverviewDashboard today={today} />
      </Hydrated>
    </div>
  );
}
