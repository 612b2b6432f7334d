import { Badge } from "@/components/ui/badge";
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
    ["Rows with errors", result.errors.length > 0 ? new Set(result.errors.map((e) => e.row)).size : 0, result.errors.length > 0 ? "text-danger" : "text-foreground"],
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

export function Totals({ result, title }: { result: ImportResult; title: string }) {
  if (result.totals.length === 0) return null;
  return (
    <Table label={title}>
      <caption className="sr-only">{title}</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Kind</TableHead>
          <TableHead>Currency</TableHead>
          <TableHead numeric>Transactions</TableHead>
          <TableHead numeric>Total</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.totals.map((t) => (
          <TableRow key={`${t.kind}-${t.currency}`}>
            <TableCell className="capitalize">{t.kind}</TableCell>
            <TableCell>{t.currency}</TableCell>
            <TableCell numeric>{formatNumber(t.count, 0)}</TableCell>
            <TableCell numeric className={t.amountMinor < 0 ? "text-negative" : undefined}>
              {formatMoney(t.amountMinor, t.currency)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const OUTCOME_BADGES = {
  transactions: { tone: "success", label: "New" },
  skip: { tone: "neutral", label: "Skipped" },
  invalid: { tone: "danger", label: "Error" },
} as const;

function TransactionLine({ t }: { t: PreviewTransaction }) {
  const who = [t.counterparty, t.description].filter(Boolean).join(" · ");
  const stream = t.stream;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3">
      <p className="min-w-0 truncate text-sm">
        <time dateTime={t.occurredOn} className="text-muted-foreground">
          {formatDate(t.occurredOn)}
        </time>
        {stream ? <span className="font-medium"> · {stream}</span> : null}
        {who ? <span className="text-muted-foreground"> · {who}</span> : null}
      </p>
      <p className="text-right text-sm whitespace-nowrap">
        <span className="mr-2 text-xs text-muted-foreground">{t.kind === "expense" ? "Expense" : "Income"}</span>
        <span className={`money font-semibold ${t.amountMinor < 0 ? "text-negative" : ""}`}>{formatMoney(t.amountMinor, t.currency)}</span>
      </p>
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
          <li key={r.line} data-testid="preview-row" className="flex flex-col gap-1.5 px-3 py-2.5 sm:flex-row sm:items-start sm:gap-4 sm:px-4">
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
    <ul id={id} aria-label="Rows with errors" tabIndex={sorted.length > 10 ? 0 : undefined} className="flex max-h-72 flex-col gap-1 overflow-y-auto text-sm">
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
