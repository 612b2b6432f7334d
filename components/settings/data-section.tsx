"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { FileDrop } from "@/components/import/file-drop";
import type { ImportRecord } from "@/components/import/types";
import { UploadProblem, uploadFile } from "@/components/import/upload";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { formatCount, formatDateTime, formatNumber } from "@/lib/format";
import { asSentence } from "@/lib/form-errors";
import { importKeys, importPresetsQuery, importsQuery, keys, metricsKeys, settingsQuery } from "@/lib/queries";
import { moveFocus } from "@/components/ui/focus";

// The restore route's body limit.
const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

/** Settings → Data: what was imported (and undoing one import), the whole account out as CSV or a backup, and a backup back in. */
export function DataSection() {
  return (
    <div className="flex flex-col gap-6">
      <ImportHistory />
      <ExportAndBackup />
      <RestoreBackup />
    </div>
  );
}

function ImportHistory() {
  const qc = useQueryClient();
  const { toast } = useToast();
  const imports = useInfiniteQuery(importsQuery());
  const timeZone = useQuery(settingsQuery()).data?.timeZone ?? "UTC";
  // The formats' names ("PayPal activity download") for the ids the history records.
  const presets = useQuery(importPresetsQuery());
  const presetNames = new Map((presets.data?.data ?? []).map((p) => [p.id, p.name]));
  const [deleting, setDeleting] = useState<ImportRecord | null>(null);

  const remove = useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ fileName: string | null; deletedTransactions: number }>(`/api/v1/imports/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (answer) => {
      setDeleting(null);
      toast({
        title: `Deleted ${formatCount(answer.deletedTransactions, "transaction")} of ${answer.fileName ?? "the import"}`,
        tone: "success",
      });
      for (const k of [
        importKeys.history(),
        keys.transactionLists(),
        keys.suggestions(),
        ["streams"],
        metricsKeys.all(),
        metricsKeys.goals(),
        ["fx-rates"],
      ]) {
        void qc.invalidateQueries({ queryKey: k });
      }
    },
    // The dialog stays open so the user can try again.
    onError: () =>
      toast({
        title: "Could not delete the import's transactions",
        description: "Nothing was deleted. Try again in a moment.",
        tone: "danger",
      }),
  });

  const list = imports.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Import history</CardTitle>
        <CardDescription>
          Every file you imported, with what it added. Deleting an import removes the transactions it added and nothing else.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {imports.isPending ? (
          <Spinner label="Loading your imports" />
        ) : imports.isError ? (
          <p role="alert" className="text-sm text-danger">
            Could not load your imports. Reload the page to try again.
          </p>
        ) : list.length === 0 ? (
          <EmptyState
            title="No imports yet"
            description="Files you import from a platform or a spreadsheet are listed here."
            action={
              <Link href="/import" className={buttonClasses({ variant: "secondary" })}>
                Import a file
              </Link>
            }
          />
        ) : (
          <ul aria-label="Imported files, newest first" className="divide-y divide-border rounded-lg border border-border">
            {list.map((i) => (
              <li
                key={i.id}
                data-testid="import-row"
                className="flex flex-col gap-2 px-3 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4 sm:px-4"
              >
                <div className="min-w-0 text-sm">
                  <p className="truncate font-medium" title={i.fileName ?? undefined}>
                    {i.fileName ?? "Untitled file"}
                  </p>
                  <p className="text-muted-foreground">
                    {presetNames.get(i.preset) ?? FORMAT_NAMES[i.preset] ?? i.preset} · {formatDateTime(i.createdAt, timeZone)}
                  </p>
                  <p>
                    {formatCount(i.rows, "row")}: {formatNumber(i.inserted, 0)} added, {formatNumber(i.duplicates, 0)} already there,{" "}
                    {formatNumber(i.skipped + i.invalid, 0)} skipped
                    {i.transactions !== i.inserted ? (
                      <span className="text-muted-foreground"> ({formatNumber(i.transactions, 0)} still there)</span>
                    ) : null}
                  </p>
                </div>
                {i.transactions > 0 ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setDeleting(i)}
                    aria-label={`Delete the transactions of ${i.fileName ?? "this import"}`}
                    className="self-start text-danger! sm:self-center"
                  >
                    Delete its transactions
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {imports.hasNextPage ? (
          <div>
            <Button variant="secondary" onClick={() => void imports.fetchNextPage()} loading={imports.isFetchingNextPage}>
              Show older imports
            </Button>
          </div>
        ) : null}
      </CardContent>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        pending={remove.isPending}
        title={`Delete this import's transactions?`}
        description={
          deleting
            ? `The ${formatCount(deleting.transactions, "transaction")} that ${deleting.fileName ?? "this import"} added are deleted from every list and figure. Streams it created stay. This cannot be undone, but you can import the file again.`
            : undefined
        }
        confirmLabel="Delete transactions"
      />
    </Card>
  );
}

