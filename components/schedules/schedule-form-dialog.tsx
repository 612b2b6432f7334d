"use client";

import { useId, useRef, useState } from "react";
import { currencyOptions } from "@/components/transactions/currencies";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { createScheduleInput, scheduleCadence, type ScheduleView } from "@/lib/schemas/schedules";
import { cadenceText } from "./schedule-labels";
import { useCreateSchedule } from "./use-schedule-mutations";
import { useFocusFirstInvalid } from "@/components/ui/focus";

type Values = {
  name: string;
  counterparty: string;
  kind: "income" | "expense";
  amount: string;
  currency: string;
  cadence: ScheduleView["cadence"];
  interval: string;
  startOn: string;
  endOn: string;
  graceDays: string;
  autoLog: boolean;
};

const CADENCE_LABELS: Record<ScheduleView["cadence"], string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  yearly: "Yearly",
};

export function ScheduleFormDialog({
  open,
  onClose,
  streamId,
  streamName,
  baseCurrency,
  today,
}: {
  open: boolean;
  onClose: () => void;
  streamId: string;
  streamName: string;
  baseCurrency: string;
  today: string;
}) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Expect money on ${streamName}`}
      description="A retainer, a subscription, a payout: what should arrive, how often, and how long it may be late."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId}>
            Add expected payment
          </Button>
        </>
      }
    >
      <ScheduleForm id={formId} streamId={streamId} baseCurrency={baseCurrency} today={today} onDone={onClose} />
    </Dialog>
  );
}

function ScheduleForm({
  id,
  streamId,
  baseCurrency,
  today,
  onDone,
}: {
  id: string;
  streamId: string;
  baseCurrency: string;
  today: string;
  onDone: () => void;
}) {
  const { toast } = useToast();
  const create = useCreateSchedule();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Values>({
    name: "",
    counterparty: "",
    kind: "income",
    amount: "",
    currency: baseCurrency,
    cadence: "monthly",
    interval: "1",
    startOn: today,
    endOn: "",
    graceDays: "5",
    autoLog: false,
  });
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  useFocusFirstInvalid(formRef, errors);

  async function submit() {
    const parsed = createScheduleInput.safeParse({ ...values, streamId, endOn: values.endOn || null });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    setErrors({});
    try {
      const saved = await create.mutateAsync(parsed.data);
      toast({ title: `Expecting ${saved.name ?? "a payment"} ${cadenceText(saved)}`, tone: "success" });
      onDone();
    } catch (err) {
      setErrors(requestErrors(err, "Could not save. Try again."));
    }
  }

  const preview =
    /^\d{4}-\d{2}-\d{2}$/.test(values.startOn) && Number(values.interval) >= 1
      ? cadenceText({ ...values, interval: Number(values.interval) })
      : null;

  return (
    <form
      ref={formRef}
      id={id}
      noValidate
      aria-busy={create.isPending || undefined}
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!create.isPending) void submit();
      }}
    >
      <Field label="Name" error={errors.name} hint="For you, e.g. “Acme retainer”.">
        <Input
          name="name"
          value={values.name}
          onChange={(e) => set("name")(e.target.value)}
          maxLength={80}
          autoComplete="off"
          data-autofocus
        />
      </Field>
      <Field label="From" error={errors.counterparty} hint="Who pays: their payments are offered as a match.">
        <Input
          name="counterparty"
          value={values.counterparty}
          onChange={(e) => set("counterparty")(e.target.value)}
          maxLength={120}
          autoComplete="off"
        />
      </Field>
      <Field label="Amount" error={errors.amount} required>
        <Input name="amount" inputMode="decimal" value={values.amount} onChange={(e) => set("amount")(e.target.value)} autoComplete="off" />
      </Field>
      <Field label="Currency" error={errors.currency}>
        <Select name="currency" value={values.currency} onChange={(e) => set("currency")(e.target.value)}>
          {currencyOptions(baseCurrency).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Repeats" error={errors.cadence} hint={preview ? `Due ${preview}.` : undefined}>
        <Select name="cadence" value={values.cadence} onChange={(e) => set("cadence")(e.target.value as Values["cadence"])}>
          {scheduleCadence.options.map((c) => (
            <option key={c} value={c}>
              {CADENCE_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Every" error={errors.interval} hint="1: every time; 2: every other.">
        <Input name="interval" inputMode="numeric" value={values.interval} onChange={(e) => set("interval")(e.target.value)} />
      </Field>
      <Field label="First due on" error={errors.startOn} required>
        <Input name="startOn" type="date" value={values.startOn} onChange={(e) => set("startOn")(e.target.value)} />
      </Field>
      <Field label="Ends on" error={errors.endOn} hint="Empty: until you stop it.">
        <Input name="endOn" type="date" value={values.endOn} onChange={(e) => set("endOn")(e.target.value)} />
      </Field>
      <Field label="Days of grace" error={errors.graceDays} hint="How late it may be before it counts as late.">
        <Input name="graceDays" inputMode="numeric" value={values.graceDays} onChange={(e) => set("graceDays")(e.target.value)} />
      </Field>
      <Field label="Kind" error={errors.kind}>
        <Select name="kind" value={values.kind} onChange={(e) => set("kind")(e.target.value as Values["kind"])}>
          <option value="income">Income</option>
          <option value="expense">Expense</option>
        </Select>
      </Field>
      <label className="flex items-start gap-2 text-sm sm:col-span-2">
        <input
          type="checkbox"
          name="autoLog"
          checked={values.autoLog}
          onChange={(e) => set("autoLog")(e.target.checked)}
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          <span className="font-medium">Log it by itself on each due date</span>
          <span className="block text-muted-foreground">For money that always arrives (a platform payout): no need to log it by hand.</span>
        </span>
      </label>
      {errors.form ? (
        <p role="alert" className="text-sm font-medium text-danger sm:col-span-2">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}
