import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { previousWindow } from "@/components/overview/previous-window";
import { Hydrated } from "@/components/query/hydrated";
import { loadDashboard } from "@/lib/dashboard";
import { loadMetricsInput } from "@/lib/data/metrics";
import { computeMetrics } from "@/lib/metrics/compute-metrics";
import { metricsQuery } from "@/lib/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, window, hydrate } = await loadDashboard(searchParams);
  // The score's move is measured against the window of the same length just before this one, hydrated
  // too so the first paint is complete.
  const before = previousWindow(window);
  const previous = computeMetrics(await loadMetricsInput(user.id, before));
  return (
    <div className="flex flex-col gap-6">
      <DashboardHeader title="Overview" question="How resilient is your income this month?" today={today} />
      <Hydrated
        entries={[
          ...hydrate,
          [metricsQuery(before).queryKey, previous],
        ]}
      >
        <OverviewDashboard today={today} />
      </Hydrated>
    </div>
  );
}
