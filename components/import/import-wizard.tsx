"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { moveFocus } from "@/components/ui/focus";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { ApiProblem } from "@/lib/api-client";
import { formatCount } from "@/lib/format";
import { asSentence, type FormErrors } from "@/lib/form-errors";
import { importKeys, importPresetsQuery, keys, metricsKeys, streamsQuery } from "@/lib/queries";
import { importMapping } from "@/lib/schemas/import-mapping";
import { ColumnMapper, draftOf, guessMapping, mapperErrors, mappingOf, type MapperDraft } from "./column-mapper";
import { FileDrop } from "./file-drop";
import { headerIndexFor, headerOf, readFileHead, suggestPreset } from "./file-head";
import { Counts, PreviewList, RowErrors, SkippedReasons, Totals } from "./import-report";
import { formatValue, importSearch, parseFormatValue, type FormatChoice } from "./import-params";
import { SavedMappingPanel, SaveMappingForm } from "./saved-mapping-panel";
import type { ImportPreset, ImportResult, ImportRowError, PresetsView, SavedMapping } from "./types";
import { UploadProblem, uploadFile, type UploadProgress as Progress } from "./upload";
import { UploadProgress } from "./upload-progress";

// The body limit of POST /api/v1/imports: a bigger file is refused before a byte is sent.
const MAX_BYTES = 50 * 1024 * 1024;
const NEW_STREAM = "__new";
const FROM_FILE = "";

type Catalog = { readers: ImportPreset[]; generic: ImportPreset | null; saved: SavedMapping[] };

/** The platform presets apart from the generic CSV and the mapping reader, which the page offers in its own words. */
function catalogOf(view: PresetsView | undefined): Catalog {
  const all = view?.data ?? [];
  const saved = (view?.mappings ?? []).flatMap((m) => {
    const parsed = importMapping.safeParse(m.mapping);
    return parsed.success ? [{ id: m.id, name: m.name, mapping: parsed.data }] : [];
  });
  return {
    readers: all.filter((p) => p.id !== "generic" && p.id !== "mapping"),
    generic: all.find((p) => p.id === "generic") ?? null,
    saved,
  };
}

type Problem = { key: string; errors: ImportRowError[]; message: string };

/** A failed request in words for people: the server's own explanation, or what to do when there is none. */
function problemOf(err: unknown, key: string, what: "preview" | "import"): Problem {
  const nothing = what === "import" ? "Nothing was imported." : "Nothing was saved.";
  if (err instanceof UploadProblem) {
    const body = (err.body ?? {}) as { errors?: ImportRowError[] };
    const errors = (body.errors ?? []).map((e) => ({
      row: typeof e.row === "number" ? e.row : null,
      path: e.path ?? "",
      message: e.message ?? "",
    }));
    if (err.status === 413)
      return {
        key,
        errors: [],
        message: `The file is too large: at most 50 MB can be imported at once. Split it and import each part. ${nothing}`,
      };
    if (err.status === 0) return { key, errors: [], message: `The connection was lost. ${nothing} Check it and try again.` };
    if (err.status >= 500) return { key, errors: [], message: `Something went wrong on our side. ${nothing} Try again in a moment.` };
    if (err.status === 401) return { key, errors: [], message: "Your session has ended. Sign in again, then import the file." };
    return { key, errors, message: err.detail ? asSentence(err.detail) : `The file could not be read. ${nothing}` };
  }
  if (err instanceof ApiProblem)
    return { key, errors: [], message: err.detail ? asSentence(err.detail) : `The file could not be read. ${nothing}` };
  return { key, errors: [], message: `Something went wrong. ${nothing} Try again.` };
}

/**
 * The import page: a file → what it is (a platform's export, the generic CSV, the user's own column
 * mapping) → the stream its rows go to → a dry run's preview → the import → a summary. Every number on it
 * is the server's answer; the browser only reads the first lines of the file to suggest a preset and to
 * offer its column names to the mapper.
 */
