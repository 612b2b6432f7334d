"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { useToast } from "@/components/ui/toast";
import { ApiProblem } from "@/lib/api-client";
import { streamQuery } from "@/lib/queries";
import type { StreamView } from "@/lib/schemas/streams";
import { useDeleteStream } from "./use-stream-mutations";

export type DeleteStreamDialogProps = {
  stream: StreamView | null;
  onClose: () => void;
  /** Runs once the server has deleted the stream, even if the dialog has unmounted by then. */
  onDeleted?: (stream: Pick<StreamView, "id" | "name">) => void;
  /** Drop the stream from the list before the server answers; off where the page shows the stream itself. */
  optimistic?: boolean;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Deleting a stream takes its transactions along, so the dialog first asks the server how many there
 * are, says so, and sends that count with the delete. Should more have arrived in the meantime, the
 * server refuses (409) and the dialog shows its explanation and the new count.
 */
export function DeleteStreamDialog({ stream, onClose, onDeleted, optimistic = true }: DeleteStreamDialogProps) {
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const count = useQuery({ ...streamQuery(stream?.id ?? ""), enabled: stream !== null, staleTime: 0, gcTime: 0 });
  const n = count.data?.transactionCount;

  function close() {
    setError(null);
    onClose();
  }

  // The outcome is handled in the hook's own callbacks: deleting can unmount whoever called mutate().
  const remove = useDeleteStream({
    optimistic,
    onDeleted: ({ id, name, expectedTransactions }) => {
      toast({
        title: `Deleted “${name}”`,
        description: expectedTransactions > 0 ? `and its ${plural(expectedTransactions, "transaction")}` : undefined,
        tone: "success",
      });
      close();
      onDeleted?.({ id, name });
    },
    onFailed: (err) => {
      if (err instanceof ApiProblem && err.status === 409) {
        setError(`${err.detail ?? "The number of transactions changed."} Check the count below and confirm again.`);
        void count.refetch();
      } else setError("Could not delete the stream. Try again.");
    },
  });

  function confirm() {
    if (!stream || n === undefined) return;
    setError(null);
    remove.mutate({ id: stream.id, name: stream.name, expectedTransactions: n });
  }

  return (
    <ConfirmDialog
      open={stream !== null}
      onClose={close}
      onConfirm={confirm}
      pending={remove.isPending || count.isFetching}
      title={`Delete “${stream?.name ?? ""}”?`}
      description="Its logged hours and goals are deleted too. To keep the history, archive the stream instead."
      confirmLabel={n ? `Delete stream and ${plural(n, "transaction")}` : "Delete stream"}
    >
      <div aria-live="polite" className="text-sm">
        {n === undefined ? (
          count.isError ? (
            <p className="text-danger">Could not count this stream’s transactions, so it cannot be deleted now.</p>
          ) : (
            <p className="flex items-center gap-2 text-muted-foreground">
              <Spinner size="sm" /> Counting its transactions…
            </p>
          )
        ) : n === 0 ? (
          <p>It has no transactions.</p>
        ) : (
          <p className="rounded-md border border-danger/30 bg-danger/10 p-3 font-medium text-danger">
            {plural(n, "transaction")} will be deleted with it. This cannot be undone.
          </p>
        )}
        {error ? (
          <p role="alert" className="mt-2 font-medium text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
