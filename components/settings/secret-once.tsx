import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** A secret the server will never show again (a token, a signing secret): the value, a copy button and Done. */
export function SecretShownOnce({
  message,
  value,
  copyLabel,
  testId,
  onDone,
}: {
  message: React.ReactNode;
  value: string;
  copyLabel: string;
  testId: string;
  onDone: () => void;
}) {
  return (
    <div role="status" className="flex flex-col gap-3 rounded-md border border-success/40 bg-success/10 p-4">
      <p className="text-sm font-medium">{message}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 rounded bg-surface px-3 py-2 font-mono text-sm break-all">
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
