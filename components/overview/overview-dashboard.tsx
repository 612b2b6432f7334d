"use client";

import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { AttentionPanel } from "./attention-panel";
import { IncomeByStreamPanel } from "./income-by-stream-panel";
import { MissingFxWarning } from "@/components/dashboard/missing-fx-warning";
import { NetIncomePanel } from "./net-income-panel";
import { ScorePanel } from "./score-panel";
import { ThisMonthPanel } from "./this-month-panel";

/** How resilient is my income this month? The month against its goal and the score first, then the why. */
export function OverviewDashboard() {
  const state = useDashboardState();
  if (state.empty) return <EmptyPortfolio reason={state.empty} range={state.metrics?.window} />;
  return (
    <div className="flex flex-col gap-4">
      <MissingFxWarning warnings={state.metrics?.warnings} />
      <div className="grid gap-4 lg:grid-cols-3">
        <ThisMonthPanel window={state.metrics} className="lg:col-span-2" />
        <ScorePanel {...state} />
        <IncomeByStreamPanel {...state} className="lg:col-span-3" />
        <NetIncomePanel {...state} className="lg:col-span-2" />
        <AttentionPanel {...state} />
      </div>
    </div>
  );
}
