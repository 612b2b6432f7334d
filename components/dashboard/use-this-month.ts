"use client";

import { useQuery } from "@tanstack/react-query";
import { thisMonth } from "@/components/goals/focus-month";
import { metricsQuery } from "@/lib/queries";
import { useWindowScope } from "./window-scope";

/** The metrics of today's month alone (income so far, this month's goals and their projections). */
export function useThisMonth() {
  const { today } = useWindowScope();
  const focus = thisMonth(today);
  return { ...focus, ...useQuery(metricsQuery(focus.window)) };
}
