import { Panel } from "@/components/dashboard/panel";
import { Badge } from "@/components/ui/badge";
import { formatCount, formatDate, formatNumber } from "@/lib/format";
import type { PlanView } from "@/lib/schemas/plan";

type Props = { plan: PlanView | undefined; loading: boolean; error: boolean };

/** Streams that earn on a rhythm, and whether one has gone quiet for well over its usual gap. */
export function SilentPanel({ plan, loading, error }: Props) {
  const watched = plan?.silentStreams ?? [];
  const days = (n: number) => (Number.isInteger(n) ? formatCount(n, "day") : `${formatNumber(n, 1)} days`);
  return (
    <Panel
      title="Silent streams"
      description="An automation or shop that stops earning shows up as silence: each stream with income on 6 or more days in the last 180 is watched against its own usual gap."
      loading={loading}
      error={error}
      empty={plan && watched.length === 0 ? "No stream earns often enough to watch yet." : undefined}
    >
      <ul className="flex flex-col divide-y divide-border" data-testid="silent-streams">
        {watched.map((s) => (
          <li key={s.streamId} className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1 py-2.5 first:pt-0 last:pb-0">
            <div className="min-w-0">
              <p className="font-medium text-foreground">{s.name}</p>
              <p className="text-sm text-muted-foreground">
                {s.silent ? "No income for " : "Last income "}
                {days(s.daysSinceLast)}
                {s.silent ? "" : " ago"} (on {formatDate(s.lastIncomeOn)}); it usually earns every {days(s.expectedGapDays)}.
              </p>
            </div>
            <Badge tone={s.silent ? "danger" : "success"}>{s.silent ? "Silent" : "Earning"}</Badge>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
