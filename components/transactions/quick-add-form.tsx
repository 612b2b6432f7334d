"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useLogTime } from "@/components/time/use-time-mutations";
import { Button, buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatMinutes, formatMoney } from "@/lib/format";
import { streamsQuery, suggestionsQuery } from "@/lib/queries";
import { createTimeEntryInput } from "@/lib/schemas/time-entries";
import { transactionInput } from "@/lib/schemas/transactions";
import { currencyOptions } from "./currencies";
import { ENTRY_KIND_LABELS, entryKindOfTyped, isNegative, toWire, type EntryKind } from "./entry-kind";
import { requestErrors, zodErrors } from "@/lib/form-errors";
import { KindToggle } from "./kind-toggle";
import { rememberLastUsed, useLastUsed } from "./last-used";
import { useCreateTransaction, type TransactionDraft } from "./use-transaction-mutations";
import { useFocusFirstInvalid } from "@/components/ui/focus";

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

type Mode = "money" | "hours";

// Column spans: 2 columns on phones, 6 from md, 12 from xl; the stream page's form has no stream picker.
// Money takes two rows from md; hours one row at xl (hours, stream, date, note, button).
/** A second submit of an empty form this soon after an entry went off is a double click, not an entry. */
const DOUBLE_SUBMIT_MS = 1000;

const withStream = {
  amount: "col-span-1 md:col-span-2 xl:col-span-2",
  stream: "col-span-1 md:col-span-4 xl:col-span-4",
  date: "col-span-2 md:col-span-3 xl:col-span-3",
  kind: "col-span-2 md:col-span-3 xl:col-span-3",
  counterparty: "col-span-1 md:col-span-3 xl:col-span-3",
  platform: "col-span-1 md:col-span-3 xl:col-span-3",
  description: "col-span-2 md:col-span-4 xl:col-span-3",
  submit: "col-span-2 md:col-span-2 xl:col-span-3",
  hours: "col-span-1 md:col-span-2 xl:col-span-2",
  hoursStream: "col-span-1 md:col-span-4 xl:col-span-3",
  hoursDate: "col-span-2 md:col-span-2 xl:col-span-2",
  note: "col-span-2 md:col-span-2 xl:col-span-3",
  logHours: "col-span-2 md:col-span-2 xl:col-span-2",
};
const oneStream = {
  ...withStream,
  amount: "col-span-1 md:col-span-2 xl:col-span-3",
  date: "col-span-1 md:col-span-2 xl:col-span-3",
  kind: "col-span-2 md:col-span-2 xl:col-span-3",
  description: "col-span-2 md:col-span-4 xl:col-span-6",
  hours: "col-span-1 md:col-span-2 xl:col-span-3",
  hoursDate: "col-span-1 md:col-span-2 xl:col-span-3",
  note: "col-span-2 md:col-span-2 xl:col-span-4",
  logHours: "col-span-2 md:col-span-2 xl:col-span-2",
};

/**
 * What was typed for the entry. Currency, counterparty and platform are null until the user types one for
 * this entry: until then they show what was last logged to the chosen stream (last-used.ts), so choosing
 * another stream brings its own, and nothing the user typed is ever replaced.
 */
type Values = {
  amount: string;
  streamId: string;
  occurredOn: string;
  entry: EntryKind;
  counterparty: string | null;
  platform: string | null;
  description: string;
  currency: string | null;
  hours: string;
  note: string;
};

/**
 * Logging in seconds, by keyboard alone: amount → stream → date → kind → counterparty → platform →
 * description, Enter from any field submits. After a submit the amount field has focus again and the
 * stream and date stay, so a run of entries is type, Enter, type, Enter. The row appears in the lists
 * at once (optimistic); should the server refuse it, the values come back into the form with the errors.
 * "Hours" switches the bar to logging time (e.g. "1.5 h") to the same stream and date.
 */
