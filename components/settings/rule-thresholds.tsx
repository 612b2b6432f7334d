"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { RULE_IDS, type RuleId, type RuleThreshold } from "@/lib/metrics/thresholds";
import { thresholdsInput, type SettingsView } from "@/lib/schemas/settings";
import { focusFirstInvalid, moveFocus, refocusIfLost } from "@/components/ui/focus";
import { requestErrors, zodErrors, type FormErrors } from "@/lib/form-errors";
import { defaultDraft, draftOfThresholds, isDefaultDraft, thresholdValue, type ThresholdDraft } from "./rule-catalog";
import { RuleThresholdRow } from "./rule-threshold-row";
import { useUpdateSettings } from "./use-update-settings";

const sameDraft = (a: ThresholdDraft, b: ThresholdDraft) => RULE_IDS.every((id) => a[id].pass === b[id].pass && a[id].warn === b[id].warn);

/**
 * The overrides to send. PATCH replaces the whole overrides object, so this is the full set; a rule
 * typed back to its default values is left out, so it follows the defaults again.
 */
function overridesOf(draft: ThresholdDraft): { overrides: Partial<Record<RuleId, RuleThreshold>>; errors: FormErrors } {
  const overrides: Partial<Record<RuleId, RuleThreshold>> = {};
  const errors: FormErrors = {};
  for (const id of RULE_IDS) {
    if (isDefaultDraft(id, draft[id])) continue;
    const pass = thresholdValue(id, draft[id].pass);
    const warn = thresholdValue(id, draft[id].warn);
    if (pass === null) errors[`${id}.pass`] = "Enter a number.";
    if (warn === null) errors[`${id}.warn`] = "Enter a number.";
    if (pass !== null && warn !== null) overrides[id] = { pass, warn };
  }
  return { overrides, errors };
}

/** Rule-level issues ("cannot be negative") have no field of their own: show them under pass. */
function byField(errors: FormErrors, id: RuleId) {
  return { pass: errors[`${id}.pass`] ?? errors[id], warn: errors[`${id}.warn`] };
}

export function RuleThresholds({ settings }: { settings: SettingsView }) {
  const { toast } = useToast();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const saved = draftOfThresholds(settings.thresholds);
  const [draft, setDraft] = useState<ThresholdDraft>(saved);
  const [errors, setErrors] = useState<FormErrors>({});
  const dirty = !sameDraft(draft, saved);
  const expensesSet = settings.essentialMonthlyExpensesMinor !== null && settings.essentialMonthlyExpensesMinor > 0;

  function submit() {
    if (!dirty) return void toast({ title: "No changes to save" });
    const { overrides, errors: typed } = overridesOf(draft);
    const parsed = thresholdsInput.safeParse(overrides);
    const found = { ...(parsed.success ? {} : zodErrors(parsed.error)), ...typed };
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef);
    const thresholds = Object.keys(overrides).length > 0 ? overrides : null;
    update.mutate(
      { thresholds },
      {
        onSuccess: (next) => {
          setDraft(draftOfThresholds(next.thresholds));
          toast({ title: thresholds ? "Rule thresholds saved" : "Every rule follows the defaults again", tone: "success" });
          refocusIfLost(submitRef);
        },
        onError: (err) => {
          setErrors(requestErrors(err, "Could not save the thresholds. Try again.", "thresholds."));
          focusFirstInvalid(formRef);
        },
      },
    );
  }

  return (
    <Card>
      <CardHeader className="sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <div className="flex min-w-0 flex-col gap-1">
          <CardTitle>Resilience rules</CardTitle>
          <CardDescription>
            Each rule rates one figure as pass, warn or fail. Your resilience score counts a pass fully and a warning half.
          </CardDescription>
        </div>
        <Button
          variant="secondary"
          size="sm"
          className="mt-2 self-start sm:mt-0"
          onClick={() => {
            setDraft(Object.fromEntries(RULE_IDS.map((id) => [id, defaultDraft(id)])) as ThresholdDraft);
            setErrors({});
          }}
        >
          Reset all to defaults
        </Button>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          aria-label="Resilience rule thresholds"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="flex flex-col gap-5"
        >
          <ul className="flex flex-col divide-y divide-border">
            {RULE_IDS.map((id) => (
              <RuleThresholdRow
                key={id}
                id={id}
                value={draft[id]}
                errors={byField(errors, id)}
                expensesSet={expensesSet}
                onChange={(value) => setDraft((d) => ({ ...d, [id]: value }))}
                onReset={() => {
                  setDraft((d) => ({ ...d, [id]: defaultDraft(id) }));
                  setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== id && !k.startsWith(`${id}.`))));
                }}
              />
            ))}
          </ul>
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.form}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3 border-t border-border pt-4">
            <Button ref={submitRef} type="submit" loading={update.isPending}>
              Save rules
            </Button>
            {dirty ? (
              <>
                <Button
                  variant="ghost"
                  onClick={() => {
                    setDraft(saved);
                    setErrors({});
                    moveFocus(submitRef);
                  }}
                >
                  Discard changes
                </Button>
                <span className="text-sm text-muted-foreground">Unsaved changes</span>
              </>
            ) : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
