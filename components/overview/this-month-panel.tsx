"use client";

import Link from "next/link";
import { ProgressBar } from "@/components/charts/progress-bar";
import { inlineLink } from "@/components/dashboard/labels";
import { Panel } from "@/components/dashboard/panel";
import { useWindow } from "@/components/dashboard/use-window";
import { formatMoney, formatMonth, formatPercent } from "@/lib/format";
import { focusMonth } from "@/components/goals/focus-month";
import { addMonths } from "@/lib/metrics/months";
import type { GoalMonth, MetricsResult } from "@/lib/metrics/types";

type Props = { metrics: MetricsResult | undefined; loading: boolean; error: boolean; today: string; className?: string };

const link = "font-medium text-primary underline-offset-4 hover:underline";
const strong = "font-semibold text-foreground";

/** This month's income against the portfolio goal, with where the month is heading at today's pace. */
export function ThisMonthPanel({ metrics, loading, error, today, className }: Props) {
  const focus = focusMonth(useWindow(today).window, today);
  const { month } = focus;
  const currency = metrics?.currency ?? "USD";
  const goal = metrics?.goals.months.find((g) => g.month === month && g.streamId === null);
  const income = metrics?.monthly.find((m) => m.month === month)?.income;
  const money = (v: number) => formatMoney(v, currency);
  return (
    <Panel
      className={className}
      title={focus.title}
      description={
        focus.current
          ? goal
            ? "Your income so far against your monthly goal for the whole portfolio."
            : "Your income so far this month."
          : "This window ends before this month, so here is its last month against your portfolio goal."
      }
      loading={loading}
      error={error}
      actions={
        <Link href="/goals" className={`${link} shrink-0 text-sm`}>
          {goal ? "Goals" : "Set a goal"}
        </Link>
      }
    >
      {income === undefined ? null : (
        <div className="flex flex-1 flex-col gap-4">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <p className="money text-3xl font-semibold tracking-tight text-foreground" data-testid="this-month-income">
              {money(income)}
            </p>
            {goal ? (
              <p className="text-sm text-muted-foreground">
                of <span className="money font-medium text-foreground">{money(goal.target)}</span> goal ·{" "}
                <span className="money font-medium text-foreground">{formatPercent(goal.progress)}</span>
              </p>
            ) : null}
          </div>
          {goal ? (
            <>
              <ProgressBar
                progress={goal.progress}
                target={goal.target}
                projected={goal.projected}
                label={`Portfolio goal, ${formatMonth(month)}`}
                valueText={`${money(goal.actual)} of ${money(goal.target)} (${formatPercent(goal.progress)})`}
              />
              <ProgressKey projected={goal.projected !== null} />
              <p className="text-sm text-muted-foreground">
                <Verdict goal={goal} money={money} month={formatMonth(month)} />
              </p>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">
              There is no portfolio goal for {formatMonth(month)}.{" "}
              <Link href="/goals" className={inlineLink}>
                Set a monthly goal
              </Link>{" "}
              to see how each month is tracking against it.
            </p>
          )}
          <MonthContext metrics={metrics} month={month} money={money} />
        </div>
      )}
    </Panel>
  );
}

/** Three figures that put the month in context: the one before, the window's average, the goal hit rate. */
function MonthContext({ metrics, month, money }: { metrics: MetricsResult | undefined; month: string; money: (v: number) => string }) {
  if (!metrics) return null;
  const lastMonth = addMonths(month, -1);
  const last = metrics.monthly.find((m) => m.month === lastMonth);
  const lastGoal = metrics.goals.months.find((g) => g.month === lastMonth && g.streamId === null);
  const items = [
    last ? { term: `${formatMonth(lastMonth)}`, value: money(last.income), note: lastGoal ? GOAL_NOTES[lastGoal.status] : "no goal" } : null,
    { term: "Average month", value: money(metrics.resilience.monthlyIncome), note: `over ${metrics.window.months} month${metrics.window.months === 1 ? "" : "s"}` },
    metrics.goals.hitRate !== null ? { term: "Goals hit", value: formatPercent(metrics.goals.hitRate), note: "of monthly goals" } : null,
  ].filter((item) => item !== null);
  return (
    <dl className="mt-auto grid grid-cols-3 gap-x-3 border-t border-border pt-4 sm:gap-x-4">
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

const GOAL_NOTES: Record<GoalMonth["status"], string> = { hit: "goal hit", missed: "goal missed", open: "goal still open" };

/** The API says whether the month hit, missed or is still open; only the month containing today has a projection. */
function Verdict({ goal, money, month }: { goal: GoalMonth; money: (v: number) => string; month: string }) {
  const { target, projected, status } = goal;
  if (status === "hit") return projected === null ? <>You reached your {money(target)} goal in {month}.</> : <>You have already reached your {money(target)} goal for {month}.</>;
  if (status === "missed") return <>You fell short of your {money(target)} goal in {month}.</>;
  if (projected === null) return <>{month} is not over yet: there is still time to reach your {money(target)} goal.</>;
  return projected >= target ? (
    <>
      At this pace you will end {month} at <strong className={strong}>{money(projected)}</strong>, above your goal.
    </>
  ) : (
    <>
      At this pace you will end {month} at <strong className={strong}>{money(projected)}</strong>, short of your {money(target)} goal.
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
          Projected month-end
        </li>
      ) : null}
      <li className="flex items-center gap-1.5">
        <span className="inline-block h-3 w-0.5 rounded-full bg-foreground" />
        Goal
      </li>
    </ul>
  );
}
