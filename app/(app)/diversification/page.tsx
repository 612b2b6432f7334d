import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { DiversificationDashboard } from "@/components/diversification/diversification-dashboard";
import { Hydrated } from "@/components/query/hydrated";
import { readSettings } from "@/lib/api/account";
import { loadDashboard, streamsEntry } from "@/lib/dashboard";
import { settingsQuery } from "@/lib/queries";

export const metadata: Metadata = { title: "Diversification" };

export default async function DiversificationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, today, firstMonth, hydrate } = await loadDashboard(searchParams);
  // The target mix lives in settings, stream colours follow the streams list; both shaped by the response
  // schemas like GET /api/v1/settings and /api/v1/streams.
  const [settings, streams] = await Promise.all([readSettings(user.id), streamsEntry(user.id)]);
  return (
    <WindowScope today={today} firstMonth={firstMonth}>
      <Hydrated entries={[...hydrate, [settingsQuery().queryKey, settings], streams]}>
        {/* DashboardHeader ends with the tabs and no margin; the gap keeps the first cards off their underline. */}
        <div className="flex flex-col gap-6">
          <DashboardHeader
            title="Diversification"
            question="How spread out is your income, and how does that compare with the mix you want?"
          />
          <DiversificationDashboard />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
