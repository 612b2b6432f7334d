"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatMoney } from "@/lib/format";
import { streamsQuery, suggestionsQuery } from "@/lib/queries";
import { transactionInput } from "@/lib/schemas/transactions";
import { currencyOptions } from "./currencies";
import { ENTRY_KIND_LABELS, toWire, type EntryKind } from "./entry-kind";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { KindToggle } from "./kind-toggle";
import { useCreateTransaction, type TransactionDraft } from "./use-transaction-mutations";

export type QuickAddFormProps = {
  baseCurrency: string;
  /** Today in the user's time zone (YYYY-MM-DD), the default date. */
  today: string;
  /** Log to this stream only (the stream page): no stream picker. */
  fixedStreamId?: string;
  /** The stream picked at first (e.g. the list's stream filter). */
  defaultStreamId?: string;
  className?: string;
};

// Column spans: 2 columns on phones, 6 from md, 12 from xl; the stream page's form has no stream picker.
const withStream = {
  amount: "col-span-1 md:col-span-2 xl:col-span-2",
  stream: "col-span-1 md:col-span-4 xl:col-span-4",
  date: "col-span-2 md:col-span-3 xl:col-span-3",
  kind: "col-span-2 md:col-span-3 xl:col-span-3",
  counterparty: "col-span-1 md:col-span-3 xl:col-span-3",
  platform: "col-span-1 md:col-span-3 xl:col-span-3",
  description: "col-span-2 md:col-span-4 xl:col-span-3",
  submit: "col-span-2 md:col-span-2 xl:col-span-3",
};
const oneStream = {
  ...withStream,
  amount: "col-span-1 md:col-span-2 xl:col-span-3",
  date: "col-span-1 md:col-span-2 xl:col-span-3",
  kind: "col-span-2 md:col-span-2 xl:col-span-3",
  description: "col-span-2 md:col-span-4 xl:col-span-6",
};

type Values = {
  amount: string;
  streamId: string;
  occurredOn: string;
  entry: EntryKind;
  counterparty: string;
  platform: string;
  description: string;
  currency: string;
};

/**
 * Logging in seconds, by keyboard alone: amount → stream → date → kind → counterparty → platform →
 * description, Enter from any field submits. After a submit the amount field has focus again and the
 * stream and date stay, so a run of entries is type, Enter, type, Enter. The row appears in the lists
 * at once (optimistic); should the server refuse it, the values come back into the form with the errors.
 */
