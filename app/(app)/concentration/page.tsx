import type { Metadata } from "next";
import { ConcentrationDashboard } from "@/components/concentration/concentration-dashboard";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { Hydrated } from "@/components/query/hydrated";
import { loadDashboard, streamsEntry } from "@/lib/dashboard";

export const metadata: Metadata = { title: "Concentration" };

export default async function ConcentrationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
            title="Concentration"
            question="Which clients and platforms could hurt you by leaving, and what would happen if they did?"
          />
          <ConcentrationDashboard />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
