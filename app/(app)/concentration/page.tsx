import type { Metadata } from "next";
import { ConcentrationDashboard } from "@/components/concentration/concentration-dashboard";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { Hydrated } from "@/components/query/hydrated";
import { loadDashboard } from "@/lib/dashboard";

export const metadata: Metadata = { title: "Concentration" };

export default async function ConcentrationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { today, hydrate } = await loadDashboard(searchParams);
  return (
    // DashboardHeader ends with the tabs and no margin; the gap keeps the first cards off their underline.
    <div className="flex flex-col gap-6">
      <DashboardHeader title="Concentration" question="Which clients and platforms could hurt you by leaving, and what would happen if they did?" today={today} />
      <Hydrated entries={hydrate}>
        <ConcentrationDashboard today={today} />
      </Hydrated>
    </div>
  );
}
