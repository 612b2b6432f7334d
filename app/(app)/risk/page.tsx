import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { Hydrated } from "@/components/query/hydrated";
import { RiskDashboard } from "@/components/risk/risk-dashboard";
import { loadDashboard } from "@/lib/dashboard";

export const metadata: Metadata = { title: "Risk" };

export default async function RiskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { today, hydrate } = await loadDashboard(searchParams);
  return (
    // DashboardHeader ends with the tabs and no margin; the gap keeps the first cards off their underline.
    <div className="flex flex-col gap-6">
      <DashboardHeader title="Risk" question="How much does your income swing from month to month, and do your streams cushion each other?" today={today} />
      <Hydrated entries={hydrate}>
        <RiskDashboard today={today} />
      </Hydrated>
    </div>
  );
}
