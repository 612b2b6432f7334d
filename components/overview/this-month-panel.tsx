"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ProgressBar } from "@/components/charts/progress-bar";
import { inlineLink } from "@/components/dashboard/labels";
import { Panel } from "@/components/dashboard/panel";
import { useThisMonth } from "@/components/dashboard/use-this-month";
import { useWindow } from "@/components/dashboard/use-window";
import { withWindow } from "@/components/dashboard/window-memory";
import { formatCount, formatMoney, formatMonth, formatPercent } from "@/lib/format";
import { addMonths } from "@/lib/metrics/months";
import { scheduleSummaryQuery } from "@/lib/queries";
import type { GoalMonthView, MetricsView } from "@/lib/schemas/metrics";

type Props = {
  /** The metrics of the page's window, for the figures that put the month in context. */
  window: MetricsView | undefined;
  className?: string;
};

const link = "font-medium text-primary underline-offset-4 hover:underline";
const strong = "font-semibold text-foreground";

/**
 * Today's month so far, whatever the page's window (whose months are complete ones): the income, the
 * portfolio goal with where the month usually ends from here, and a few figures from complete months only.
 */
export function ThisMonthPanel({ window, className }: Props) {
  const { query } = useWindow();
  const current = useThisMonth();
  const { month, data } = current;
  const currency = data?.currency ?? window?.currency ?? "USD";
  const money = (v: number) => formatMoney(v, currency);
  const goal = data?.goals.months.find((g) => g.month === month && g.streamId === null);
  const goalsHref = withWindow("/goals", query);
  return (
    <Panel
      className={className}
      title={current.title}
      description={goal ? "Your income so far against your monthly goal for the whole portfolio." : "Your income so far this month."}
      loading={current.isPending}
      error={current.isError && data === undefined}
      actions={
        <Link href={goalsHref} className={`${link} shrink-0 text-sm`}>
          {goal ? "Goals" : "Set a goal"}
        </Link>
      }
    >
      {data === undefined ? null : (
        <div className="flex flex-1 flex-col gap-4">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <p className="money text-3xl font-semibold tracking-tight text-foreground" data-testid="this-month-income">
              {money(data.totals.income)}
            </p>
            {goal ? (
              <p className="text-sm text-muted-foreground">
                of <span className="money font-medium text-foreground">{money(goal.target)}</span> goal ·{" "}
                <span className="money font-medium text-foreground">{formatPercent(goal.progress)}</span>
              </p>
            ) : (
              <p className="text-sm text-muted-foreground">so far</p>
            )}
          </div>
          {data.tax.setAside > 0 ? (
            <p className="text-sm text-muted-foreground" data-testid="this-month-tax">
              Set aside <strong className={strong}>{money(data.tax.setAside)}</strong> of this month&rsquo;s income for taxes.
            </p>
          ) : null}
          <ExpectedPayments />
          {goal ? (
            <>
              <ProgressBar
                progress={goal.progress}
                target={goal.target}
                projected={goal.projected}
                label={`Portfolio goal, ${formatMonth(month)}`}
                valueText={`${money(goal.actual)} of ${money(goal.target)} (${formatPercent(goal.progress)})`}
              />
              <ProgressKey projected={goal.projected !== null && goal.projected > goal.actual} />
              <p className="text-sm text-muted-foreground" data-testid="this-month-verdict">
                <Verdict goal={goal} money={money} month={formatMonth(month)} />
              </p>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">
              There is no portfolio goal for {formatMonth(month)}.{" "}
              <Link href={goalsHref} className={inlineLink}>
                Set a monthly goal
              </Link>{" "}
              to see how each month is tracking against it.
            </p>
          )}
          <MonthContext metrics={window} month={month} money={money} />
        </div>
      )}
    </Panel>
  );
}

