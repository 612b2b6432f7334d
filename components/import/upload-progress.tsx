import { cx } from "@/components/ui/cx";
import { formatBytes } from "./bytes";
import type { UploadProgress as Progress } from "./upload";

/**
 * The upload of a file, then the server's check of its rows. Sending has a measurable end, so it is a
 * determinate bar; the check is not, so the bar then runs without a value (aria-valuenow absent).
 */
export function UploadProgress({ progress, label }: { progress: Progress; label: string }) {
  const uploading = progress.phase === "uploading";
  const ratio = uploading && progress.total > 0 ? progress.loaded / progress.total : 1;
  const percent = Math.round(ratio * 100);
  const text = uploading
    ? `Sending ${formatBytes(progress.loaded)} of ${formatBytes(progress.total)} (${percent}%)`
    : "Reading and checking every row…";
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="money text-muted-foreground">{text}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={uploading ? percent : undefined}
        aria-valuetext={text}
        className="relative h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          aria-hidden="true"
          data-motion="essential"
          className={cx("absolute inset-y-0 left-0 rounded-full bg-primary transition-[width]", !uploading && "animate-pulse")}
          style={{ width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
