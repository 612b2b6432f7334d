"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { parseAmount } from "@/lib/metrics/money";
import { unpricedQuery } from "@/lib/queries";
import { updateSettingsInput, type SettingsView } from "@/lib/schemas/settings";
import type { CurrencyChoice } from "./choices";
import { useDeviceTimeZone } from "./device-time-zone";
import { focusFirstInvalid, moveFocus, refocusIfLost } from "@/components/ui/focus";
import { asSentence, requestErrors, zodErrors, type FormErrors } from "@/lib/form-errors";
import { fractionFromPercent, percentFromFraction } from "@/lib/tax-rate";
import { useUpdateSettings, type SettingsPatch } from "./use-update-settings";

type Draft = { name: string; baseCurrency: string; timeZone: string; essential: string; buffer: string; taxRate: string };

function draftOf(s: SettingsView): Draft {
  return {
    name: s.name,
    baseCurrency: s.baseCurrency,
    timeZone: s.timeZone,
    essential: s.essentialMonthlyExpenses ?? "",
    buffer: s.cashBuffer ?? "",
    taxRate: percentFromFraction(s.taxRate),
  };
}

/**
 * Only changed fields are sent: an untouched amount then keeps its value through a base-currency change
 * (the server rescales it), instead of being re-read with the new currency's decimals.
 */
