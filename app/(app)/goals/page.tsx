import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { GoalsDashboard } from "@/components/goals/goals-dashboard";
import { Hydrated } from "@/components/query/hydrated";
import { loadDashboard } from "@/lib/dashboard";
import { listGoals } from "@/lib/data/goals";
import { listStreams } from "@/lib/data/streams";
import { goalsQuery, streamsQuery } from "@/lib/queries";
import { goalResponse } from "@/lib/schemas/goals";
import { streamResponse } from "@/lib/schemas/streams";

export const metadata: Metadata = { title: "Goals" };

export default async function GoalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, hydrate } = await loadDashboard(searchParams);
  // Shaped by the response schemas, exactly as GET /api/v1/goals and /api/v1/streams return them.
  const [goals, streams] = await Promise.all([listGoals(user.id), listStreams(user.id)]);
  return (
    <div className="flex flex-col gap-6">
      {/* Goals is not one of the insight tabs, but keeps the shared window for its history. */}
      <DashboardHeader title="Goals" question="Are you earning what you aimed for, month after month?" today={today} tabs={false} />
      <Hydrated
        entries={[
          ...hydrate,
          [goalsQuery().queryKey, { data: goals.map((g) => goalResponse.parse(g)), nextCursor: null }],
          [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }],
        ]}
      >
        <GoalsDashboard today={today} currency={user.baseCurrency} />
      </Hydrated>
    </div>
  );
}
