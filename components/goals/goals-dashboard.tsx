"use client";

import { useQuery } from "@tanstack/react-query";
import { EmptyPortfolio } from "@/components/dashboard/empty-portfolio";
import { useDashboardState } from "@/components/dashboard/use-dashboard-state";
import { useWindowScope } from "@/components/dashboard/window-scope";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { monthOf } from "@/lib/metrics/months";
import { goalsQuery, streamsQuery } from "@/lib/queries";
import { GoalForm } from "./goal-form";
import { GoalHistoryPanel } from "./goal-history-panel";
import { GoalStepsPanel } from "./goal-steps-panel";
import { MonthProgressPanel } from "./month-progress-panel";

/** Am I earning what I aimed for? This month's progress and the form first, then the history and the goals themselves. */
export function GoalsDashboard({ currency }: { currency: string }) {
  const state = useDashboardState();
  const { today } = useWindowScope();
  const goals = useQuery(goalsQuery());
  const streams = useQuery(streamsQuery());
  const currentMonth = monthOf(today);
  const streamList = streams.data?.data;
  const form = (
    <Card>
      <CardHeader>
        <CardTitle>Set a goal</CardTitle>
        <CardDescription>A monthly income target for the whole portfolio or one stream, in your base currency.</CardDescription>
      </CardHeader>
      <CardContent>
        <GoalForm streams={streamList} currency={currency} currentMonth={currentMonth} />
      </CardContent>
    </Card>
  );
  const steps = (
    <GoalStepsPanel
      goals={goals.data?.data}
      loading={goals.isPending}
      error={goals.isError}
      streams={streamList}
      currency={currency}
      currentMonth={currentMonth}
    />
  );
  // Without income there is no progress or history to show: the ways in, and goals can still be set.
  if (state.empty) {
    return (
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          <EmptyPortfolio reason={state.empty} range={state.metrics?.window} />
          {goals.data?.data.length ? steps : null}
        </div>
        {form}
      </div>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <MonthProgressPanel streams={streamList} className="lg:col-span-2" />
      {form}
      <GoalHistoryPanel {...state} streams={streamList} currentMonth={currentMonth} className="lg:col-span-2" />
      {steps}
    </div>
  );
}
