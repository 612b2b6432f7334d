import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { thisMonth } from "@/components/goals/focus-month";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { comparableWindow } from "@/lib/metrics/window";
import { Hydrated } from "@/components/query/hydrated";
import { readScheduleSummary } from "@/lib/api/schedules";
import { loadDashboard, metricsEntries, streamsEntry } from "@/lib/dashboard";
import { scheduleSummaryQuery } from "@/lib/queries";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, firstMonth, window, hydrate } = await loadDashboard(searchParams);
  // The "this month" panel follows today's month whatever the window (whose months are complete ones),
  // and the score's move is measured against the window of the same length just before this one, when
  // that has any month since the first record. Both hydrated, so the first paint is complete.
  const current = thisMonth(today).window;
  const before = comparableWindow(window, firstMonth);
  // The streams list too: stream colours follow its order, and an account without streams is told apart.
  const [more, streams, expected] = await Promise.all([
    metricsEntries(user.id, [current, before]),
    streamsEntry(user.id),
    readScheduleSummary(user.id),
  ]);
  return (
    <WindowScope today={today} firstMonth={firstMonth}>
      <Hydrated entries={[...hydrate, ...more, streams, [scheduleSummaryQuery().queryKey, expected]]}>
        <div className="flex flex-col gap-6">
          <DashboardHeader title="Overview" question="How resilient is your income this month?" />
          <OverviewDashboard />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
