"use client";

import Link from "next/link";
import { RuleBadge } from "@/components/dashboard/rule-status";
import { Panel } from "@/components/dashboard/panel";
import { noHistoryText } from "@/components/dashboard/history-text";
import { useWindow } from "@/components/dashboard/use-window";
import { withWindow } from "@/components/dashboard/window-memory";
import { ruleAdvice } from "@/components/resilience/rule-advice";
import { RULE_COPY } from "@/components/settings/rule-catalog";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

const link = "font-medium text-primary underline-offset-4 hover:underline";

/** The rules that fail or warn, worst first, each with one line of advice; the rest live on the checklist. */
export function AttentionPanel({ metrics, loading, error, className }: Props) {
  const { query } = useWindow();
  const checklist = withWindow("/resilience", query);
  const unchecked = (metrics?.rules ?? []).filter((r) => r.status === "n/a").length;
  const flagged = (metrics?.rules ?? [])
    .filter((r) => r.status === "fail" || r.status === "warn")
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "fail" ? -1 : 1));
  return (
    <Panel
      className={className}
      title="Needs attention"
      description="The rules your income fails or comes close to failing."
      loading={loading}
      error={error}
    >
      {metrics && flagged.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {unchecked === metrics.rules.length
            ? `None of the rules can be checked yet. ${metrics.history.analysisMonths === 0 ? noHistoryText(metrics) : "The checklist says what each one needs."}`
            : unchecked > 0
              ? `Every rule that can be checked passes; ${unchecked} can't be checked yet, and the checklist says why.`
              : "Every rule passes. Nothing needs your attention in this window."}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-border" data-testid="attention-rules">
          {metrics
            ? flagged.map((rule) => (
                <li key={rule.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
                  <div className="flex items-start gap-2">
                    <RuleBadge rule={rule} />
                    <h3 className="text-sm font-semibold text-foreground">{RULE_COPY[rule.id].name}</h3>
                  </div>
                  <p className="text-sm text-muted-foreground">{ruleAdvice(rule, metrics).text}</p>
                </li>
              ))
            : null}
        </ul>
      )}
      <Link href={checklist} className={`${link} mt-auto self-start text-sm`}>
        Open the resilience checklist
      </Link>
    </Panel>
  );
}