export function ImportWizard({ baseCurrency }: { baseCurrency: string }) {
  const qc = useQueryClient();
  const presets = useQuery(importPresetsQuery());
  const streams = useQuery(streamsQuery());

  const [file, setFile] = useState<File | null>(null);
  // Bumped for every chosen file: a preview belongs to one file, even one with the same name.
  const [fileVersion, setFileVersion] = useState(0);
  const [head, setHead] = useState<string[][]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [format, setFormat] = useState<FormatChoice | null>(null);
  const [suggested, setSuggested] = useState<string | null>(null);
  const [draft, setDraft] = useState<MapperDraft>(() => guessMapping([]));
  const [draftErrors, setDraftErrors] = useState<FormErrors>({});
  const [streamChoice, setStreamChoice] = useState<string>(FROM_FILE);
  const [newStream, setNewStream] = useState("");
  const [streamError, setStreamError] = useState<string | null>(null);

  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [preview, setPreview] = useState<{ key: string; result: ImportResult } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [summary, setSummary] = useState<{ result: ImportResult; stream: string | null } | null>(null);
  // A second click before React re-renders the disabled button still finds this set: one request at a time.
  const inFlight = useRef(false);
  const abortRef = useRef<AbortController | null>(null);

  const previewRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  const summaryRef = useRef<HTMLHeadingElement>(null);

  const catalog = useMemo(() => catalogOf(presets.data), [presets.data]);
  const { readers, generic, saved } = catalog;
  const streamList = useMemo(() => streams.data?.data ?? [], [streams.data]);

  const preset: ImportPreset | null = format?.type === "preset" ? (readers.find((p) => p.id === format.id) ?? null) : null;
  const savedMapping: SavedMapping | null = format?.type === "saved" ? (saved.find((m) => m.id === format.id) ?? null) : null;
  const headerRow = headerIndexFor(head, preset?.requiredColumns ?? generic?.requiredColumns ?? []);
  const header = headerOf(head, headerRow);
  // Whether the rows can name their own stream: the generic file's stream column, or a mapped one.
  const rowsNameStream =
    (format?.type === "generic" && header.some((h) => h.toLowerCase() === "stream")) ||
    (format?.type === "mapping" && draft.stream !== "") ||
    (format?.type === "saved" && !!savedMapping?.mapping.columns.stream);

  const stream = streamChoice === NEW_STREAM ? newStream.trim() || null : streamChoice || null;
  const mapping = format?.type === "mapping" ? mappingOf(draft, null) : null;
  const search = file && format ? importSearch({ format, mapping, stream, fileName: file.name }) : null;
  const key = search ? `${fileVersion}?${search.toString()}` : "";
  const currentPreview = preview && preview.key === key ? preview.result : null;
  const currentProblem = problem && problem.key === key ? problem : null;

  /** The stream a format's rows go to by default: the preset's (an existing stream of that name, or a new one), else as the rows say. */
  function defaultStreamFor(next: FormatChoice, records: string[][], cat: Catalog) {
    const savedOne = next.type === "saved" ? cat.saved.find((m) => m.id === next.id) : undefined;
    const name =
      next.type === "preset" ? (cat.readers.find((p) => p.id === next.id)?.defaultStream ?? null) : (savedOne?.mapping.stream ?? null);
    setStreamError(null);
    if (name) {
      const existing = streamList.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (existing) {
        setStreamChoice(existing.name);
      } else {
        setStreamChoice(NEW_STREAM);
        setNewStream(name);
      }
      return;
    }
    const fileHeader = headerOf(records, headerIndexFor(records, cat.generic?.requiredColumns ?? []));
    if (next.type === "generic" && fileHeader.some((h) => h.toLowerCase() === "stream")) return setStreamChoice(FROM_FILE);
    if (savedOne?.mapping.columns.stream) return setStreamChoice(FROM_FILE);
    // Otherwise one stream for every row (a mapping can still name a stream column later).
    const first = streamList.find((s) => s.status !== "archived");
    setStreamChoice(first ? first.name : NEW_STREAM);
  }

  function chooseFormat(next: FormatChoice, records = head, cat = catalog) {
    setFormat(next);
    setDraftErrors({});
    if (next.type === "mapping") setDraft((d) => (d.date || d.amount ? d : guessMapping(headerOf(records, null))));
    defaultStreamFor(next, records, cat);
  }

  async function pickFile(picked: File) {
    abortRef.current?.abort();
    setSummary(null);
    setPreview(null);
    setProblem(null);
    setFileVersion((v) => v + 1);
    if (picked.size > MAX_BYTES) {
      setFile(null);
      setFileProblem("That file is over 50 MB. Split it into smaller files and import each one.");
      return;
    }
    if (picked.size === 0) {
      setFile(null);
      setFileProblem("That file is empty. Choose the CSV file your platform exported.");
      return;
    }
    let records: string[][];
    try {
      records = await readFileHead(picked);
    } catch {
      setFile(null);
      setFileProblem('That file is not CSV text. Choose a CSV file, saved as UTF-8 (Excel: "CSV UTF-8").');
      return;
    }
    // The formats to suggest from, loaded if the page was quicker than they were.
    const cat = catalogOf(await qc.ensureQueryData(importPresetsQuery()).catch(() => undefined));
    setFileProblem(null);
    setFile(picked);
    setHead(records);
    const match = suggestPreset(records, cat.readers);
    setSuggested(match?.id ?? null);
    setDraft(guessMapping(headerOf(records, null)));
    if (match) chooseFormat({ type: "preset", id: match.id }, records, cat);
    else if (cat.generic && headerIndexFor(records, cat.generic.requiredColumns) !== null) chooseFormat({ type: "generic" }, records, cat);
    else chooseFormat({ type: "mapping" }, records, cat);
  }

  /** The choices checked before any byte is sent: a mapping's required columns and a new stream's name. */
  function checkChoices(): boolean {
    let ok = true;
    if (format?.type === "mapping") {
      const errs = mapperErrors(draft);
      setDraftErrors(errs);
      if (Object.keys(errs).length > 0) ok = false;
    }
    if (streamChoice === NEW_STREAM && !newStream.trim()) {
      setStreamError("Name the new stream, or choose one of yours.");
      ok = false;
    } else if (!rowsNameStream && !stream) {
      setStreamError("Choose the stream these rows go to.");
      ok = false;
    } else setStreamError(null);
    if (!ok) requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-import-choices] [aria-invalid="true"]')?.focus());
    return ok;
  }

  async function send(mode: "preview" | "import" | "import-valid") {
    if (!file || !search || inFlight.current) return;
    if (!checkChoices()) return;
    inFlight.current = true;
    const what = mode === "preview" ? "preview" : "import";
    const sentKey = key;
    const query = new URLSearchParams(search);
    if (mode === "preview") {
      // A dry run reads every row and writes nothing; skipInvalid lets it show the valid rows next to the invalid ones.
      query.set("dryRun", "true");
      query.set("skipInvalid", "true");
    }
    if (mode === "import-valid") query.set("skipInvalid", "true");
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy(what);
    setProblem(null);
    setProgress({ phase: "uploading", loaded: 0, total: file.size });
    try {
      const result = await uploadFile<ImportResult>(`/api/v1/imports?${query.toString()}`, file, setProgress, controller.signal);
      if (mode === "preview") {
        setPreview({ key: sentKey, result });
        moveFocus(previewRef);
      } else {
        setSummary({ result, stream });
        setPreview(null);
        moveFocus(summaryRef);
        // Everything an import changes: lists, dashboards, streams it created, the history in Settings → Data.
        for (const k of [
          keys.transactionLists(),
          keys.suggestions(),
          ["streams"],
          metricsKeys.all(),
          metricsKeys.goals(),
          ["fx-rates"],
          importKeys.history(),
        ]) {
          void qc.invalidateQueries({ queryKey: k });
        }
      }
    } catch (err) {
      if (err instanceof DOMException && err.name === "AbortError") return;
      setProblem(problemOf(err, sentKey, what));
      moveFocus(problemRef);
    } finally {
      inFlight.current = false;
      if (abortRef.current === controller) abortRef.current = null;
      setBusy(null);
      setProgress(null);
    }
  }

  function startOver() {
    abortRef.current?.abort();
    setFile(null);
    setHead([]);
    setFormat(null);
    setSuggested(null);
    setPreview(null);
    setProblem(null);
    setSummary(null);
    setFileVersion((v) => v + 1);
  }

  const suggestedPreset = readers.find((p) => p.id === suggested) ?? null;
  const pending = busy !== null;

  return (
    <div className="flex flex-col gap-6">
      {summary ? (
        // Done: the summary alone, so nothing invites importing the same file twice; "Import another file" starts over.
        <ImportSummary result={summary.result} stream={summary.stream} streams={streamList} headingRef={summaryRef} onAgain={startOver} />
      ) : null}

      {summary ? null : (
        <>
          <Card>
            <CardHeader>
              <CardTitle>1. Choose a file</CardTitle>
              <CardDescription>
                A platform&apos;s export (Stripe, PayPal, Gumroad, Etsy, Upwork, Wise, Shopify, Amazon Associates) or any CSV of income and
                expenses.
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              <FileDrop
                label="CSV file"
                accept=".csv,text/csv,text/plain"
                file={file}
                onFile={(f) => void pickFile(f)}
                disabled={pending}
                hint="Up to 50 MB. Nothing is saved until you have seen the preview and chosen Import."
              />
              {fileProblem ? (
                <p role="alert" className="text-sm font-medium text-danger">
                  {fileProblem}
                </p>
              ) : null}
            </CardContent>
          </Card>

          {file && format ? (
            <Card data-import-choices>
              <CardHeader>
                <CardTitle>2. What is in it</CardTitle>
                <CardDescription>
                  {suggestedPreset ? (
                    <>
                      This looks like a <span className="font-medium text-foreground">{suggestedPreset.name}</span>: its columns (
                      {suggestedPreset.requiredColumns.join(", ")}) are in the file.
                    </>
                  ) : (
                    "No platform's columns were found in the first lines. Choose the format, or say which column is which."
                  )}
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-5">
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    label="Format"
                    hint={
                      preset?.description ??
                      (format.type === "generic"
                        ? "Columns date, stream, kind, amount, currency, counterparty, platform, description, external_id: what Export → CSV gives."
                        : undefined)
                    }
                  >
                    <Select value={formatValue(format)} onChange={(e) => chooseFormat(parseFormatValue(e.target.value))} disabled={pending}>
                      <optgroup label="Platforms">
                        {readers.map((p) => (
                          <option key={p.id} value={`preset:${p.id}`}>
                            {p.name}
                          </option>
                        ))}
                      </optgroup>
                      {saved.length > 0 ? (
                        <optgroup label="Your presets">
                          {saved.map((m) => (
                            <option key={m.id} value={`saved:${m.id}`}>
                              {m.name}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                      <optgroup label="Other">
                        <option value="generic">Generic CSV (date, stream, kind, amount…)</option>
                        <option value="mapping">Map the columns yourself</option>
                      </optgroup>
                    </Select>
                  </Field>
                  <StreamPicker
                    streams={streamList}
                    choice={streamChoice}
                    newName={newStream}
                    fromFile={rowsNameStream}
                    error={streamError}
                    disabled={pending}
                    onChoice={(v) => {
                      setStreamChoice(v);
                      setStreamError(null);
                    }}
                    onNewName={(v) => {
                      setNewStream(v);
                      setStreamError(null);
                    }}
                  />
                </div>
                {format.type === "mapping" ? (
                  <div className="flex flex-col gap-5 border-t border-border pt-5">
                    <ColumnMapper
                      header={header}
                      draft={draft}
                      onChange={setDraft}
                      errors={draftErrors}
                      baseCurrency={baseCurrency}
                      disabled={pending}
                    />
                    <SaveMappingForm
                      mapping={mappingOf(draft, stream)}
                      valid={Object.keys(mapperErrors(draft)).length === 0}
                      onSaved={(m) => setFormat({ type: "saved", id: m.id })}
                    />
                  </div>
                ) : null}
                {format.type === "saved" && savedMapping ? (
                  <SavedMappingPanel
                    mapping={savedMapping}
                    onEdit={() => {
                      setDraft(draftOf(savedMapping.mapping));
                      setFormat({ type: "mapping" });
                    }}
                    onDeleted={() => chooseFormat({ type: "mapping" })}
                  />
                ) : null}
                <div className="flex flex-col gap-3 border-t border-border pt-5 sm:flex-row sm:items-center">
                  <Button
                    onClick={() => void send("preview")}
                    loading={busy === "preview"}
                    disabled={pending}
                    variant={currentPreview ? "secondary" : "primary"}
                  >
                    {currentPreview ? "Preview again" : "Preview"}
                  </Button>
                  <p className="text-sm text-muted-foreground">Reads every row and shows what it becomes. Nothing is saved yet.</p>
                </div>
                {busy === "preview" && progress ? <UploadProgress progress={progress} label={`Checking ${file.name}`} /> : null}
              </CardContent>
            </Card>
          ) : null}

          {currentProblem ? (
            <div className="flex flex-col gap-3 rounded-xl border border-danger/40 bg-danger/5 p-4 sm:p-5">
              <p ref={problemRef} tabIndex={-1} role="alert" className="font-medium text-danger focus:outline-none">
                {currentProblem.errors.some((e) => e.row !== null)
                  ? `Nothing was imported: ${formatCount(new Set(currentProblem.errors.map((e) => e.row)).size, "row")} of the file cannot be read.`
                  : currentProblem.message}
              </p>
              {currentProblem.errors.length > 0 ? <RowErrors errors={currentProblem.errors} /> : null}
              {currentProblem.errors.some((e) => e.row !== null) ? (
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" onClick={() => void send("import-valid")} loading={busy === "import"} disabled={pending}>
                    Import the valid rows and skip these
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}

          {currentPreview && file ? (
            <Card role="region" aria-labelledby="import-preview-title">
              <CardHeader>
                <h2
                  id="import-preview-title"
                  ref={previewRef}
                  tabIndex={-1}
                  className="text-base leading-6 font-semibold focus:outline-none"
                >
                  3. Preview
                </h2>
                <CardDescription>
                  {formatCount(currentPreview.rows, "row")} read from {file.name}.{" "}
                  {currentPreview.inserted === 0 && currentPreview.errors.length === 0
                    ? "Nothing new: every transaction in it is already there."
                    : currentPreview.rows === 1
                      ? "Here is what it becomes."
                      : "Here is what they become."}
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-5">
                <Counts result={currentPreview} dryRun />
                {currentPreview.createdStreams.length > 0 ? (
                  // A stream name with a typo would become a stream of its own: said before anything is saved.
                  <p className="text-sm" data-testid="preview-new-streams">
                    <span className="font-medium">
                      {currentPreview.createdStreams.length === 1
                        ? "Creates a new stream"
                        : `Creates ${currentPreview.createdStreams.length} new streams`}
                      :
                    </span>{" "}
                    {currentPreview.createdStreams.join(", ")}.
                    {streamChoice === FROM_FILE ? " If a name is a misspelling of a stream you have, fix the file first." : null}
                  </p>
                ) : null}
                {currentPreview.inserted > 0 ? <Totals result={currentPreview} title="In the file, by kind and currency" /> : null}
                {currentPreview.preview && currentPreview.preview.length > 0 ? (
                  <div className="flex flex-col gap-2">
                    <h3 className="text-sm font-semibold">The first {formatCount(currentPreview.preview.length, "row")}</h3>
                    <PreviewList records={currentPreview.preview} />
                  </div>
                ) : null}
                <SkippedReasons result={currentPreview} />
                {currentPreview.errors.length > 0 ? (
                  <div className="flex flex-col gap-3 rounded-lg border border-danger/40 bg-danger/5 p-3 sm:p-4">
                    <p role="alert" className="text-sm font-medium text-danger">
                      {formatCount(new Set(currentPreview.errors.map((e) => e.row)).size, "row")} cannot be read. Nothing is imported while
                      any row has an error: fix the file and choose it again, or import the valid rows and skip these.
                    </p>
                    <RowErrors errors={currentPreview.errors} />
                  </div>
                ) : null}
                <div className="flex flex-col gap-3 border-t border-border pt-5 sm:flex-row sm:items-center">
                  {currentPreview.errors.length > 0 ? (
                    <Button onClick={() => void send("import-valid")} loading={busy === "import"} disabled={pending}>
                      Import the valid rows and skip these
                    </Button>
                  ) : currentPreview.inserted > 0 ? (
                    <Button onClick={() => void send("import")} loading={busy === "import"} disabled={pending}>
                      {`Import ${formatCount(currentPreview.inserted, "transaction")}`}
                    </Button>
                  ) : null}
                  <Button variant="ghost" onClick={startOver} disabled={pending}>
                    Choose another file
                  </Button>
                </div>
                {busy === "import" && progress ? <UploadProgress progress={progress} label={`Importing ${file.name}`} /> : null}
              </CardContent>
            </Card>
          ) : null}

          {presets.isError ? (
            <p role="alert" className="text-sm text-danger">
              Could not load the import formats. Reload the page to try again.
            </p>
          ) : presets.isPending && file ? (
            <Spinner label="Loading the import formats" />
          ) : null}
        </>
      )}
    </div>
  );
}

type StreamPickerProps = {
  streams: { id: string; name: string; status: string }[];
  choice: string;
  newName: string;
  fromFile: boolean;
  error: string | null;
  disabled: boolean;
  onChoice: (v: string) => void;
  onNewName: (v: string) => void;
};

/** Where the rows go: one of the user's streams, a new one (created by the import), or each row's own stream column. */
function StreamPicker({ streams, choice, newName, fromFile, error, disabled, onChoice, onNewName }: StreamPickerProps) {
  const active = streams.filter((s) => s.status !== "archived" || s.name === choice);
  return (
    <div className="flex flex-col gap-3">
      <Field
        label="Stream"
        hint={
          fromFile
            ? "Rows name their own stream; this one takes the rows that name none. Missing streams are created."
            : "Every row goes to this stream."
        }
        error={choice === NEW_STREAM ? null : error}
      >
        <Select value={choice} onChange={(e) => onChoice(e.target.value)} disabled={disabled}>
          {fromFile ? (
            <option value={FROM_FILE}>As each row says</option>
          ) : (
            <option value={FROM_FILE} disabled>
              Choose a stream…
            </option>
          )}
          {active.map((s) => (
            <option key={s.id} value={s.name}>
              {s.name}
            </option>
          ))}
          <option value={NEW_STREAM}>A new stream…</option>
        </Select>
      </Field>
      {choice === NEW_STREAM ? (
        <Field label="New stream's name" hint="Created with the import." error={error}>
          <Input value={newName} onChange={(e) => onNewName(e.target.value)} maxLength={80} disabled={disabled} />
        </Field>
      ) : null}
    </div>
  );
}

function ImportSummary({
  result,
  stream,
  streams,
  headingRef,
  onAgain,
}: {
  result: ImportResult;
  stream: string | null;
  streams: { id: string; name: string }[];
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
}) {
  const target = stream ? streams.find((s) => s.name.toLowerCase() === stream.toLowerCase()) : undefined;
  const href = target ? `/transactions?stream=${encodeURIComponent(target.id)}` : "/transactions";
  return (
    <Card role="region" aria-labelledby="import-summary-title" className="border-success/40">
      <CardHeader>
        <h2 id="import-summary-title" ref={headingRef} tabIndex={-1} className="text-base leading-6 font-semibold focus:outline-none">
          {result.inserted > 0 ? `Imported ${formatCount(result.inserted, "transaction")}` : "Nothing new to import"}
        </h2>
        <CardDescription>
          {result.inserted > 0
            ? "They are in your transactions and every dashboard now."
            : result.duplicates > 0
              ? "Every transaction in this file was already there, so nothing was added twice."
              : "The file held no income or expenses to add."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <Counts result={result} dryRun={false} />
        {result.createdStreams.length > 0 ? (
          <p className="text-sm">
            <span className="font-medium">
              {result.createdStreams.length === 1 ? "New stream" : `${result.createdStreams.length} new streams`}:
            </span>{" "}
            {result.createdStreams.join(", ")}
          </p>
        ) : null}
        {result.inserted > 0 ? <Totals result={result} title="In the file, by kind and currency" /> : null}
        <SkippedReasons result={result} />
        {result.errors.length > 0 ? (
          <div className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold">Rows skipped because of errors</h3>
            <RowErrors errors={result.errors} />
          </div>
        ) : null}
        <div className="flex flex-col gap-2 sm:flex-row">
          {result.inserted > 0 ? (
            <Link href={href} className={buttonClasses()}>
              See the imported transactions
            </Link>
          ) : null}
          <Link href="/settings#data" className={buttonClasses({ variant: "secondary" })}>
            Import history
          </Link>
          <Button variant="ghost" onClick={onAgain}>
            Import another file
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