export function QuickAddForm({ baseCurrency, today, fixedStreamId, defaultStreamId, className }: QuickAddFormProps) {
  const ids = useId();
  const amountRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const streams = useQuery(streamsQuery());
  const suggestions = useQuery(suggestionsQuery());
  const create = useCreateTransaction();
  const choosable = (streams.data?.data ?? []).filter((s) => s.status !== "archived" || s.id === fixedStreamId);
  const initialStream = fixedStreamId ?? choosable.find((s) => s.id === defaultStreamId)?.id ?? choosable[0]?.id ?? "";
  const fresh = (keep?: Pick<Values, "streamId" | "occurredOn">): Values => ({
    amount: "",
    streamId: keep?.streamId ?? initialStream,
    occurredOn: keep?.occurredOn ?? today,
    entry: "income",
    counterparty: "",
    platform: "",
    description: "",
    currency: baseCurrency,
  });
  const [values, setValues] = useState<Values>(() => fresh());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");

  // The stream list can arrive (or change) after the first render: keep a valid choice selected.
  const streamId = choosable.some((s) => s.id === values.streamId) ? values.streamId : initialStream;
  const stream = choosable.find((s) => s.id === streamId);
  const span = fixedStreamId ? oneStream : withStream;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  // A refused entry puts focus on the first field to fix.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function submit() {
    const wire = toWire(values.entry, values.amount);
    const raw = {
      streamId,
      kind: wire.kind,
      occurredOn: values.occurredOn,
      amount: wire.amount,
      currency: values.currency,
      counterparty: values.counterparty,
      platform: values.platform,
      description: values.description,
    };
    const parsed = transactionInput(values.currency).safeParse(raw);
    if (!parsed.success) {
      setErrors(zodErrors(parsed.error));
      return;
    }
    const draft: TransactionDraft = {
      ...raw,
      counterparty: parsed.data.counterparty,
      platform: parsed.data.platform,
      description: parsed.data.description,
    };
    const submitted = { ...values, streamId };
    const label = `${ENTRY_KIND_LABELS[values.entry].toLowerCase()} of ${formatMoney(parsed.data.amountMinor, parsed.data.currency)} to ${stream?.name ?? "the stream"}`;
    setErrors({});
    setValues(fresh({ streamId, occurredOn: values.occurredOn }));
    setStatus(`Logging ${label}…`);
    amountRef.current?.focus();
    create.mutate(draft, {
      onSuccess: () => setStatus(`Logged ${label}.`),
      onError: (err) => {
        // Put back what was typed, unless the user has already started the next entry.
        setValues((current) => (current.amount === "" ? submitted : current));
        setErrors(requestErrors(err, "Could not log the transaction. Try again."));
        setStatus("");
      },
    });
  }

  // Enter in a text field submits natively; a select or radio needs telling.
  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const t = e.target;
    if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
    if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type === "radio")) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  }

  if (streams.isSuccess && choosable.length === 0) {
    return (
      <div className={cx("flex flex-col items-start gap-3 rounded-xl border border-dashed border-border p-5 text-sm", className)}>
        <p>Add a stream first: every transaction belongs to one.</p>
        <Link href="/streams" className={buttonClasses({ size: "sm" })}>
          Add a stream
        </Link>
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      aria-label="Log a transaction"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={onKeyDown}
      className={cx("grid grid-cols-2 gap-x-3 gap-y-4 md:grid-cols-6 xl:grid-cols-12", className)}
    >
      <Field label={`Amount (${values.currency})`} error={errors.amount} required className={span.amount}>
        <Input
          ref={amountRef}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={values.amount}
          onChange={(e) => set("amount", e.target.value)}
          className="money text-right"
        />
      </Field>
      {fixedStreamId ? null : (
        <Field label="Stream" error={errors.streamId} required className={span.stream}>
          <Select name="streamId" value={streamId} onChange={(e) => set("streamId", e.target.value)}>
            {choosable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Date" error={errors.occurredOn} required className={span.date}>
        <Input name="occurredOn" type="date" value={values.occurredOn} onChange={(e) => set("occurredOn", e.target.value)} />
      </Field>
      <KindToggle value={values.entry} onChange={(k) => set("entry", k)} className={span.kind} />
      <Field label="Counterparty" error={errors.counterparty} className={span.counterparty}>
        <Input
          name="counterparty"
          list={`${ids}-counterparties`}
          autoComplete="off"
          placeholder="Client or customer"
          value={values.counterparty}
          onChange={(e) => set("counterparty", e.target.value)}
        />
      </Field>
      <Field label="Platform" error={errors.platform} className={span.platform}>
        <Input
          name="platform"
          list={`${ids}-platforms`}
          autoComplete="off"
          placeholder={stream?.platform ?? "e.g. Stripe"}
          value={values.platform}
          onChange={(e) => set("platform", e.target.value)}
        />
      </Field>
      <Field label="Description" error={errors.description} className={span.description}>
        <Input name="description" autoComplete="off" value={values.description} onChange={(e) => set("description", e.target.value)} />
      </Field>
      <div className={cx("flex items-end gap-3", span.submit)}>
        <Field label="Currency" error={errors.currency} className="w-28 shrink-0">
          <Select name="currency" value={values.currency} onChange={(e) => set("currency", e.target.value)}>
            {currencyOptions(baseCurrency).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" className={cx("flex-1", errors.currency && "mb-7")}>
          Log it
        </Button>
      </div>
      <datalist id={`${ids}-counterparties`}>
        {suggestions.data?.counterparties.map((c) => <option key={c} value={c} />)}
      </datalist>
      <datalist id={`${ids}-platforms`}>
        {suggestions.data?.platforms.map((p) => <option key={p} value={p} />)}
      </datalist>
      <p role="status" aria-live="polite" className="col-span-full -mt-2 min-h-5 text-sm text-muted-foreground" data-testid="quick-add-status">
        {errors.form ? <span className="font-medium text-danger">{errors.form}</span> : status}
      </p>
    </form>
  );
}
