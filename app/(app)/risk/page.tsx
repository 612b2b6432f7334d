import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { Hydrated } from "@/components/query/hydrated";
import { RiskDashboard } from "@/components/risk/risk-dashboard";
import { loadDashboard, streamsEntry } from "@/lib/dashboard";

export const metadata: Metadata = { title: "Risk" };

export default async function RiskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, firstMonth, hydrate } = await loadDashboard(searchParams);
  // Stream colours follow the streams list (shaped like GET /api/v1/streams), which also tells an account
  // without streams from one without income in this window.
  const streams = await streamsEntry(user.id);
  return (
    <WindowScope today={today} firstMonth={firstMonth}>
      <Hydrated entries={[...hydrate, streams]}>
        {/* DashboardHeader ends with the tabs and no margin; the gap keeps the first cards off their underline. */}
        <div className="flex flex-col gap-6">
          <DashboardHeader
            title="Risk"
            question="How much does your income swing from month to month, and do your streams cushion each other?"
          />
          <RiskDashboard />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
