import { cx } from "@/components/ui/cx";
import type { RuleStatusView } from "@/lib/schemas/metrics";

const TONES: Record<RuleStatusView, string> = {
  pass: "bg-success/10 text-success",
  warn: "bg-warning/10 text-warning",
  fail: "bg-danger/10 text-danger",
  "n/a": "bg-muted text-muted-foreground",
};

// Check, exclamation, cross, dash: the shape differs per status, so it reads without colour too.
const PATHS: Record<RuleStatusView, string> = {
  pass: "m5 12 5 5L20 7",
  warn: "M12 6v7M12 17.5v.5",
  fail: "M7 7l10 10M17 7 7 17",
  "n/a": "M7 12h10",
};

/** The checklist's tick mark for a rule; decorative (the status badge next to it says the same in words). */
export function StatusIcon({ status, className }: { status: RuleStatusView; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx("inline-flex size-8 shrink-0 items-center justify-center rounded-full", TONES[status], className)}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-4"
      >
        <path d={PATHS[status]} />
      </svg>
    </span>
  );
}
