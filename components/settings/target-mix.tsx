"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { formatNumber } from "@/lib/format";
import { targetMixInput, type SettingsView } from "@/lib/schemas/settings";
import { focusFirstInvalid, moveFocus, refocusIfLost } from "@/components/ui/focus";
import { requestErrors, zodErrors, type FormErrors } from "@/lib/form-errors";
import { percentTextToRatio, ratioToPercentText } from "./ratio-text";
import { UnitInput } from "./unit-input";
import { useUpdateSettings } from "./use-update-settings";

const ROLES = [
  { key: "anchor", label: "Anchor", hint: "Steady income you count on" },
  { key: "growth", label: "Growth", hint: "Income you are building up" },
  { key: "speculative", label: "Speculative", hint: "Bets that may or may not pay off" },
] as const;
type Role = (typeof ROLES)[number]["key"];
type Draft = Record<Role, string>;

const EMPTY: Draft = { anchor: "", growth: "", speculative: "" };

function draftOf(mix: SettingsView["targetMix"]): Draft {
  if (!mix) return EMPTY;
  return {
    anchor: ratioToPercentText(mix.anchor),
    growth: ratioToPercentText(mix.growth),
    speculative: ratioToPercentText(mix.speculative),
  };
}

const isEmpty = (d: Draft) => ROLES.every((r) => d[r.key].trim() === "");

export function TargetMix({ settings }: { settings: SettingsView }) {
  const { toast } = useToast();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const totalId = useId();
  const saved = draftOf(settings.targetMix);
  const [draft, setDraft] = useState<Draft>(saved);
  const [errors, setErrors] = useState<FormErrors>({});
  const dirty = ROLES.some((r) => draft[r.key].trim() !== saved[r.key]);
  const ratios = ROLES.map((r) => percentTextToRatio(draft[r.key]));
  // Shown as the user types; only a display, the schema decides what adds up.
  const total = ratios.every((r) => r !== null) ? ratios.reduce<number>((sum, r) => sum + (r ?? 0), 0) : null;

  function submit() {
    if (!dirty) return void toast({ title: "No changes to save" });
    if (isEmpty(draft)) return save(null);
    const found: FormErrors = {};
    const mix: Partial<Record<Role, number>> = {};
    for (const r of ROLES) {
      const value = percentTextToRatio(draft[r.key]);
      if (value === null) found[r.key] = draft[r.key].trim() === "" ? "Enter a percentage, 0 for none." : "Enter a number.";
      // The schema's own bounds messages are zod's generic ones; these say it in percent.
      else if (value < 0) found[r.key] = "Cannot be negative.";
      else if (value > 1) found[r.key] = "At most 100%.";
      else mix[r.key] = value;
    }
    if (Object.keys(found).length === 0) {
      const parsed = targetMixInput.safeParse(mix);
      if (!parsed.success) Object.assign(found, zodErrors(parsed.error, "total"));
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef);
    save(mix as Record<Role, number>);
  }

  function save(targetMix: Record<Role, number> | null) {
    update.mutate(
      { targetMix },
      {
        onSuccess: (next) => {
          setDraft(draftOf(next.targetMix));
          setErrors({});
          toast({ title: targetMix ? "Target mix saved" : "Target mix cleared", tone: "success" });
          refocusIfLost(submitRef);
        },
        onError: (err) => {
          // The sum check is about the whole mix: the server reports it at "targetMix" itself.
          const { targetMix: total, ...rest } = requestErrors(err, "Could not save the target mix. Try again.", "targetMix.");
          setErrors(total ? { ...rest, total } : rest);
          focusFirstInvalid(formRef);
        },
      },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Target mix by role</CardTitle>
        <CardDescription>
          How you would like your income split between anchor, growth and speculative streams. The diversification view compares your actual
          mix with it. Leave all three empty for no target.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          aria-label="Target mix by role"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="flex flex-col gap-4"
        >
          <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-3" aria-describedby={totalId}>
            <legend className="sr-only">Target share of income by stream role</legend>
            {ROLES.map((r) => (
              <Field
                key={r.key}
                label={
                  <>
                    {r.label}
                    <span className="sr-only"> target in percent</span>
                  </>
                }
                hint={r.hint}
                error={errors[r.key]}
              >
                <UnitInput
                  ref={r.key === "anchor" ? firstRef : undefined}
                  name={`targetMix.${r.key}`}
                  unit="%"
                  value={draft[r.key]}
                  onChange={(e) => setDraft((d) => ({ ...d, [r.key]: e.target.value }))}
                />
              </Field>
            ))}
          </fieldset>
          <div id={totalId} className="text-sm">
            {isEmpty(draft) ? (
              <p className="text-muted-foreground">No target set.</p>
            ) : (
              <p className={cx("money", total !== null && Math.abs(total - 1) < 1e-9 ? "text-success" : "text-muted-foreground")}>
                Total: {total === null ? "…" : `${formatNumber(total * 100, 2)}%`} of 100%
              </p>
            )}
            {errors.total ? (
              <p role="alert" className="mt-1 font-medium text-danger">
                {errors.total}
              </p>
            ) : null}
            {errors.form ? (
              <p role="alert" className="mt-1 font-medium text-danger">
                {errors.form}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Button ref={submitRef} type="submit" loading={update.isPending}>
              Save target mix
            </Button>
            {!isEmpty(draft) ? (
              <Button
                variant="ghost"
                onClick={() => {
                  setDraft(EMPTY);
                  setErrors({});
                  moveFocus(firstRef);
                }}
              >
                Clear target
              </Button>
            ) : null}
            {dirty ? <span className="text-sm text-muted-foreground">Unsaved changes</span> : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
