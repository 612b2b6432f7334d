"use client";

import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { PartialData } from "@/components/dashboard/partial-data";
import { MissingFxWarning } from "@/components/dashboard/missing-fx-warning";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { CorrelationPanel } from "./correlation-panel";
import { IncomeBandPanel } from "./income-band-panel";
import { RiskFigures } from "./risk-figures";
import { VolatilityPanel } from "./volatility-panel";

/** How bumpy is the income? The headline figures, the months behind them, and where the bumps come from. */
export function RiskDashboard() {
  const state = useDashboardState();
  if (state.empty) return <EmptyPortfolio reason={state.empty} range={state.metrics?.window} />;
  if (state.partial && state.metrics)
    return (
      <PartialData
        metrics={state.metrics}
        topic="risk figures"
        why="Volatility, the worst month and how your streams move together compare whole months, and this one is not over yet."
      />
    );
  return (
    <div className="flex flex-col gap-4">
      <MissingFxWarning warnings={state.metrics?.warnings} />
      <RiskFigures metrics={state.metrics} loading={state.loading} error={state.error} />
      <IncomeBandPanel {...state} />
      <div className="grid gap-4 xl:grid-cols-5">
        <VolatilityPanel {...state} className="xl:col-span-2" />
        <CorrelationPanel {...state} className="xl:col-span-3" />
      </div>
    </div>
  );
}
