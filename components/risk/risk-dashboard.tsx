"use client";

import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { CorrelationPanel } from "./correlation-panel";
import { IncomeBandPanel } from "./income-band-panel";
import { RiskFigures } from "./risk-figures";
import { VolatilityPanel } from "./volatility-panel";

/** How bumpy is the income? The headline figures, the months behind them, and where the bumps come from. */
export function RiskDashboard({ today }: { today: string }) {
  const state = useDashboardState(today);
  if (state.empty) return <EmptyPortfolio reason={state.empty} range={state.metrics?.window} />;
  return (
    <div className="flex flex-col gap-4">
      <RiskFigures metrics={state.metrics} loading={state.loading} error={state.error} today={today} />
      <IncomeBandPanel {...state} today={today} />
      <div className="grid gap-4 xl:grid-cols-5">
        <VolatilityPanel {...state} className="xl:col-span-2" />
        <CorrelationPanel {...state} className="xl:col-span-3" />
      </div>
    </div>
  );
}
