import type { Metadata } from "next";
import { PlanDashboard } from "@/components/plan/plan-dashboard";
import { Hydrated } from "@/components/query/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { readPlan } from "@/lib/api/plan";
import { requireUser } from "@/lib/auth";
import { dashboardData } from "@/lib/dashboard";
import { planQuery } from "@/lib/queries";
import { DEFAULT_HORIZON as PLAN_HORIZON } from "@/lib/metrics/plan";

export const metadata: Metadata = { title: "Plan" };

export default async function PlanPage() {
  const user = await requireUser();
  // Read by readPlan and readMetrics, the functions the API answers with: the first paint is the API's answer.
  const [plan, { window, hydrate }] = await Promise.all([readPlan(user.id, { horizon: PLAN_HORIZON }), dashboardData(user.id, {})]);
  return (
    <Hydrated entries={[[planQuery({ horizon: PLAN_HORIZON }).queryKey, plan], ...hydrate]}>
      <PageHeader
        title="Plan"
        description="What the next months should bring, from your complete months since your first record, and how much you can pay yourself."
      />
      <PlanDashboard window={{ from: window.from, to: window.to }} />
    </Hydrated>
  );
}
