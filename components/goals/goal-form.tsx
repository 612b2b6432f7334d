"use client";

import { useRef, useState } from "react";
import { requestErrors } from "@/lib/form-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { formatMoney, formatMonth } from "@/lib/format";
import { isMonth } from "@/lib/metrics/months";
import { parseAmount } from "@/lib/metrics/money";
import type { StreamView } from "@/lib/schemas/streams";
import { PORTFOLIO } from "./owners";
import { useSetGoal } from "./use-goal-mutations";
import { focusFirstInvalid } from "@/components/ui/focus";

type Props = { streams: readonly StreamView[] | undefined; currency: string; currentMonth: string };

type Errors = Partial<Record<"streamId" | "amount" | "effectiveFrom" | "form", string>>;

/** Sets a monthly target for the portfolio or one stream from a month on; the same owner and month replaces it. */
export function GoalForm({ streams, currency, currentMonth }: Props) {
  const { toast } = useToast();
  const setGoal = useSetGoal(currency);
  const formRef = useRef<HTMLFormElement>(null);
  const [owner, setOwner] = useState("");
  const [amount, setAmount] = useState("");
  const [from, setFrom] = useState(currentMonth);
  const [errors, setErrors] = useState<Errors>({});
  const active = (streams ?? []).filter((s) => s.status !== "archived");

  function submit() {
    const found: Errors = {};
    const parsed = parseAmount(amount.trim(), currency);
    if (!amount.trim()) found.amount = "Enter the monthly goal.";
    else if (!parsed.ok) found.amount = `Enter an amount like 5000.00 (${currency}).`;
    else if (parsed.minor < 0) found.amount = "A goal cannot be negative.";
    if (!isMonth(from)) found.effectiveFrom = "Pick the month the goal starts.";
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstInvalid(formRef.current);
    const input = { streamId: owner || null, amount: amount.trim(), effectiveFrom: from };
    const name = owner ? (active.find((s) => s.id === owner)?.name ?? "the stream") : PORTFOLIO.toLowerCase();
    setGoal.mutate(input, {
      onSuccess: (goal) => {
        toast({
          title: "Goal set",
          description: `${formatMoney(goal.amountMinor, goal.currency)} a month for ${name}, from ${formatMonth(goal.effectiveFrom)}.`,
          tone: "success",
        });
        setAmount("");
      },
      onError: (err) => {
        setErrors(requestErrors(err, "Could not set the goal. Try again.") as Errors);
        focusFirstInvalid(formRef.current);
      },
    });
  }

  return (
    <form
      ref={formRef}
      noValidate
      aria-label="Set a goal"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="flex flex-col gap-4"
    >
      <Field label="For" error={errors.streamId}>
        <Select name="streamId" value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{PORTFOLIO}</option>
          {active.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={`Monthly goal (${currency})`}
        error={errors.amount}
        hint="Income to reach each month. Set 0 to stop a goal from a month on."
      >
        <Input
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="5000.00"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          className="money"
        />
      </Field>
      <Field label="From" error={errors.effectiveFrom} hint="It applies from this month until you set another.">
        <Input name="effectiveFrom" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
      </Field>
      {errors.form ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" loading={setGoal.isPending} className="self-start">
        Set goal
      </Button>
    </form>
  );
}
