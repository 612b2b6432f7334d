import Link from "next/link";
import { inlineLink } from "@/components/dashboard/labels";
import { formatCount } from "@/lib/format";
import type { PlanView } from "@/lib/schemas/plan";

/** What the plan could not count (GET /api/v1/plan's warnings), so a low forecast does not look like a real one. */
export function PlanWarnings({ plan }: { plan: PlanView | undefined }) {
  if (!plan || plan.warnings.length === 0) return null;
  const lines = plan.warnings.map((w) =>
    w.code === "missing-fx-rate"
      ? `${formatCount(w.count, "transaction")} in ${w.currency} left out of the history: no exchange rate to ${plan.currency}.`
      : w.code === "missing-fx-rate-scheduled"
        ? `${formatCount(w.count, "expected payment")} in ${w.currency} left out of the forecast: no exchange rate to ${plan.currency} for today.`
        : `${formatCount(w.count, "expected payment")} left out of the forecast: a month's total would be too large to add up exactly.`,
  );
  const needsRate = plan.warnings.some((w) => w.code !== "total-too-large");
  return (
    <div
      role="status"
      className="rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm text-foreground"
      data-testid="plan-warnings"
    >
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {needsRate ? (
        <p>
          <Link href="/settings#rates" className={inlineLink}>
            Add a rate in Settings
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
