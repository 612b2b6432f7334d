"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { PartialData } from "@/components/dashboard/partial-data";
import { settingsQuery } from "@/lib/queries";
import { DiversificationFigures } from "./diversification-figures";
import { HhiTrendPanel } from "./hhi-trend-panel";
import { KindSharePanel } from "./kind-share-panel";
import { RoleMixPanel } from "./role-mix-panel";
import { StreamLinksPanel } from "./stream-links-panel";
import { StreamSharePanel } from "./stream-share-panel";
import { MissingFxWarning } from "@/components/dashboard/missing-fx-warning";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";

/** How spread out is the income? Figures first, then the shares behind them, then the trend. */
export function DiversificationDashboard() {
  const state = useDashboardState();
  const settings = useQuery(settingsQuery());
  if (state.empty) return <EmptyPortfolio reason={state.empty} range={state.metrics?.window} />;
  if (state.partial && state.metrics)
    return (
      <PartialData
        metrics={state.metrics}
        topic="diversification figures"
        why="How your income is spread across streams is measured over whole months, and this one is not over yet."
      />
    );
  return (
    <div className="flex flex-col gap-4">
      <MissingFxWarning warnings={state.metrics?.warnings} />
      <DiversificationFigures metrics={state.metrics} loading={state.loading} error={state.error} />
      <div className="grid gap-4 lg:grid-cols-2">
        <StreamSharePanel {...state} className="lg:col-span-2" />
        <KindSharePanel {...state} />
        <RoleMixPanel {...state} targetMix={settings.data?.targetMix} />
        <HhiTrendPanel {...state} className="lg:col-span-2" />
        <StreamLinksPanel {...state} className="lg:col-span-2" />
      </div>
    </div>
  );
}
