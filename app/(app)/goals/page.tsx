import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { thisMonth } from "@/components/goals/focus-month";
import { GoalsDashboard } from "@/components/goals/goals-dashboard";
import { Hydrated } from "@/components/query/hydrated";
import { readGoals } from "@/lib/api/goals";
import { loadDashboard, metricsEntries, streamsEntry } from "@/lib/dashboard";
import { goalsQuery } from "@/lib/queries";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, firstMonth, hydrate } = await loadDashboard(searchParams);
  // This month's progress follows today's month whatever the window (whose months are complete ones).
  const current = thisMonth(today).window;
  // Shaped by the response schemas, exactly as GET /api/v1/goals and /api/v1/streams return them.
  const [goals, streams, thisMonthMetrics] = await Promise.all([
    readGoals(user.id),
    streamsEntry(user.id),
    metricsEntries(user.id, [current]),
  ]);
  return (
    <WindowScope today={today} firstMonth={firstMonth}>
      <Hydrated entries={[...hydrate, ...thisMonthMetrics, [goalsQuery().queryKey, goals], streams]}>
        <div className="flex flex-col gap-6">
          {/* Goals is not one of the insight tabs, but keeps the shared window for its history. */}
          <DashboardHeader title="Goals" question="Are you earning what you aimed for, month after month?" tabs={false} />
          <GoalsDashboard currency={user.baseCurrency} />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
