import { formatCount, formatDate, formatNumber } from "@/lib/format";
import type { SilenceView } from "@/lib/schemas/streams";

type Check = SilenceView["data"][number];

const days = (n: number) => (Number.isInteger(n) ? formatCount(n, "day") : `${formatNumber(n, 1)} days`);

/** Spans, not paragraphs: the stream page puts it inside its header's paragraph. "No income for 19 days; it usually earns every 2 days." — the monitor's verdict on one stream, in words. */
export function SilenceNote({ check, quietWhenEarning = false }: { check: Check | undefined; quietWhenEarning?: boolean }) {
  if (!check || (!check.silent && quietWhenEarning)) return null;
  if (check.silent)
    return (
      <span className="block text-sm font-medium text-danger" data-testid="stream-silent">
        Silent: no income for {days(check.daysSinceLast)}; it usually earns every {days(check.expectedGapDays)}.
      </span>
    );
  return (
    <span className="block text-sm text-muted-foreground">
      Earning on its rhythm: last income {formatDate(check.lastIncomeOn)}; it usually earns every {days(check.expectedGapDays)}.
    </span>
  );
}
