"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { ApiProblem } from "@/lib/api-client";
import { moveFocus, refocusIfLost } from "@/components/ui/focus";
import { asSentence } from "@/lib/form-errors";
import { useSaveRates } from "./use-save-rates";

type RowError = { row: number | null; field: string | null; message: string };

// The route's body limit: a bigger file is refused before it is read into the page.
const MAX_BYTES = 2 * 1024 * 1024;
const HEADER = ["currency", "date", "rate"];

/** "row 3.rate" → row 3, field rate; anything else is about the whole file. */
function rowErrorsOf(err: ApiProblem): RowError[] {
  if (err.errors.length === 0) return [{ row: null, field: null, message: err.detail ?? err.title }];
  return err.errors
    .map((e) => {
      const m = /^row (\d+)(?:\.(.+))?$/.exec(e.path);
      return { row: m ? Number(m[1]) : null, field: m?.[2] ?? (m ? null : e.path || null), message: asSentence(e.message) };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** Without the header every row would fail with "expected string"; say the one real problem instead. */
function headerProblem(csv: string): string | null {
  const first = csv
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((line) => line.trim() !== "");
  if (!first) return "Paste some rates or choose a file first.";
  const columns = first.split(",").map((c) => c.trim().toLowerCase());
  const missing = HEADER.filter((h) => !columns.includes(h));
  return missing.length > 0 ? `The first line must be the header currency,date,rate (missing: ${missing.join(", ")}).` : null;
}

/** Paste or pick a CSV of rates; all-or-nothing, so every row error is listed and nothing is saved until all pass. */
export function FxRateImport({ baseCurrency }: { baseCurrency: string }) {
  const { toast } = useToast();
  const save = useSaveRates();
  const [csv, setCsv] = useState("");
  const [problems, setProblems] = useState<RowError[]>([]);
  // A new key empties the file input after an import (its value cannot be set from script).
  const [fileKey, setFileKey] = useState(0);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const csvRef = useRef<HTMLTextAreaElement>(null);

  function submit() {
    const header = headerProblem(csv);
    if (header) {
      setProblems([{ row: null, field: null, message: header }]);
      return moveFocus(summaryRef);
    }
    setProblems([]);
    save.mutate(
      { csv },
      {
        onSuccess: ({ inserted }) => {
          setCsv("");
          setFileKey((k) => k + 1);
          toast({ title: `Imported ${inserted} rate${inserted === 1 ? "" : "s"}`, tone: "success" });
          refocusIfLost(csvRef);
        },
        onError: (err) => {
          setProblems(
            err instanceof ApiProblem ? rowErrorsOf(err) : [{ row: null, field: null, message: "Could not import the rates. Try again." }],
          );
          // The summary, then the list: what to fix, read right after the failed import.
          moveFocus(summaryRef);
        },
      },
    );
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_BYTES)
      return setProblems([{ row: null, field: null, message: "That file is over 2 MB. Split it into smaller files." }]);
    setProblems([]);
    setCsv(await file.text());
  }

  const rowCount = problems.filter((p) => p.row !== null).length;
  const example = `${baseCurrency === "EUR" ? "USD" : "EUR"},2026-01-31,1.0825`;
  return (
    <form
      aria-label="Import exchange rates from CSV"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="flex flex-col gap-4"
    >
      <Field label="CSV file" hint="Or paste the rates below.">
        <Input key={fileKey} type="file" name="file" accept=".csv,text/csv" onChange={(e) => void pick(e.target.files?.[0])} />
      </Field>
      <Field
        label="Rates as CSV"
        hint={`A header line currency,date,rate, then one rate per line: ${example} means 1 ${example.slice(0, 3)} was worth 1.0825 ${baseCurrency} that day.`}
      >
        <Textarea
          ref={csvRef}
          name="csv"
          rows={6}
          spellCheck={false}
          placeholder={`currency,date,rate\n${example}`}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          aria-invalid={problems.length > 0 || undefined}
          className="font-mono text-sm"
        />
      </Field>
      {problems.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
          <p ref={summaryRef} tabIndex={-1} role="alert" className="font-medium text-danger focus:outline-none">
            {rowCount > 0
              ? `Nothing was saved: ${rowCount} problem${rowCount === 1 ? "" : "s"} in the CSV. Fix ${rowCount === 1 ? "it" : "them"} and import again.`
              : problems[0]?.message}
          </p>
          {rowCount > 0 ? (
            // A long list scrolls inside its box; then it needs a tab stop so a keyboard can scroll it.
            <ul
              aria-label="Problems in the CSV"
              tabIndex={rowCount > 10 ? 0 : undefined}
              className="flex max-h-64 flex-col gap-1 overflow-y-auto"
            >
              {problems.map((p, i) => (
                <li key={i}>
                  <span className="font-medium">{p.row !== null ? `Row ${p.row}` : "File"}</span>
                  {p.field ? <span className="text-muted-foreground"> · {p.field}</span> : null}: {p.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" loading={save.isPending}>
          Import rates
        </Button>
      </div>
    </form>
  );
}
