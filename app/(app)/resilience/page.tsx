import type { Metadata } from "next";
import { DashboardHeader } from "@/components/dashboard/dashboard-header";
import { WindowScope } from "@/components/dashboard/window-scope";
import { Hydrated } from "@/components/query/hydrated";
import { ResilienceChecklist } from "@/components/resilience/resilience-checklist";
import { loadDashboard } from "@/lib/dashboard";
import { getSettings } from "@/lib/data/settings";
import { listStreams } from "@/lib/data/streams";
import { settingsQuery, streamsQuery } from "@/lib/queries";
import { settingsResponse } from "@/lib/schemas/settings";
import { streamResponse } from "@/lib/schemas/streams";

export const metadata: Metadata = { title: "Resilience" };

export default async function ResiliencePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, today, firstMonth, hydrate } = await loadDashboard(searchParams);
  // Thresholds are edited in place: which rules are overridden comes from settings, shaped like GET /api/v1/settings.
  // The streams list tells an account without streams from one without income in this window.
  const [rawSettings, streams] = await Promise.all([getSettings(user.id), listStreams(user.id)]);
  const settings = settingsResponse.parse(rawSettings);
  return (
    <WindowScope today={today} firstMonth={firstMonth}>
      <Hydrated entries={[...hydrate, [settingsQuery().queryKey, settings], [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }]]}>
        <div className="flex flex-col gap-6">
          <DashboardHeader title="Resilience checklist" question="Would your income survive losing its biggest source, and what would make it sturdier?" />
          <ResilienceChecklist />
        </div>
      </Hydrated>
    </WindowScope>
  );
}