export function QuickAddForm({ baseCurrency, today, fixedStreamId, defaultStreamId, className }: QuickAddFormProps) {
  const ids = useId();
  const amountRef = useRef<HTMLInputElement>(null);
  const hoursRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Each submit gets a number: only the latest may put a message in the status line, so a confirmation
  // that arrives late never sits next to the errors of a newer, refused entry.
  const attempt = useRef(0);
  /** When the last entry went off: the form is already empty when a double click's second click lands. */
  const sentAt = useRef(-Infinity);
  const streams = useQuery(streamsQuery());
  const suggestions = useQuery(suggestionsQuery());
  const create = useCreateTransaction();
  const logTime = useLogTime();
  const choosable = (streams.data?.data ?? []).filter((s) => s.status !== "archived" || s.id === fixedStreamId);
  const initialStream = fixedStreamId ?? choosable.find((s) => s.id === defaultStreamId)?.id ?? choosable[0]?.id ?? "";
  const fresh = (keep?: Pick<Values, "streamId" | "occurredOn">): Values => ({
    amount: "",
    streamId: keep?.streamId ?? initialStream,
    occurredOn: keep?.occurredOn ?? today,
    entry: "income",
    counterparty: null,
    platform: null,
    description: "",
    currency: null,
    hours: "",
    note: "",
  });
  const [mode, setMode] = useState<Mode>("money");
  const [values, setValues] = useState<Values>(() => fresh());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState("");

  // The stream list can arrive (or change) after the first render: keep a valid choice selected.
  const streamId = choosable.some((s) => s.id === values.streamId) ? values.streamId : initialStream;
  const stream = choosable.find((s) => s.id === streamId);
  const lastUsed = useLastUsed(streamId);
  const currency = values.currency ?? lastUsed?.currency ?? baseCurrency;
  const counterparty = values.counterparty ?? lastUsed?.counterparty ?? "";
  const platform = values.platform ?? lastUsed?.platform ?? "";
  // "-50" as income is a refund (a negative income): the kind toggle and every message say so.
  const entry = entryKindOfTyped(values.entry, values.amount);
  const span = fixedStreamId ? oneStream : withStream;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  useFocusFirstInvalid(formRef, errors);

  /** Field errors replace whatever the status line said: a refused entry shows no earlier confirmation. */
  function refuse(found: Record<string, string>) {
    attempt.current += 1;
    setErrors(found);
    setStatus("");
  }

  function chooseEntry(k: EntryKind) {
    // Income chosen for a negative amount means the user wants income: the sign goes, not the choice.
    setValues((v) => ({ ...v, entry: k, amount: k === "income" && isNegative(v.amount) ? v.amount.trim().slice(1) : v.amount }));
  }

  function submitMoney() {
    const wire = toWire(values.entry, values.amount);
    const raw = {
      streamId,
      kind: wire.kind,
      occurredOn: values.occurredOn,
      amount: wire.amount,
      currency,
      counterparty,
      platform,
      description: values.description,
    };
    const parsed = transactionInput(currency).safeParse(raw);
    if (!parsed.success) return refuse(zodErrors(parsed.error));
    const draft: TransactionDraft = {
      ...raw,
      counterparty: parsed.data.counterparty,
      platform: parsed.data.platform,
      description: parsed.data.description,
    };
    const submitted: Values = { ...values, streamId, currency, counterparty, platform };
    const label = `${ENTRY_KIND_LABELS[entry].toLowerCase()} of ${formatMoney(parsed.data.amountMinor, parsed.data.currency)} to ${stream?.name ?? "the stream"}`;
    const mine = (attempt.current += 1);
    rememberLastUsed(streamId, { currency: parsed.data.currency, counterparty: parsed.data.counterparty, platform: parsed.data.platform });
    setErrors({});
    setValues({ ...fresh({ streamId, occurredOn: values.occurredOn }), hours: values.hours, note: values.note });
    setStatus(`Logging ${label}…`);
    sentAt.current = performance.now();
    amountRef.current?.focus();
    create.mutate(draft, {
      onSuccess: () => {
        if (attempt.current === mine) setStatus(`Logged ${label}.`);
      },
      onError: (err) => {
        // Put back what was typed, unless the user has already started the next entry.
        setValues((current) => (current.amount === "" ? submitted : current));
        refuse(requestErrors(err, "Could not log the transaction. Try again."));
      },
    });
  }

  function submitHours() {
    const parsed = createTimeEntryInput.safeParse({ streamId, occurredOn: values.occurredOn, hours: values.hours, note: values.note });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      return refuse({ ...found, hours: found.hours ?? found.minutes ?? "" });
    }
    const typed = { hours: values.hours, note: values.note };
    const label = `${formatMinutes(parsed.data.minutes)} to ${stream?.name ?? "the stream"}`;
    const mine = (attempt.current += 1);
    setErrors({});
    setValues((v) => ({ ...v, streamId, hours: "", note: "" }));
    setStatus(`Logging ${label}…`);
    sentAt.current = performance.now();
    hoursRef.current?.focus();
    logTime.mutate(parsed.data, {
      onSuccess: () => {
        if (attempt.current === mine) setStatus(`Logged ${label}.`);
      },
      onError: (err) => {
        setValues((current) => (current.hours === "" ? { ...current, ...typed } : current));
        refuse(requestErrors(err, "Could not log the time. Try again."));
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

  const streamField = (className: string) =>
    fixedStreamId ? null : (
      <Field label="Stream" error={errors.streamId} required className={className}>
        <Select name="streamId" value={streamId} onChange={(e) => set("streamId", e.target.value)}>
          {choosable.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
    );
  const dateField = (className: string) => (
    <Field label="Date" error={errors.occurredOn} required className={className}>
      <Input name="occurredOn" type="date" value={values.occurredOn} onChange={(e) => set("occurredOn", e.target.value)} />
    </Field>
  );

  return (
    <form
      ref={formRef}
      aria-label={mode === "money" ? "Log a transaction" : "Log hours"}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // The second click of a double click: nothing typed since the entry just sent, so nothing to refuse.
        const empty = (mode === "money" ? values.amount : values.hours).trim() === "";
        if (empty && performance.now() - sentAt.current < DOUBLE_SUBMIT_MS) return;
        if (mode === "money") submitMoney();
        else submitHours();
      }}
      onKeyDown={onKeyDown}
      className={cx("grid grid-cols-2 gap-x-3 gap-y-4 md:grid-cols-6 xl:grid-cols-12", className)}
    >
      <ModeToggle
        value={mode}
        onChange={(m) => {
          setMode(m);
          setErrors({});
          setStatus("");
        }}
      />
      {mode === "money" ? (
        <>
          <Field
            label={`Amount (${currency})`}
            error={errors.amount}
            hint={entry === "refund" && values.entry === "income" ? "Negative: logged as a refund." : undefined}
            required
            className={span.amount}
          >
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
          {streamField(span.stream)}
          {dateField(span.date)}
          <KindToggle value={entry} onChange={chooseEntry} className={span.kind} />
          <Field label="Counterparty" error={errors.counterparty} className={span.counterparty}>
            <Input
              name="counterparty"
              list={`${ids}-counterparties`}
              autoComplete="off"
              placeholder="e.g. Acme"
              value={counterparty}
              onChange={(e) => set("counterparty", e.target.value)}
            />
          </Field>
          <Field label="Platform" error={errors.platform} className={span.platform}>
            <Input
              name="platform"
              list={`${ids}-platforms`}
              autoComplete="off"
              placeholder={stream?.platform ?? "e.g. Stripe"}
              value={platform}
              onChange={(e) => set("platform", e.target.value)}
            />
          </Field>
          <Field label="Description" error={errors.description} className={span.description}>
            <Input name="description" autoComplete="off" value={values.description} onChange={(e) => set("description", e.target.value)} />
          </Field>
          <div className={cx("flex items-end gap-3", span.submit)}>
            <Field label="Currency" error={errors.currency} className="w-28 shrink-0">
              <Select name="currency" value={currency} onChange={(e) => set("currency", e.target.value)}>
                {currencyOptions(baseCurrency, currency).map((c) => (
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
            {suggestions.data?.counterparties.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <datalist id={`${ids}-platforms`}>
            {suggestions.data?.platforms.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </>
      ) : (
        <>
          <Field label="Hours" error={errors.hours} required className={span.hours}>
            <Input
              ref={hoursRef}
              name="hours"
              inputMode="decimal"
              autoComplete="off"
              placeholder="1.5 h"
              value={values.hours}
              onChange={(e) => set("hours", e.target.value)}
              className="money text-right"
            />
          </Field>
          {streamField(span.hoursStream)}
          {dateField(span.hoursDate)}
          <Field label="Note" error={errors.note} className={span.note}>
            <Input
              name="note"
              autoComplete="off"
              placeholder="What you worked on"
              value={values.note}
              onChange={(e) => set("note", e.target.value)}
            />
          </Field>
          <div className={cx("flex items-end", span.logHours)}>
            <Button type="submit" className="flex-1">
              Log hours
            </Button>
          </div>
        </>
      )}
      <p
        role="status"
        aria-live="polite"
        className="col-span-full -mt-2 min-h-5 text-sm text-muted-foreground"
        data-testid="quick-add-status"
      >
        {errors.form ? <span className="font-medium text-danger">{errors.form}</span> : status}
      </p>
    </form>
  );
}

/** Money | Hours: what the bar logs. A native radio group, so one Tab stop and arrow keys to switch. */
function ModeToggle({ value, onChange }: { value: Mode; onChange: (m: Mode) => void }) {
  const name = useId();
  const options: [Mode, string][] = [
    ["money", "Money"],
    ["hours", "Hours"],
  ];
  return (
    <fieldset className="col-span-full flex items-center gap-3">
      <legend className="sr-only">What to log</legend>
      <div className="grid h-9 w-full grid-cols-2 rounded-md border border-input bg-surface p-0.5 shadow-xs sm:w-56">
        {options.map(([m, label]) => (
          <label
            key={m}
            className={cx(
              "flex cursor-pointer items-center justify-center rounded px-3 text-sm font-medium text-muted-foreground transition-colors select-none",
              "hover:text-foreground has-[:checked]:bg-primary has-[:checked]:text-primary-foreground",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-ring",
            )}
          >
            <input type="radio" name={name} value={m} checked={value === m} onChange={() => onChange(m)} className="sr-only" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
