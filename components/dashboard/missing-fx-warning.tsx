import Link from "next/link";
import { inlineLink } from "@/components/dashboard/labels";
import { formatNumber } from "@/lib/format";
import type { MetricsWarningView } from "@/lib/schemas/metrics";

/**
 * Income in a currency without an exchange rate is left out of every figure (METRICS.md, Money). Saying so
 * next to the figures keeps a low month from looking like a real drop.
 */
export function MissingFxWarning({ warnings }: { warnings: readonly MetricsWarningView[] | undefined }) {
  const missing = (warnings ?? []).filter((w) => w.code === "missing-fx-rate");
  if (missing.length === 0) return null;
  const total = missing.reduce((n, w) => n + w.count, 0);
  const list = missing.map((w) => `${formatNumber(w.count, 0)} in ${w.currency}`).join(", ");
  return (
    <div role="status" className="rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm text-foreground">
      <span className="font-semibold text-warning">
        {formatNumber(total, 0)} transaction{total === 1 ? " is" : "s are"} left out of these figures
      </span>{" "}
      ({list}): there is no exchange rate to your base currency for {missing.length === 1 ? "that currency" : "those currencies"}.{" "}
      <Link href="/settings#rates" className={inlineLink}>
        Add a rate in Settings
      </Link>
      .
    </div>
  );
}
