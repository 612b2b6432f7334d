"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { streamsQuery } from "@/lib/queries";
import { transactionInput, type TransactionView } from "@/lib/schemas/transactions";
import {
  amountForForm,
  ENTRY_KIND_LABELS,
  ENTRY_KINDS,
  entryKindOf,
  entryKindOfTyped,
  isNegative,
  toWire,
  type EntryKind,
} from "./entry-kind";
import { zodErrors } from "@/lib/form-errors";
import type { TransactionDraft } from "./use-transaction-mutations";

export type EditValues = {
  amount: string;
  streamId: string;
  occurredOn: string;
  entry: EntryKind;
  counterparty: string;
  platform: string;
  description: string;
};

export type TransactionEditRowProps = {
  t: TransactionView;
  /** A save the server refused: the values tried and its errors, shown again for correction. */
  retry?: { values: EditValues; errors: Record<string, string> };
  /** Called with a checked draft; the list applies it optimistically and closes the row. */
  onSave: (draft: TransactionDraft, values: EditValues) => void;
  onCancel: () => void;
};

/**
 * The row turned into inputs, in the quick-add form's order. Enter saves from any field, Escape
 * cancels; focus starts on the amount, the likeliest thing to correct.
 */
export function TransactionEditRow({ t, retry, onSave, onCancel }: TransactionEditRowProps) {
  const streams = useQuery(streamsQuery());
  const amountRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<EditValues>(
    () =>
      retry?.values ?? {
        amount: amountForForm(t),
        streamId: t.streamId,
        occurredOn: t.occurredOn,
        entry: entryKindOf(t),
        counterparty: t.counterparty ?? "",
        platform: t.platform ?? "",
        description: t.description ?? "",
      },
  );
  const [errors, setErrors] = useState<Record<string, string>>(retry?.errors ?? {});
  const set = <K extends keyof EditValues>(key: K, value: EditValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    amountRef.current?.focus();
    amountRef.current?.select();
  }, []);

  const choices = (streams.data?.data ?? []).filter((s) => s.status !== "archived" || s.id === t.streamId);

  // "-50" as income is a refund: the kind says so at once, as the row will once saved.
  const entry = entryKindOfTyped(values.entry, values.amount);

  function chooseEntry(k: EntryKind) {
    setValues((v) => ({ ...v, entry: k, amount: k === "income" && isNegative(v.amount) ? v.amount.trim().slice(1) : v.amount }));
  }

  function save() {
    const wire = toWire(values.entry, values.amount);
    // Every field is sent, so the create schema checks the edit exactly as the server will (the amount in
    // the transaction's currency, never 0; the date between 1970 and a year from today).
    const parsed = transactionInput(t.currency).safeParse({
      streamId: values.streamId,
      kind: wire.kind,
      occurredOn: values.occurredOn,
      amount: wire.amount,
      currency: t.currency,
      counterparty: values.counterparty,
      platform: values.platform,
      description: values.description,
    });
    if (!parsed.success) return setErrors(zodErrors(parsed.error));
    onSave(
      {
        streamId: values.streamId,
        kind: wire.kind,
        occurredOn: values.occurredOn,
        amount: wire.amount,
        currency: t.currency,
        counterparty: parsed.data.counterparty,
        platform: parsed.data.platform,
        description: parsed.data.description,
      },
      values,
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    } else if (e.key === "Enter" && !e.nativeEvent.isComposing && e.target instanceof HTMLSelectElement) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  }

  return (
    <form
      aria-label="Edit transaction"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="grid grid-cols-2 gap-3 bg-muted/40 px-3 py-3 sm:grid-cols-4 sm:px-4 lg:grid-cols-8"
    >
      <Field label={`Amount (${t.currency})`} error={errors.amount} className="lg:col-span-1">
        <Input
          ref={amountRef}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={values.amount}
          onChange={(e) => set("amount", e.target.value)}
          className="money text-right"
        />
      </Field>
      <Field label="Stream" error={errors.streamId} className="lg:col-span-2">
        <Select name="streamId" value={values.streamId} onChange={(e) => set("streamId", e.target.value)}>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Date" error={errors.occurredOn} className="lg:col-span-2">
        <Input name="occurredOn" type="date" value={values.occurredOn} onChange={(e) => set("occurredOn", e.target.value)} />
      </Field>
      <Field label="Kind" error={errors.kind} hint={entry === "refund" && values.entry === "income" ? "Negative: a refund." : undefined}>
        <Select name="kind" value={entry} onChange={(e) => chooseEntry(e.target.value as EntryKind)}>
          {ENTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {ENTRY_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Counterparty" error={errors.counterparty} className="lg:col-span-2">
        <Input name="counterparty" autoComplete="off" value={values.counterparty} onChange={(e) => set("counterparty", e.target.value)} />
      </Field>
      <Field label="Platform" error={errors.platform} className="lg:col-span-2">
        <Input name="platform" autoComplete="off" value={values.platform} onChange={(e) => set("platform", e.target.value)} />
      </Field>
      <Field label="Description" error={errors.description} className="col-span-2 lg:col-span-4">
        <Input name="description" autoComplete="off" value={values.description} onChange={(e) => set("description", e.target.value)} />
      </Field>
      <div className="col-span-2 flex items-end justify-end gap-2 sm:col-span-4 lg:col-span-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit">Save</Button>
      </div>
      {errors.form ? (
        <p role="alert" className="col-span-full text-sm font-medium text-danger">
          {errors.form}
        </p>
      ) : null}
      <p className="col-span-full text-xs text-muted-foreground">Enter saves, Escape cancels.</p>
    </form>
  );
}
