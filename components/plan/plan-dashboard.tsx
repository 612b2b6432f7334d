"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem } from "@/lib/api-client";
import { planQuery } from "@/lib/queries";
import { DEFAULT_HORIZON as PLAN_HORIZON } from "@/lib/metrics/plan";
import { ForecastPanel } from "./forecast-panel";
import { PlanWarnings } from "./plan-warnings";
import { SalaryPanel } from "./salary-panel";
import { SilentPanel } from "./silent-panel";
import { TaxPanel } from "./tax-panel";

/** What will the next months bring, and how much can I pay myself? */
export function PlanDashboard({ window }: { window: { from: string; to: string } }) {
  const [salary, setSalary] = useState<string | undefined>(undefined);
  const plan = useQuery({ ...planQuery({ horizon: PLAN_HORIZON, salary }), placeholderData: keepPreviousData, retry: false });
  const base = useQuery(planQuery({ horizon: PLAN_HORIZON }));
  // A salary that is not an amount is the field's error; the page keeps the last good figures.
  const fieldError = plan.error instanceof ApiProblem && plan.error.status === 422 ? plan.error.fieldErrors().salary : undefined;
  const data = plan.data ?? base.data;
  const state = {
    plan: data,
    loading: data === undefined && (plan.isPending || base.isPending),
    error: data === undefined && (plan.isError || base.isError),
  };
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
      {data && data.warnings.length > 0 ? (
        <div className="lg:col-span-3">
          <PlanWarnings plan={data} />
        </div>
      ) : null}
      <div className="lg:col-span-3">
        <ForecastPanel {...state} />
      </div>
      <div className="lg:col-span-2">
        <SalaryPanel
          {...state}
          tried={plan.data ? salary : undefined}
          onTry={setSalary}
          pending={plan.isFetching}
          fieldError={fieldError}
        />
      </div>
      <SilentPanel {...state} />
      <div className="lg:col-span-3">
        <TaxPanel window={window} />
      </div>
    </div>
  );
}
