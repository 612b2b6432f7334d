"use client";

import { useQuery } from "@tanstack/react-query";
import { StressTests } from "@/components/dashboard/stress-tests";
import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { Panel } from "@/components/dashboard/panel";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { settingsQuery } from "@/lib/queries";
import { ResilienceSummary } from "./resilience-summary";
import { RuleRow } from "./rule-row";

/** Would my income survive a shock? The summary figures, the seven rules with advice, then the stress tests. */
export function ResilienceChecklist() {
  const state = useDashboardState();
  const settings = useQuery(settingsQuery());
  const { metrics } = state;
  return (
    <div className="flex flex-col gap-6">
      {state.empty ? (
        <EmptyPortfolio reason={state.empty} range={metrics?.window} />
      ) : (
        <ResilienceSummary metrics={metrics} loading={state.loading} error={state.error} />
      )}
      <Panel
        title="The seven rules"
        description="Each rule rates one figure as pass, warn or fail; the score counts a pass fully and a warning half. Edit a rule's thresholds to fit your situation."
        loading={state.loading}
        error={state.error}
      >
        {metrics ? (
          <ul className="flex flex-col divide-y divide-border" aria-label="Resilience rules">
            {metrics.rules.map((rule) => (
              <RuleRow key={rule.id} rule={rule} metrics={metrics} settings={settings.data} />
            ))}
          </ul>
        ) : null}
      </Panel>
      {state.empty ? null : <StressTests metrics={metrics} loading={state.loading} error={state.error} />}
    </div>
  );
}
