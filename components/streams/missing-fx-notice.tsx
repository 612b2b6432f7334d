import { cx } from "@/components/ui/cx";

/** Rows in a currency without an exchange rate are left out of the figures; this says which and how many. */
export function MissingFxNotice({ missing, className }: { missing: readonly { currency: string; count: number }[]; className?: string }) {
  if (missing.length === 0) return null;
  const total = missing.reduce((n, m) => n + m.count, 0);
  const list = missing.map((m) => `${m.count} in ${m.currency}`).join(", ");
  return (
    <div role="status" className={cx("rounded-lg border border-warning/30 bg-warning/10 px-4 py-3 text-sm text-foreground", className)}>
      <p>
        <span className="font-semibold text-warning">
          {total} transaction{total === 1 ? " is" : "s are"} left out of these figures
        </span>{" "}
        ({list}): there is no exchange rate to your base currency yet. Add one in Settings to count {total === 1 ? "it" : "them"}.
      </p>
    </div>
  );
}
