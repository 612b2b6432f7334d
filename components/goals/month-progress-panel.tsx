"use client";

import { ProgressBar } from "@/components/charts/progress-bar";
import { Panel } from "@/components/dashboard/panel";
import { useThisMonth } from "@/components/dashboard/use-this-month";
import { formatMoney, formatMonth, formatPercent } from "@/lib/format";
import type { GoalMonthView } from "@/lib/schemas/metrics";
import type { StreamView } from "@/lib/schemas/streams";
import { ownerOf, ownerOrder } from "./owners";

type Props = {
  streams: readonly StreamView[] | undefined;
  className?: string;
};

/**
 * Today's month so far for every owner with a goal, whatever the page's window (whose months are complete
 * ones), and where each usually ends from here.
 */
export function MonthProgressPanel({ streams, className }: Props) {
  const current = useThisMonth();
  const { month, data } = current;
  const currency = data?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const entries = (data?.goals.months ?? [])
    .filter((g) => g.month === month)
    .sort((a, b) => ownerOrder(a.streamId, streams) - ownerOrder(b.streamId, streams));
  return (
    <Panel
      className={className}
      title={current.title}
      description="Income so far against each goal. The dashed line runs on to where the month ends if the rest of it goes like your recent months; the tick is the goal."
      loading={current.isPending}
      error={current.isError && data === undefined}
      empty={data && entries.length === 0 ? `No goal applies to ${formatMonth(month)}. Set one for the portfolio or a stream.` : undefined}
    >
      <ul className="flex flex-col gap-5" data-testid="month-progress">
        {entries.map((g) => {
          const owner = ownerOf(g.streamId, streams);
          return (
            <li key={g.streamId ?? "portfolio"} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                <h3 className="flex min-w-0 items-center gap-2 text-sm font-semibold text-foreground">
                  <span
                    aria-hidden="true"
                    className="inline-block size-2.5 shrink-0 rounded-full"
                    style={{ backgroundColor: owner.color }}
                  />
                  <span className="truncate">{owner.name}</span>
                </h3>
                <p className="text-sm text-muted-foreground">
                  <span className="money font-medium text-foreground">{money(g.actual)}</span> of{" "}
                  <span className="money">{money(g.target)}</span> · <span className="money">{formatPercent(g.progress)}</span>
                </p>
              </div>
              <ProgressBar
                progress={g.progress}
                target={g.target}
                projected={g.projected}
                color={owner.color}
                label={`${owner.name}, ${formatMonth(month)}`}
                valueText={`${money(g.actual)} of ${money(g.target)} (${formatPercent(g.progress)})`}
              />
              <p className="text-xs text-muted-foreground">
                <Outlook goal={g} money={money} />
              </p>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}

/** One line per goal; the projection is the API's (so far plus what usually still arrives this month). */
function Outlook({ goal, money }: { goal: GoalMonthView; money: (v: number) => string }) {
  if (goal.status === "hit") return <>Goal reached.</>;
  if (goal.status === "missed") return <>Goal missed.</>;
  if (goal.progress >= 1) return <>Goal reached already.</>;
  if (goal.projected === null)
    return <>Not reached yet; the month is not over. An estimate appears once you have a complete month on record.</>;
  return (
    <>
      Usually ends near <span className="money font-medium text-foreground">{money(goal.projected)}</span>,{" "}
      {goal.projected >= goal.target ? "above the goal." : "short of the goal."}
    </>
  );
}