function patchOf(draft: Draft, saved: Draft): SettingsPatch {
  const patch: SettingsPatch = {};
  if (draft.name !== saved.name) patch.name = draft.name;
  if (draft.baseCurrency !== saved.baseCurrency) patch.baseCurrency = draft.baseCurrency;
  if (draft.timeZone !== saved.timeZone) patch.timeZone = draft.timeZone;
  if (draft.essential.trim() !== saved.essential) patch.essentialMonthlyExpenses = draft.essential.trim() || null;
  if (draft.buffer.trim() !== saved.buffer) patch.cashBuffer = draft.buffer.trim() || null;
  // A percentage that is not one is sent as typed, so the server's field error names it.
  if (draft.taxRate.trim() !== saved.taxRate) {
    const rate = fractionFromPercent(draft.taxRate);
    patch.taxRate = rate === undefined ? draft.taxRate.trim() : rate;
  }
  return patch;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 transactions (2 in GBP, 1 in USD)" */
function unpricedText(rows: readonly { currency: string; count: number }[]): string {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return `${plural(total, "transaction")} (${rows.map((r) => `${r.count} in ${r.currency}`).join(", ")})`;
}

/** The shared schema, plus the amount check the server runs (the schema only says "a string"). */
function validate(patch: SettingsPatch, currency: string): FormErrors {
  const parsed = updateSettingsInput.safeParse(patch);
  const errors = parsed.success ? {} : zodErrors(parsed.error);
  for (const key of ["essentialMonthlyExpenses", "cashBuffer"] as const) {
    const value = patch[key];
    if (typeof value !== "string" || errors[key]) continue;
    const amount = parseAmount(value, currency);
    if (!amount.ok) errors[key] = asSentence(amount.message);
    else if (amount.minor < 0) errors[key] = "Cannot be negative.";
  }
  // The field takes a percentage; the schema's message speaks of the fraction it becomes.
  if (errors.taxRate) errors.taxRate = "A percentage from 0 to 100 with at most 2 decimals, like 25 or 7.5.";
  return errors;
}

export function GeneralSettings({
  settings,
  currencies,
  timeZones,
}: {
  settings: SettingsView;
  currencies: CurrencyChoice[];
  timeZones: string[];
}) {
  const { toast } = useToast();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const deviceZone = useDeviceTimeZone();
  const saved = draftOf(settings);
  const [draft, setDraft] = useState<Draft>(saved);
  const [errors, setErrors] = useState<FormErrors>({});
  const [confirming, setConfirming] = useState<SettingsPatch | null>(null);
  // What the new base would leave out is asked when the dialog opens, never from a stale cache.
  const unpriced = useQuery({ ...unpricedQuery(draft.baseCurrency), enabled: confirming !== null, staleTime: 0, gcTime: 0 });
  const patch = patchOf(draft, saved);
  const dirty = Object.keys(patch).length > 0;
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  function save(p: SettingsPatch) {
    update.mutate(p, {
      onSuccess: (next) => {
        setConfirming(null);
        setDraft(draftOf(next));
        setErrors({});
        toast({ title: p.baseCurrency ? `Base currency is now ${next.baseCurrency}` : "Settings saved", tone: "success" });
        refocusIfLost(submitRef);
      },
      onError: (err) => {
        setConfirming(null);
        setErrors(requestErrors(err, "Could not save your settings. Try again."));
        focusFirstInvalid(formRef);
      },
    });
  }

  function submit() {
    if (!dirty) return void toast({ title: "No changes to save" });
    const found = validate(patch, draft.baseCurrency);
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef);
    // Re-pricing everything is the one consequential change here: say what it does before doing it.
    if (patch.baseCurrency) setConfirming(patch);
    else save(patch);
  }

  const currency = draft.baseCurrency;
  return (
    <Card>
      <CardHeader>
        <CardTitle>General</CardTitle>
        <CardDescription>Who you are, the currency every figure is shown in, and the numbers behind coverage and runway.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          ref={formRef}
          aria-label="General settings"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          className="grid gap-x-4 gap-y-5 sm:grid-cols-2"
        >
          <Field label="Name" error={errors.name}>
            <Input name="name" autoComplete="name" value={draft.name} onChange={(e) => set("name", e.target.value)} />
          </Field>
          <Field label="Base currency" error={errors.baseCurrency} hint="Every total, share and rule is computed in this currency.">
            <Select name="baseCurrency" value={draft.baseCurrency} onChange={(e) => set("baseCurrency", e.target.value)}>
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} — {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Time zone"
            error={errors.timeZone}
            className="sm:col-span-2"
            hint={
              <>
                Decides which day and month “today” is.
                {deviceZone && deviceZone !== draft.timeZone && timeZones.includes(deviceZone) ? (
                  <>
                    {" "}
                    <button
                      type="button"
                      className="font-medium text-primary underline underline-offset-2"
                      onClick={() => set("timeZone", deviceZone)}
                    >
                      Use this device’s zone ({deviceZone})
                    </button>
                  </>
                ) : null}
              </>
            }
          >
            <Select name="timeZone" value={draft.timeZone} onChange={(e) => set("timeZone", e.target.value)}>
              {timeZones.map((tz) => (
                <option key={tz} value={tz}>
                  {tz.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={`Essential monthly expenses (${currency})`}
            error={errors.essentialMonthlyExpenses}
            hint="What you must pay each month. Drives coverage: how much of it your income covers, even after losing a stream."
          >
            <Input
              name="essentialMonthlyExpenses"
              inputMode="decimal"
              autoComplete="off"
              placeholder="Not set"
              value={draft.essential}
              onChange={(e) => set("essential", e.target.value)}
              className="money"
            />
          </Field>
          <Field
            label={`Cash buffer (${currency})`}
            error={errors.cashBuffer}
            hint="Savings you could live on. Drives runway: how many months they last if your largest stream stops."
          >
            <Input
              name="cashBuffer"
              inputMode="decimal"
              autoComplete="off"
              placeholder="Not set"
              value={draft.buffer}
              onChange={(e) => set("buffer", e.target.value)}
              className="money"
            />
          </Field>
          <Field
            label="Tax set-aside (%)"
            error={errors.taxRate}
            hint="The share of each stream's net income to put aside for taxes, unless the stream has its own rate. Empty: none."
          >
            <Input
              name="taxRate"
              inputMode="decimal"
              autoComplete="off"
              placeholder="Not set"
              value={draft.taxRate}
              onChange={(e) => set("taxRate", e.target.value)}
            />
          </Field>
          {errors.form ? (
            <p role="alert" className="text-sm font-medium text-danger sm:col-span-2">
              {errors.form}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <Button ref={submitRef} type="submit" loading={update.isPending && !confirming}>
              Save settings
            </Button>
            {dirty ? (
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
            ) : null}
          </div>
        </form>
      </CardContent>
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        onConfirm={() => confirming && save(confirming)}
        pending={update.isPending || unpriced.isFetching}
        tone="primary"
        title={`Change your base currency to ${draft.baseCurrency}?`}
        description={`Every transaction is re-priced in ${draft.baseCurrency} with your rates quoted in ${draft.baseCurrency}, or else by inverting your ${draft.baseCurrency} rates quoted in its currency (such as those entered under ${settings.baseCurrency}). Transactions with neither are left out of the figures until you add a rate.`}
        confirmLabel={`Change to ${draft.baseCurrency}`}
      >
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-muted-foreground">
          <li aria-live="polite">
            {unpriced.data === undefined ? (
              unpriced.isError ? (
                `Could not check which transactions have a rate for ${draft.baseCurrency}.`
              ) : (
                <span className="inline-flex items-center gap-2">
                  <Spinner size="sm" /> Checking your rates…
                </span>
              )
            ) : unpriced.data.data.length === 0 ? (
              `Every transaction has a rate for ${draft.baseCurrency}: none is left out.`
            ) : (
              <span className="font-medium text-foreground">
                {unpricedText(unpriced.data.data)} will have no rate and be left out until you add one.
              </span>
            )}
          </li>
          <li>Your rates quoted in {settings.baseCurrency} stay saved and count again if you switch back.</li>
          {saved.essential || saved.buffer ? (
            <li>Essential expenses and the cash buffer keep their numbers, now read as {draft.baseCurrency}: check them afterwards.</li>
          ) : null}
        </ul>
      </ConfirmDialog>
    </Card>
  );
}
