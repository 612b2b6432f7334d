"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { useDashboardState } from "@/components/diversification/use-dashboard-state";
import { streamsQuery } from "@/lib/queries";
import { AttentionPanel } from "./attention-panel";
import { IncomeByStreamPanel } from "./income-by-stream-panel";
import { MissingFxWarning } from "./missing-fx-warning";
import { NetIncomePanel } from "./net-income-panel";
import { ScorePanel } from "./score-panel";
import { ThisMonthPanel } from "./this-month-panel";

/** How resilient is my income this month? The month against its goal and the score first, then the why. */
export function OverviewDashboard({ today }: { today: string }) {
  const state = useDashboardState(today);
  const streams = useQuery(streamsQuery());
  if (state.empty) return <EmptyPortfolio />;
  return (
    <div className="flex flex-col gap-4">
      <MissingFxWarning warnings={state.metrics?.warnings} />
      <div className="grid gap-4 lg:grid-cols-3">
        <ThisMonthPanel {...state} today={today} className="lg:col-span-2" />
        <ScorePanel {...state} today={today} />
        <IncomeByStreamPanel {...state} streams={streams.data?.data} className="lg:col-span-3" />
        <NetIncomePanel {...state} className="lg:col-span-2" />
        <AttentionPanel {...state} today={today} />
      </div>
    </div>
  );
}
