"use client";

import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { PartialData } from "@/components/dashboard/partial-data";
import { findRule } from "@/components/dashboard/rule-status";
import { noHistoryText } from "@/components/dashboard/history-text";
import { MissingFxWarning } from "@/components/dashboard/missing-fx-warning";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { KeyConcentrationPanel } from "./key-concentration-panel";
import { StressTests } from "@/components/dashboard/stress-tests";

/** Who could hurt you by leaving? Clients and platforms against their rules, then the stress tests. */
export function ConcentrationDashboard() {
  const { metrics, loading, error, empty, partial } = useDashboardState();
  if (empty) return <EmptyPortfolio reason={empty} range={metrics?.window} />;
  if (partial && metrics)
    return (
      <PartialData
        metrics={metrics}
        topic="concentration figures"
        why="What your clients and platforms bring is measured over whole months, and this one is not over yet."
      />
    );
  const currency = metrics?.currency ?? "USD";
  // Clients and platforms are counted over the complete months since the first record only.
  const noHistory = metrics && metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : undefined;
  return (
    <div className="flex flex-col gap-6">
      <MissingFxWarning warnings={metrics?.warnings} />
      <div className="grid gap-4 lg:grid-cols-2">
        <KeyConcentrationPanel
          by="client"
          data={metrics?.concentration.client}
          rule={metrics ? findRule(metrics, "client-concentration") : undefined}
          currency={currency}
          noHistory={noHistory}
          loading={loading}
          error={error}
        />
        <KeyConcentrationPanel
          by="platform"
          data={metrics?.concentration.platform}
          rule={metrics ? findRule(metrics, "platform-concentration") : undefined}
          currency={currency}
          noHistory={noHistory}
          loading={loading}
          error={error}
        />
      </div>
      <StressTests metrics={metrics} loading={loading} error={error} />
    </div>
  );
}