/** What the schedules still expect this month, and what is late (GET /api/v1/schedules/summary). */
function ExpectedPayments() {
  const { data } = useQuery(scheduleSummaryQuery());
  if (!data?.hasSchedules || (data.expected.count === 0 && data.late.count === 0 && data.warnings.length === 0)) return null;
  const money = (v: number) => formatMoney(v, data.currency);
  const firstLate = data.late.items[0];
  const leftOut = data.warnings.map((w) =>
    w.code === "missing-fx-rate"
      ? `${formatCount(w.count, "payment")} in ${w.currency} left out: no exchange rate to ${data.currency} yet.`
      : `${formatCount(w.count, "payment")} left out: the total would be too large to add up exactly.`,
  );
  return (
    <div className="flex flex-col gap-1 text-sm text-muted-foreground" data-testid="this-month-expected">
      {data.expected.count > 0 ? (
        <p>
          Still expected this month: <strong className={strong}>{money(data.expected.amountMinor)}</strong> (
          {formatCount(data.expected.count, "payment")}).
        </p>
      ) : null}
      {data.late.count > 0 ? (
        <p className="text-danger">
          Late: <strong className="font-semibold">{money(data.late.amountMinor)}</strong> ({formatCount(data.late.count, "payment")})
          {firstLate ? (
            <>
              {" "}
              ·{" "}
              <Link href={`/streams/${firstLate.streamId}`} className={inlineLink}>
                {firstLate.name ?? "expected payment"}, {formatCount(firstLate.daysLate, "day")} late
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {leftOut.map((note) => (
        <p key={note} className="text-warning">
          {note}
        </p>
      ))}
    </div>
  );
}

/**
 * Figures that put the month in context, each from complete months since the first record only: the month
 * before (when it is one), the average complete month of the window, and the window's goal hit rate. A
 * figure over a period with no complete month is left out rather than shown as a zero.
 */
function MonthContext({ metrics, month, money }: { metrics: MetricsView | undefined; month: string; money: (v: number) => string }) {
  if (!metrics) return null;
  const { history } = metrics;
  const lastMonth = addMonths(month, -1);
  const lastIsComplete = history.from !== null && history.to !== null && history.from <= lastMonth && lastMonth <= history.to;
  const last = lastIsComplete ? metrics.monthly.find((m) => m.month === lastMonth) : undefined;
  const lastGoal = metrics.goals.months.find((g) => g.month === lastMonth && g.streamId === null);
  const average = metrics.resilience.monthlyIncome;
  const items = [
    last ? { term: formatMonth(lastMonth), value: money(last.income), note: lastGoal ? GOAL_NOTES[lastGoal.status] : "no goal" } : null,
    average !== null
      ? { term: "Average month", value: money(average), note: `over ${formatCount(history.analysisMonths, "complete month")}` }
      : null,
    metrics.goals.hitRate !== null
      ? { term: "Goals hit", value: formatPercent(metrics.goals.hitRate), note: "of goals in finished months" }
      : null,
  ].filter((item) => item !== null);
  if (items.length === 0) return null;
  return (
    <dl className="mt-auto grid grid-cols-3 gap-x-3 border-t border-border pt-4 sm:gap-x-4" data-testid="this-month-context">
      {items.map((item) => (
        <div key={item.term} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{item.term}</dt>
          <dd className="money text-sm font-semibold text-foreground sm:text-base">{item.value}</dd>
          <dd className="text-xs text-muted-foreground">{item.note}</dd>
        </div>
      ))}
    </dl>
  );
}

const GOAL_NOTES: Record<GoalMonthView["status"], string> = {
  hit: "goal hit",
  missed: "goal missed",
  current: "in progress",
  future: "not started",
};

/**
 * Where this month is heading. The projection is the API's: the income so far plus what usually arrived
 * after today's day in the recent complete months, so the sentence says it follows their usual pattern.
 */
function Verdict({ goal, money, month }: { goal: GoalMonthView; money: (v: number) => string; month: string }) {
  const { target, projected, progress } = goal;
  if (progress >= 1)
    return (
      <>
        You have already reached your {money(target)} goal for {month}.
      </>
    );
  if (projected === null) {
    return (
      <>
        {month} is not over yet: there is still time to reach your {money(target)} goal. A month-end estimate appears once you have a
        complete month on record.
      </>
    );
  }
  return (
    <>
      If the rest of the month goes like your recent months, you&rsquo;ll end {month} at{" "}
      <strong className={strong}>{money(projected)}</strong>
      {projected >= target ? ", above your goal." : `, short of your ${money(target)} goal.`}
    </>
  );
}

/** The bar's marks in words: the fill, the projection, the goal tick. */
function ProgressKey({ projected }: { projected: boolean }) {
  return (
    <ul aria-hidden="true" className="-mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-2 w-4 rounded-full bg-primary" />
        So far
      </li>
      {projected ? (
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-2 w-4 rounded-full border border-dashed border-primary" />
          Usual month-end
        </li>
      ) : null}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-0.5 rounded-full bg-foreground" />
        Goal
      </li>
    </ul>
  );
}
