"use client";

import { useId, useRef, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { formatDate } from "@/lib/format";
import { parseRate } from "@/lib/metrics/money";
import { fxRateInput } from "@/lib/schemas/fx-rates";
import type { CurrencyChoice } from "./choices";
import { focusFirstInvalid, refocusIfLost } from "@/components/ui/focus";
import { requestErrors, zodErrors, type FormErrors } from "@/lib/form-errors";
import { rateText } from "./rate-text";
import { useSaveRates } from "./use-save-rates";

export type FxRateFormProps = {
  baseCurrency: string;
  /** Every currency but the base (its rate is always 1). */
  currencies: CurrencyChoice[];
  today: string;
  /** Kept by the parent so "Add a GBP rate" elsewhere in the section can pick it. */
  currency: string;
  onCurrencyChange: (currency: string) => void;
  rateRef: RefObject<HTMLInputElement | null>;
};

/** One dated rate; the hint under the rate reads it back as a sentence ("1 EUR = 1.0825 USD") while typing. */
export function FxRateForm({ baseCurrency, currencies, today, currency, onCurrencyChange, rateRef }: FxRateFormProps) {
  const { toast } = useToast();
  const save = useSaveRates();
  const formRef = useRef<HTMLFormElement>(null);
  const readbackId = useId();
  const [date, setDate] = useState(today);
  const [rate, setRate] = useState("");
  const [errors, setErrors] = useState<FormErrors>({});
  const typed = parseRate(rate.trim());

  function submit() {
    const parsed = fxRateInput.safeParse({ currency, date, rate });
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error));
      return focusFirstInvalid(formRef);
    }
    setErrors({});
    save.mutate(
      { rate: { currency, date, rate: parsed.data.rate } },
      {
        onSuccess: ({ data: [saved] }) => {
          setRate("");
          // Ready for the next rate of the same currency.
          refocusIfLost(rateRef);
          if (saved)
            toast({
              title: `Saved 1 ${saved.currency} = ${rateText(saved.rate)} ${saved.baseCurrency}`,
              description: `For ${formatDate(saved.date)}.`,
              tone: "success",
            });
        },
        onError: (err) => {
          setErrors(requestErrors(err, "Could not save the rate. Try again."));
          focusFirstInvalid(formRef);
        },
      },
    );
  }

  return (
    <form
      ref={formRef}
      aria-label="Add an exchange rate"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="grid grid-cols-2 gap-x-3 gap-y-4 md:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start"
    >
      <Field label="Currency" error={errors.currency} className="col-span-2 md:col-span-1">
        <Select name="currency" value={currency} onChange={(e) => onCurrencyChange(e.target.value)}>
          {currencies.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} — {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date" error={errors.date}>
        <Input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <Field label={`Rate (${baseCurrency} per 1 ${currency})`} error={errors.rate}>
        <Input
          ref={rateRef}
          name="rate"
          inputMode="decimal"
          autoComplete="off"
          placeholder="1.0825"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          aria-describedby={readbackId}
          className="money"
        />
      </Field>
      <p id={readbackId} className="col-span-2 text-sm text-muted-foreground md:order-last md:col-span-4">
        {typed.ok ? (
          <>
            1 {currency} = <span className="money font-medium text-foreground">{typed.value}</span> {baseCurrency}
            {date ? ` on ${formatDate(date)}` : ""}. Adding a rate for a date that already has one replaces it.
          </>
        ) : (
          <>Adding a rate for a date that already has one replaces it.</>
        )}
      </p>
      <Button type="submit" loading={save.isPending} className="col-span-2 md:col-span-1 md:mt-7">
        Add rate
      </Button>
    </form>
  );
}
