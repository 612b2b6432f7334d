"use client";

import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { findRule } from "@/components/dashboard/rule-status";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { KeyConcentrationPanel } from "./key-concentration-panel";
import { StressTests } from "@/components/dashboard/stress-tests";

/** Who could hurt you by leaving? Clients and platforms against their rules, then the stress tests. */
export function ConcentrationDashboard({ today }: { today: string }) {
  const { metrics, loading, error, empty } = useDashboardState(today);
  if (empty) return <EmptyPortfolio reason={empty} range={metrics?.window} />;
  const currency = metrics?.currency ?? "USD";
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 lg:grid-cols-2">
        <KeyConcentrationPanel
          by="client"
          data={metrics?.concentration.client}
          rule={metrics ? findRule(metrics, "client-concentration") : undefined}
          currency={currency}
          loading={loading}
          error={error}
        />
        <KeyConcentrationPanel
          by="platform"
          data={metrics?.concentration.platform}
          rule={metrics ? findRule(metrics, "platform-concentration") : undefined}
          currency={currency}
          loading={loading}
          error={error}
        />
      </div>
      <StressTests metrics={metrics} loading={loading} error={error} />
    </div>
  );
}
