"use client";

import { useEffect, useRef, useState } from "react";
import { requestErrors, zodErrors, type FormErrors } from "@/lib/form-errors";
import { RULE_COPY, thresholdText, thresholdValue } from "@/components/settings/rule-catalog";
import { UnitInput } from "@/components/settings/unit-input";
import { useUpdateSettings } from "@/components/settings/use-update-settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import type { RuleView } from "@/lib/schemas/metrics";
import { thresholdsInput, type SettingsView } from "@/lib/schemas/settings";
import { overridesWith } from "./threshold-overrides";
import { focusFirstInvalid } from "@/components/ui/focus";

type Props = { rule: RuleView; settings: SettingsView; onDone: () => void };

/**
 * Pass and warn of one rule, edited where the rule is shown. Saving sends every override (the PATCH replaces
 * them all); the shared settings mutation then refetches the metrics, so the status and score follow.
 */
export function ThresholdEditor({ rule, settings, onDone }: Props) {
  const { toast } = useToast();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const copy = RULE_COPY[rule.id];
  const [draft, setDraft] = useState({ pass: thresholdText(rule.id, rule.pass), warn: thresholdText(rule.id, rule.warn) });
  const [errors, setErrors] = useState<FormErrors>({});
  const max = rule.direction === "max";
  const unit = copy.unit === "percent" ? "%" : undefined;
  const srUnit = copy.unit === "percent" ? " in percent" : "";

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, []);

  function submit() {
    const pass = thresholdValue(rule.id, draft.pass);
    const warn = thresholdValue(rule.id, draft.warn);
    const typed: FormErrors = {};
    if (pass === null) typed.pass = "Enter a number.";
    if (warn === null) typed.warn = "Enter a number.";
    if (pass === null || warn === null) {
      setErrors(typed);
      return focusFirstInvalid(formRef.current);
    }
    const thresholds = overridesWith(settings, rule.id, { pass, warn });
    const parsed = thresholds === null ? null : thresholdsInput.safeParse(thresholds);
    if (parsed && !parsed.success) {
      setErrors(forRule(zodErrors(parsed.error), rule.id));
      return focusFirstInvalid(formRef.current);
    }
    setErrors({});
    update.mutate(
      { thresholds },
      {
        onSuccess: () => {
          toast({ title: `${copy.name}: thresholds saved`, description: "The rule and your score now use them.", tone: "success" });
          onDone();
        },
        onError: (err) => {
          setErrors(forRule(requestErrors(err, "Could not save the thresholds. Try again.", "thresholds."), rule.id));
          focusFirstInvalid(formRef.current);
        },
      },
    );
  }

  const label = (text: string) => (
    <>
      <span className="sr-only">{copy.name}: </span>
      {text}
      <span className="sr-only">{srUnit}</span>
    </>
  );

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={`Thresholds of ${copy.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onDone();
        }
      }}
      className="flex flex-col gap-3 rounded-lg border border-border bg-muted/40 p-3"
    >
      <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
        <Field label={label(max ? "Pass at most" : "Pass at least")} error={errors.pass}>
          <UnitInput
            name={`${rule.id}.pass`}
            unit={unit}
            value={draft.pass}
            onChange={(e) => setDraft((d) => ({ ...d, pass: e.target.value }))}
          />
        </Field>
        <Field label={label(max ? "Warn at most" : "Warn at least")} error={errors.warn}>
          <UnitInput
            name={`${rule.id}.warn`}
            unit={unit}
            value={draft.warn}
            onChange={(e) => setDraft((d) => ({ ...d, warn: e.target.value }))}
          />
        </Field>
      </div>
      <p className="text-xs text-muted-foreground">
        {max ? "Above the warn threshold the rule fails." : "Below the warn threshold the rule fails."}
      </p>
      {errors.form ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {errors.form}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" loading={update.isPending}>
          Save<span className="sr-only"> thresholds of {copy.name}</span>
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** This rule's errors by field; a rule-level one ("cannot be negative") goes under pass, another rule's under the form. */
function forRule(errors: FormErrors, id: string): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === `${id}.pass` || path === id) out.pass ??= message;
    else if (path === `${id}.warn`) out.warn ??= message;
    else out.form ??= message;
  }
  return out;
}
