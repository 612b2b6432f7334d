"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { asSentence, type FormErrors } from "@/lib/form-errors";
import { importMapping } from "@/lib/schemas/import-mapping";
import type { ColumnMapping, DateFormat } from "./types";

/** The mapper's fields as a person fills them in: a column name or "" for none. */
export type MapperDraft = {
  date: string;
  dateFormat: DateFormat;
  amountMode: "single" | "split";
  amount: string;
  debit: string;
  credit: string;
  decimal: "." | ",";
  fee: string;
  kind: string;
  /** Comma-separated values of the kind column that mean an expense; empty: the column says income or expense. */
  kindValues: string;
  currency: string;
  defaultCurrency: string;
  stream: string;
  counterparty: string;
  platform: string;
  description: string;
  externalId: string;
};

export const DATE_FORMATS: { value: DateFormat; label: string }[] = [
  { value: "iso", label: "2026-01-31 (year-month-day)" },
  { value: "mdy", label: "1/31/2026 (month/day/year)" },
  { value: "dmy", label: "31/1/2026 (day/month/year)" },
  { value: "mon-d-y", label: "Jan 31, 2026" },
  { value: "dd-mm-yyyy", label: "31-01-2026 (day-month-year)" },
  { value: "datetime", label: "2026-01-31T09:30:00+02:00 (date and time)" },
];

const OPTIONAL: { key: keyof MapperDraft & keyof ColumnMapping["columns"]; label: string; hint: string }[] = [
  { key: "fee", label: "Fee column", hint: "The platform's fee on each row, recorded as an expense of the same stream." },
  {
    key: "kind",
    label: "Kind column",
    hint: "Income or expense on each row. Without it, every row is income and a negative amount is a refund.",
  },
  { key: "currency", label: "Currency column", hint: "ISO codes such as USD or EUR." },
  { key: "stream", label: "Stream column", hint: "Each row's stream by name. Without it, every row goes to the stream chosen above." },
  { key: "counterparty", label: "Counterparty column", hint: "The client or customer." },
  { key: "platform", label: "Platform column", hint: "Where the money came through." },
  { key: "description", label: "Description column", hint: "" },
  {
    key: "externalId",
    label: "External id column",
    hint: "A row id from the platform: a file imported twice then adds nothing the second time.",
  },
];

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, "");

/** A first guess from the header's names ("Date", "Gross", "Transaction ID"), so most files need a few changes at most. */
export function guessMapping(header: readonly string[]): MapperDraft {
  const find = (...names: string[]) => header.find((h) => names.includes(norm(h))) ?? "";
  const debit = find("debit", "debitamount", "withdrawal", "moneyout", "paidout");
  const credit = find("credit", "creditamount", "deposit", "moneyin", "paidin");
  const amount = find("amount", "gross", "net", "total", "value", "sum");
  return {
    date: find("date", "transactiondate", "createdat", "created", "day", "bookingdate", "valuedate"),
    dateFormat: "iso",
    amountMode: !amount && debit && credit ? "split" : "single",
    amount,
    debit,
    credit,
    decimal: ".",
    fee: find("fee", "fees", "commission"),
    kind: find("kind"),
    kindValues: "",
    currency: find("currency", "curr", "ccy"),
    defaultCurrency: "",
    stream: find("stream"),
    counterparty: find("counterparty", "name", "client", "customer", "payer", "from"),
    platform: find("platform", "source"),
    description: find("description", "memo", "note", "notes", "details", "item", "itemtitle"),
    externalId: find("externalid", "id", "transactionid", "reference", "ref"),
  };
}