/** The readers that are not in the presets list under a name of their own. */
const FORMAT_NAMES: Record<string, string> = { mapping: "Your own columns" };

function ExportAndBackup() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Export and backup</CardTitle>
        <CardDescription>Your data is yours: take all of it with you at any time.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col items-start gap-2">
          <a href="/api/v1/export?format=csv" download className={buttonClasses({ variant: "secondary" })}>
            Download CSV
          </a>
          <p className="text-sm text-muted-foreground">
            Every transaction in the generic CSV format, for a spreadsheet or your accountant. It imports back as it is.
          </p>
        </div>
        <div className="flex flex-col items-start gap-2">
          <a href="/api/v1/export?format=json" download className={buttonClasses({ variant: "secondary" })}>
            Download backup
          </a>
          <p className="text-sm text-muted-foreground">
            Everything you own in one JSON file: settings, streams, transactions, hours, goals, exchange rates, schedules and webhooks
            (without their secrets).
          </p>
        </div>
      </CardContent>
    </Card>
  );
}

type RestoreProblem = { message: string; errors: { path: string; message: string }[] };

function restoreProblemOf(err: unknown): RestoreProblem {
  if (err instanceof UploadProblem) {
    if (err.status === 409) {
      return {
        message:
          "This account already has streams, so nothing was restored. A backup goes into an empty account: sign up with another email, then restore it there.",
        errors: [],
      };
    }
    if (err.status === 413) return { message: "That file is too large to be a backup of one account. Nothing was restored.", errors: [] };
    if (err.status === 0) return { message: "The connection was lost. Nothing was restored. Check it and try again.", errors: [] };
    if (err.status >= 500) return { message: "Something went wrong on our side. Nothing was restored. Try again in a moment.", errors: [] };
    const errors = err.errors.map((e) => ({ path: e.path, message: asSentence(e.message) }));
    return {
      message: `This file is not a backup we can restore${err.detail ? `: ${err.detail.replace(/\.$/, "")}` : ""}. Nothing was restored.`,
      errors,
    };
  }
  return { message: "Something went wrong. Nothing was restored. Try again.", errors: [] };
}

function RestoreBackup() {
  const qc = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<RestoreProblem | null>(null);
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const problemRef = useRef<HTMLParagraphElement>(null);

  async function restore() {
    if (!file || inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setProblem(null);
    try {
      // Sent as JSON whatever type the browser guessed for the file.
      const restored = await uploadFile<{ streams: number; transactions: number; webhooks?: number }>(
        "/api/v1/restore",
        new Blob([file], { type: "application/json" }),
        () => undefined,
      );
      setFile(null);
      toast({
        title: "Backup restored",
        description:
          `${formatCount(restored.streams, "stream")} and ${formatCount(restored.transactions, "transaction")} are back, with your settings, goals and rates.` +
          // A backup holds no signing secrets: each endpoint came back with a new one that nobody has seen.
          (restored.webhooks
            ? ` ${formatCount(restored.webhooks, "webhook endpoint")} came back with new signing secrets: delete and add them again under Webhooks to give your receivers a secret.`
            : ""),
        tone: "success",
      });
      // Everything changed: every cached answer, and the server-rendered pages.
      await qc.invalidateQueries();
      router.refresh();
    } catch (err) {
      setProblem(restoreProblemOf(err));
      moveFocus(problemRef);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Restore from a backup</CardTitle>
        <CardDescription>
          Brings back everything in a backup file from Download backup. It only goes into an account with no streams yet, such as a new one:
          sign up, then restore here. All or nothing: if any part cannot be restored, nothing is.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <FileDrop
          label="Backup file"
          prompt="Drop a backup file here"
          accept=".json,application/json"
          file={file}
          disabled={pending}
          onFile={(f) => {
            setProblem(null);
            if (f.size > MAX_BACKUP_BYTES)
              return setProblem({ message: "That file is over 100 MB: it is not a backup of one account.", errors: [] });
            setFile(f);
          }}
        />
        {problem ? (
          <div className="flex flex-col gap-2 rounded-lg border border-danger/30 bg-danger/5 p-3 text-sm">
            <p ref={problemRef} tabIndex={-1} role="alert" className="font-medium text-danger focus:outline-none">
              {problem.message}
            </p>
            {problem.errors.length > 0 ? (
              <ul
                aria-label="Problems in the backup"
                tabIndex={problem.errors.length > 10 ? 0 : undefined}
                className="flex max-h-64 flex-col gap-1 overflow-y-auto"
              >
                {problem.errors.map((e, i) => (
                  <li key={i}>
                    {e.path ? <span className="font-medium">{e.path}: </span> : null}
                    {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div>
          <Button onClick={() => void restore()} disabled={!file} loading={pending}>
            Restore backup
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
