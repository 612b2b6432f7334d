"use client";

import { useState } from "react";
import { Panel } from "@/components/dashboard/panel";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatMoney } from "@/lib/format";
import type { PlanView } from "@/lib/schemas/plan";

type Props = {
  plan: PlanView | undefined;
  loading: boolean;
  error: boolean;
  /** The salary the figures shown were asked for (?salary=), or undefined for the essential expenses. */
  tried: string | undefined;
  onTry: (salary: string | undefined) => void;
  pending: boolean;
  /** The API's message when the salary tried is not an amount. */
  fieldError: string | undefined;
};

const strong = "font-semibold text-foreground";

/** How much the income has let you pay yourself, and what another salary would have taken. */
export function SalaryPanel({ plan, loading, error, tried, onTry, pending, fieldError }: Props) {
  const [value, setValue] = useState(tried ?? "");
  const currency = plan?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency, { whole: true });
  const s = plan?.salary;
  const n = plan?.history.months ?? 0;
  return (
    <Panel
      title="Pay yourself"
      description="A salary your income has sustained: paid every month of your history, it would never have emptied your buffer, and it is no more than your average net income, so the buffer stayed whole on average."
      loading={loading}
      error={error}
      empty={plan && s?.sustainable === null ? "This needs at least one complete month of history." : undefined}
    >
      {plan && s && s.sustainable !== null ? (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted-foreground" data-testid="salary-sustainable">
            Paying yourself <strong className={`money text-2xl ${strong}`}>{money(s.sustainable)}</strong> a month over the last {n}{" "}
            {n === 1 ? "month" : "months"} would never have emptied{" "}
            {s.buffer !== null ? `your ${money(s.buffer)} buffer` : "your account (no buffer is set)"}, and is no more than your average net
            income. Try a higher one below to see what it would have needed in the bank.
          </p>
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              onTry(value.trim() === "" ? undefined : value.trim());
            }}
          >
            <Field label={`Try a monthly salary (${currency})`} error={fieldError} className="w-48">
              <Input
                name="salary"
                inputMode="decimal"
                autoComplete="off"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                placeholder="4200.00"
              />
            </Field>
            <Button type="submit" variant="secondary" loading={pending}>
              Check
            </Button>
          </form>
          {s.target !== null && s.bufferNeeded !== null && s.monthsCovered !== null ? (
            <p className="text-sm text-muted-foreground" data-testid="salary-target">
              {tried === undefined ? "Your essential expenses, " : "Paying "}
              <strong className={strong}>{money(s.target)}</strong> every month{" "}
              {s.bufferNeeded > 0 ? (
                <>
                  would have needed <strong className={strong}>{money(s.bufferNeeded)}</strong> in the bank at the start
                </>
              ) : (
                "would never have needed a buffer"
              )}
              ; the month&rsquo;s own net income covered it in {s.monthsCovered} of {n} {n === 1 ? "month" : "months"}.
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">Set your essential monthly expenses in Settings, or try a salary above.</p>
          )}
        </div>
      ) : null}
    </Panel>
  );
}