/** The mapper's fields as the API's mapping: only what is set, the amount as one column or a debit/credit pair. */
export function mappingOf(d: MapperDraft, fixedStream: string | null): ColumnMapping {
  const columns: ColumnMapping["columns"] = { date: d.date };
  if (d.amountMode === "single") columns.amount = d.amount;
  else {
    if (d.debit) columns.debit = d.debit;
    if (d.credit) columns.credit = d.credit;
  }
  for (const { key } of OPTIONAL) if (d[key]) columns[key] = d[key];
  // With a debit/credit pair the column holding the amount says the kind.
  if (d.amountMode === "split") delete columns.kind;
  const kindValues = columns.kind ? splitValues(d.kindValues) : [];
  return {
    columns,
    dateFormat: d.dateFormat,
    decimal: d.decimal,
    ...(d.defaultCurrency.trim() ? { currency: d.defaultCurrency.trim().toUpperCase() } : {}),
    // One fixed stream, unless the rows name theirs in a column (a mapping takes one or the other).
    ...(fixedStream && !columns.stream ? { stream: fixedStream } : {}),
    ...(kindValues.length > 0 ? { kindValues } : {}),
  };
}

function splitValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** A saved mapping back into the mapper's fields. */
export function draftOf(m: ColumnMapping): MapperDraft {
  const c = m.columns;
  return {
    date: c.date,
    dateFormat: m.dateFormat,
    amountMode: c.amount ? "single" : "split",
    amount: c.amount ?? "",
    debit: c.debit ?? "",
    credit: c.credit ?? "",
    decimal: m.decimal,
    fee: c.fee ?? "",
    kind: c.kind ?? "",
    kindValues: (m.kindValues ?? []).join(", "),
    currency: c.currency ?? "",
    defaultCurrency: m.currency ?? "",
    stream: c.stream ?? "",
    counterparty: c.counterparty ?? "",
    platform: c.platform ?? "",
    description: c.description ?? "",
    externalId: c.externalId ?? "",
  };
}

/** The mapping schema's paths as the mapper's fields. */
const FIELD_OF_PATH: Record<string, keyof MapperDraft> = {
  currency: "defaultCurrency",
  kindValues: "kindValues",
  dateFormat: "dateFormat",
  decimal: "decimal",
};

/**
 * What must be fixed before a mapping can be sent, by the mapper's field names: first in the mapper's own
 * words ("choose the column…"), then whatever else the API's own mapping schema finds.
 */
export function mapperErrors(d: MapperDraft): FormErrors {
  const out: FormErrors = {};
  if (!d.date) out.date = "Choose the column with the date.";
  if (d.amountMode === "single" && !d.amount) out.amount = "Choose the column with the amount.";
  if (d.amountMode === "split") {
    if (!d.debit) out.debit = "Choose the debit column: debit and credit come as a pair.";
    if (!d.credit) out.credit = "Choose the credit column: debit and credit come as a pair.";
  }
  if (d.defaultCurrency.trim() && !/^[A-Za-z]{3}$/.test(d.defaultCurrency.trim()))
    out.defaultCurrency = "Use a three-letter code like USD.";
  const parsed = importMapping.safeParse(mappingOf(d, null));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path.map(String);
      const field = first === "columns" && second ? (second as keyof MapperDraft) : (FIELD_OF_PATH[first ?? ""] ?? "date");
      out[field] ??= asSentence(issue.message);
    }
  }
  return out;
}

export type ColumnMapperProps = {
  header: readonly string[];
  draft: MapperDraft;
  onChange: (next: MapperDraft) => void;
  errors: FormErrors;
  baseCurrency: string;
  disabled?: boolean;
};

function ColumnSelect({
  header,
  value,
  onChange,
  optional,
  disabled,
}: {
  header: readonly string[];
  value: string;
  onChange: (v: string) => void;
  optional: boolean;
  disabled?: boolean;
}) {
  // A saved mapping may name a column this file lacks: keep it visible so the problem can be seen and fixed.
  const options = value && !header.includes(value) ? [...header, value] : header;
  return (
    <Select value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
      <option value="">{optional ? "None" : "Choose a column…"}</option>
      {options.map((h) => (
        <option key={h} value={h}>
          {h}
          {header.includes(h) ? "" : " (not in this file)"}
        </option>
      ))}
    </Select>
  );
}

