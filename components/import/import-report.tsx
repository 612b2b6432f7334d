import { ENTRY_KIND_LABELS, entryKindOf } from "@/components/transactions/entry-kind";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatDate, formatMoney, formatNumber } from "@/lib/format";
import { asSentence } from "@/lib/form-errors";
import type { ImportResult, ImportRowError, PreviewRecord, PreviewTransaction } from "./types";

// The pieces of a dry run's answer and of an import's summary: counts, totals by kind and currency, the
// first records as the transactions they become, the rows that cannot be read and the rows skipped.

export function Counts({ result, dryRun }: { result: ImportResult; dryRun: boolean }) {
  const items: [string, number, string][] = [
    [dryRun ? "New transactions" : "Imported", result.inserted, "text-foreground"],
    ["Already there", result.duplicates, "text-foreground"],
    ["Skipped rows", result.skipped, "text-foreground"],
    [
      "Rows with errors",
      result.errors.length > 0 ? new Set(result.errors.map((e) => e.row)).size : 0,
      result.errors.length > 0 ? "text-danger" : "text-foreground",
    ],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value, tone]) => (
        <div key={label} className="rounded-lg border border-border bg-muted/40 px-3 py-2.5">
          <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
          <dd className={`money text-xl font-semibold ${tone}`}>{formatNumber(value, 0)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Income first, then expenses; within each, by currency. */
const KIND_ORDER = { income: 0, expense: 1 } as const;

export function Totals({ result, title }: { result: ImportResult; title: string }) {
  if (result.totals.length === 0) return null;
  const rows = [...result.totals].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.currency.localeCompare(b.currency));
  return (
    <Table label={title}>
      <caption className="sr-only">{title}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Kind</TableHead>
          <TableHead numeric>Count</TableHead>
          <TableHead numeric>Total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((t) => (
          <TableRow key={`${t.kind}-${t.currency}`}>
            <TableCell>{t.kind === "income" ? "Income" : "Expenses"}</TableCell>
            <TableCell numeric>{formatNumber(t.count, 0)}</TableCell>
            <TableCell numeric className="whitespace-nowrap">
              <span className={cx("font-medium", t.amountMinor < 0 && "text-negative")}>{formatMoney(t.amountMinor, t.currency)}</span>
              {/* The symbol says the currency on phones (en-US writes CA$, A$…); the code joins it where there is room. */}
              <span className="ml-1.5 hidden text-xs text-muted-foreground sm:inline">{t.currency}</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const OUTCOME_BADGES = {
  transactions: { tone: "success", label: "New" },
  duplicate: { tone: "neutral", label: "Already there" },
  skip: { tone: "neutral", label: "Skipped" },
  invalid: { tone: "danger", label: "Error" },
} as const;

function TransactionLine({ t }: { t: PreviewTransaction }) {
  const who = [t.counterparty, t.description].filter(Boolean).join(" · ");
  return (
    // Phones: the day and stream over who and what, the amount over its kind. From sm: one line.
    <div className="flex items-start justify-between gap-3">
      <div className="min-w-0 flex-1 text-sm sm:flex sm:items-baseline sm:gap-1">
        <p className="whitespace-nowrap">
          <time dateTime={t.occurredOn}>{formatDate(t.occurredOn)}</time>
          <span className="text-muted-foreground"> · {t.stream}</span>
        </p>
        {who ? (
          <p className="truncate text-muted-foreground">
            <span aria-hidden="true" className="hidden sm:inline">
              ·{" "}
            </span>
            {who}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 flex-col-reverse items-end text-sm sm:flex-row sm:items-baseline sm:gap-2">
        <span className="text-xs text-muted-foreground">{ENTRY_KIND_LABELS[entryKindOf(t)]}</span>
        <span className={cx("money font-semibold sm:min-w-24 sm:text-right", t.amountMinor < 0 && "text-negative")}>
          {formatMoney(t.amountMinor, t.currency)}
        </span>
      </div>
    </div>
  );
}

/** The first records of the file, each with what it becomes: transactions, a skip and why, or its errors. */
export function PreviewList({ records }: { records: PreviewRecord[] }) {
  return (
    <ol aria-label="The first rows of the file" className="divide-y divide-border rounded-lg border border-border">
      {records.map((r) => {
        const badge = OUTCOME_BADGES[r.outcome];
        return (
          <li
            key={r.line}
            data-testid="preview-row"
            className="flex flex-col gap-1.5 px-3 py-2.5 sm:flex-row sm:items-start sm:gap-4 sm:px-4"
          >
            <div className="flex shrink-0 items-center gap-2 sm:w-36">
              <span className="money text-xs font-medium text-muted-foreground">Line {r.line}</span>
              <Badge tone={badge.tone}>{badge.label}</Badge>
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              {r.transactions.map((t, i) => (
                <TransactionLine key={i} t={t} />
              ))}
              {r.outcome === "skip" && r.reason ? <p className="text-sm text-muted-foreground">{asSentence(r.reason)}</p> : null}
              {r.errors.length > 0 ? (
                <ul className="flex flex-col gap-0.5 text-sm text-danger">
                  {r.errors.map((e, i) => (
                    <li key={i}>
                      <span className="font-medium">{e.path || "Row"}</span>: {asSentence(e.message)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** Every row that cannot be read, by its line in the file and the column at fault. */
export function RowErrors({ errors, id }: { errors: ImportRowError[]; id?: string }) {
  const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return (
    // A long list scrolls inside its box; then it needs a tab stop so a keyboard can scroll it.
    <ul
      id={id}
      aria-label="Rows with errors"
      tabIndex={sorted.length > 10 ? 0 : undefined}
      className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm"
    >
      {sorted.map((e, i) => (
        <li key={i}>
          <span className="font-medium">{e.row !== null ? `Line ${e.row}` : "File"}</span>
          {e.path ? <span className="text-muted-foreground"> · {e.path}</span> : null}: {asSentence(e.message)}
        </li>
      ))}
    </ul>
  );
}

export function SkippedReasons({ result }: { result: ImportResult }) {
  if (result.skippedReasons.length === 0) return null;
  return (
    <div className="flex flex-col gap-1.5">
      <h3 className="text-sm font-semibold">Skipped rows, and why</h3>
      <ul className="flex flex-col gap-1 text-sm">
        {result.skippedReasons.map((s) => (
          <li key={s.reason}>
            <span className="font-medium">{formatCount(s.count, "row")}</span>
            <span className="text-muted-foreground"> (first on line {s.firstRow})</span>: {asSentence(s.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}
