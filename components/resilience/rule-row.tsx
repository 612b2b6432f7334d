"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useRef, useState } from "react";
import { inlineLink } from "@/components/dashboard/labels";
import { formatRuleValue, RuleBadge } from "@/components/dashboard/rule-status";
import { RULE_COPY } from "@/components/settings/rule-catalog";
import { useUpdateSettings } from "@/components/settings/use-update-settings";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import type { MetricsView, RuleView } from "@/lib/schemas/metrics";
import type { SettingsView } from "@/lib/schemas/settings";
import { RULE_EXPLANATIONS, ruleAdvice } from "./rule-advice";
import { StatusIcon } from "./status-icon";
import { overridesWith } from "./threshold-overrides";

// The editor (and the settings schema that checks it) loads when a rule is first edited, not with the
// checklist; hovering or focusing an Edit button starts the download early.
const loadEditor = () => import("./threshold-editor");
const ThresholdEditor = dynamic(() => loadEditor().then((m) => m.ThresholdEditor), {
  loading: () => <Spinner size="sm" label="Opening the threshold editor" className="text-muted-foreground" />,
});

type Props = { rule: RuleView; metrics: MetricsView; settings: SettingsView | undefined };

/** One rule of the checklist: status and value, its thresholds (editable here), what it means and what to do. */
export function RuleRow({ rule, metrics, settings }: Props) {
  const copy = RULE_COPY[rule.id];
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const custom = settings?.thresholds[rule.id]?.isDefault === false;
  const advice = ruleAdvice(rule, metrics);
  const sign = rule.direction === "max" ? "≤" : "≥";
  // Back to the rule's Edit button once the editor (or the Reset button) is gone, so focus never drops to <body>.
  const refocus = () => requestAnimationFrame(() => editButton.current?.focus());
  const close = () => {
    setEditing(false);
    refocus();
  };

  return (
    <li className="flex gap-3 py-4 first:pt-0 last:pb-0 sm:gap-4" data-rule={rule.id} data-status={rule.status}>
      <StatusIcon status={rule.status} className="mt-0.5" />
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-sm font-semibold text-foreground">{copy.name}</h3>
              <RuleBadge rule={rule} />
              {custom ? <Badge tone="info">Custom thresholds</Badge> : null}
            </div>
            <p className="mt-1 text-sm text-muted-foreground">{RULE_EXPLANATIONS[rule.id]}</p>
          </div>
          {rule.value === null ? (
            <p className="shrink-0 text-sm text-muted-foreground sm:text-right" data-testid={`rule-value-${rule.id}`}>
              {rule.reason === "unattributed"
                ? "Not enough attributed"
                : rule.reason === "no-essential-expenses"
                  ? "Needs your expenses"
                  : "No value yet"}
            </p>
          ) : (
            <p
              className="money shrink-0 text-2xl font-semibold tracking-tight text-foreground sm:text-right"
              data-testid={`rule-value-${rule.id}`}
            >
              {formatRuleValue(rule, rule.value)}
            </p>
          )}
        </div>

        <p className="text-sm text-foreground" data-testid={`rule-advice-${rule.id}`}>
          {advice.text}
          {advice.fix ? (
            <>
              {" "}
              <Link href={advice.fix.href} className={inlineLink}>
                {advice.fix.label}
              </Link>
              .
            </>
          ) : null}
        </p>

        {editing && settings ? (
          <ThresholdEditor rule={rule} settings={settings} onDone={close} />
        ) : (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="text-muted-foreground" data-testid={`rule-thresholds-${rule.id}`}>
              Pass {sign} <span className="money font-medium text-foreground">{formatRuleValue(rule, rule.pass)}</span> · Warn {sign}{" "}
              <span className="money font-medium text-foreground">{formatRuleValue(rule, rule.warn)}</span> · Fail{" "}
              {rule.direction === "max" ? "above" : "below"}
            </span>
            <span className="flex flex-wrap gap-1">
              <Button
                ref={editButton}
                variant="ghost"
                size="sm"
                className="-ml-3 sm:ml-0"
                disabled={!settings}
                onPointerEnter={loadEditor}
                onFocus={loadEditor}
                onClick={() => setEditing(true)}
              >
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                  className="size-3.5"
                >
                  <path d="M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4" />
                </svg>
                Edit thresholds<span className="sr-only"> of {copy.name}</span>
              </Button>
              {custom && settings ? <ResetButton rule={rule} settings={settings} onReset={refocus} /> : null}
            </span>
          </div>
        )}
      </div>
    </li>
  );
}

/** Drops this rule's override (keeping the others), so it follows the defaults again. */
function ResetButton({ rule, settings, onReset }: { rule: RuleView; settings: SettingsView; onReset: () => void }) {
  const update = useUpdateSettings();
  const { toast } = useToast();
  const name = RULE_COPY[rule.id].name;
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={update.isPending}
      onClick={() =>
        update.mutate(
          { thresholds: overridesWith(settings, rule.id, null) },
          {
            onSuccess: () => {
              toast({ title: `${name}: back to the default thresholds`, tone: "success" });
              onReset();
            },
            onError: (err) => toast({ title: "Could not reset the thresholds", description: err.message, tone: "danger" }),
          },
        )
      }
    >
      Reset to default<span className="sr-only"> ({name})</span>
    </Button>
  );
}