/** Which column of the file fills which field, and how its dates and numbers are written. */
export function ColumnMapper({ header, draft, onChange, errors, baseCurrency, disabled }: ColumnMapperProps) {
  const amountModeName = useId();
  const set = <K extends keyof MapperDraft>(key: K, value: MapperDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="flex flex-col gap-5">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold">Date</legend>
        <Field label="Date column" required error={errors.date}>
          <ColumnSelect header={header} value={draft.date} onChange={(v) => set("date", v)} optional={false} disabled={disabled} />
        </Field>
        <Field label="Date format" hint="A date and time is taken as written: its date part, whatever its offset.">
          <Select value={draft.dateFormat} onChange={(e) => set("dateFormat", e.target.value as DateFormat)} disabled={disabled}>
            {DATE_FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-sm font-semibold">Amount</legend>
        <div role="radiogroup" aria-label="How the file gives amounts" className="flex flex-col gap-2 sm:flex-row sm:gap-6">
          {(
            [
              ["single", "One amount column (negative for money out)"],
              ["split", "Separate debit and credit columns"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={amountModeName}
                value={value}
                checked={draft.amountMode === value}
                onChange={() => set("amountMode", value)}
                disabled={disabled}
                className="size-4 accent-primary"
              />
              {label}
            </label>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {draft.amountMode === "single" ? (
            <Field label="Amount column" required error={errors.amount}>
              <ColumnSelect header={header} value={draft.amount} onChange={(v) => set("amount", v)} optional={false} disabled={disabled} />
            </Field>
          ) : (
            <>
              <Field label="Debit column (money out)" error={errors.debit}>
                <ColumnSelect header={header} value={draft.debit} onChange={(v) => set("debit", v)} optional disabled={disabled} />
              </Field>
              <Field label="Credit column (money in)" error={errors.credit}>
                <ColumnSelect header={header} value={draft.credit} onChange={(v) => set("credit", v)} optional disabled={disabled} />
              </Field>
            </>
          )}
          <Field label="Decimal separator" hint="Thousands separators, currency symbols and “--” for empty are understood either way.">
            <Select value={draft.decimal} onChange={(e) => set("decimal", e.target.value as "." | ",")} disabled={disabled}>
              <option value=".">Point: 1,234.56</option>
              <option value=",">Comma: 1.234,56</option>
            </Select>
          </Field>
          <Field
            label="Default currency"
            hint={`For rows without a currency; empty means your base currency (${baseCurrency}).`}
            error={errors.defaultCurrency}
          >
            <Input
              value={draft.defaultCurrency}
              onChange={(e) => set("defaultCurrency", e.target.value)}
              maxLength={3}
              autoCapitalize="characters"
              spellCheck={false}
              placeholder={baseCurrency}
              disabled={disabled}
            />
          </Field>
        </div>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold">More columns (optional)</legend>
        {OPTIONAL.filter(({ key }) => !(key === "kind" && draft.amountMode === "split")).map(({ key, label, hint }) => (
          <div key={key} className="contents">
            <Field label={label} hint={hint || undefined} error={errors[key]}>
              <ColumnSelect header={header} value={draft[key]} onChange={(v) => set(key, v)} optional disabled={disabled} />
            </Field>
            {key === "kind" && draft.kind ? (
              <Field
                label="Values that mean an expense"
                hint="Separated by commas, e.g. Withdrawal, Fee. Empty: the column says income or expense. Any other value is income."
              >
                <Input
                  value={draft.kindValues}
                  onChange={(e) => set("kindValues", e.target.value)}
                  spellCheck={false}
                  disabled={disabled}
                />
              </Field>
            ) : null}
          </div>
        ))}
      </fieldset>
    </div>
  );
}
