"use client";

import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { DEFAULT_THRESHOLDS, type RuleId } from "@/lib/metrics/thresholds";
import { moveFocus } from "@/components/ui/focus";
import { isDefaultDraft, RULE_COPY, thresholdLabel } from "./rule-catalog";
import { UnitInput } from "./unit-input";

export type RuleThresholdRowProps = {
  id: RuleId;
  value: { pass: string; warn: string };
  errors: { pass?: string; warn?: string };
  /** Coverage rules need essential expenses; without them they are n/a, which the row says. */
  expensesSet: boolean;
  onChange: (value: { pass: string; warn: string }) => void;
  onReset: () => void;
};

/** One rule: what it checks in plain words (with the typed values), its pass and warn inputs, and a reset. */
export function RuleThresholdRow({ id, value, errors, expensesSet, onChange, onReset }: RuleThresholdRowProps) {
  const copy = RULE_COPY[id];
  const passRef = useRef<HTMLInputElement>(null);
  const max = DEFAULT_THRESHOLDS[id].direction === "max";
  const isDefault = isDefaultDraft(id, value);
  const unit = copy.unit === "percent" ? "%" : undefined;
  const srUnit = copy.unit === "percent" ? " in percent" : "";
  const pass = thresholdLabel(id, value.pass);
  const warn = thresholdLabel(id, value.warn);

  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 md:flex-row md:items-start md:gap-6">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-semibold">{copy.name}</h3>
          {isDefault ? <Badge>Default</Badge> : <Badge tone="info">Custom</Badge>}
        </div>
        <p className="mt-1 text-sm text-muted-foreground">
          {copy.passes(pass)} {max ? `Warn up to ${warn}; fail above.` : `Warn down to ${warn}; fail below.`}
        </p>
        {copy.needsExpenses && !expensesSet ? (
          <p className="mt-1 text-sm text-warning">Shows as n/a until you set your essential monthly expenses.</p>
        ) : null}
        {isDefault ? null : (
          <Button
            variant="ghost"
            size="sm"
            className="mt-1 -ml-3"
            onClick={() => {
              onReset();
              // The reset button goes away with the custom values; keep the keyboard in this row.
              moveFocus(passRef);
            }}
          >
            Reset to default<span className="sr-only"> ({copy.name})</span>
          </Button>
        )}
      </div>
      <div className="grid shrink-0 grid-cols-2 gap-3 md:w-64">
        <Field
          label={
            <>
              <span className="sr-only">{copy.name}: </span>
              {max ? "Pass at most" : "Pass at least"}
              <span className="sr-only">{srUnit}</span>
            </>
          }
          error={errors.pass}
        >
          <UnitInput
            ref={passRef}
            name={`${id}.pass`}
            unit={unit}
            value={value.pass}
            onChange={(e) => onChange({ ...value, pass: e.target.value })}
          />
        </Field>
        <Field
          label={
            <>
              <span className="sr-only">{copy.name}: </span>
              {max ? "Warn at most" : "Warn at least"}
              <span className="sr-only">{srUnit}</span>
            </>
          }
          error={errors.warn}
        >
          <UnitInput name={`${id}.warn`} unit={unit} value={value.warn} onChange={(e) => onChange({ ...value, warn: e.target.value })} />
        </Field>
      </div>
    </li>
  );
}
