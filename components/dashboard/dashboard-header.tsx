import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { DashboardTabs } from "./dashboard-tabs";
import { WindowPicker } from "./window-picker";

/** Title, the question the page answers, the shared window picker and the insight tabs. */
export function DashboardHeader({ title, question, today, tabs = true }: { title: string; question: ReactNode; today: string; tabs?: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={title} description={question} actions={<WindowPicker today={today} />} />
      {tabs ? <DashboardTabs /> : null}
    </div>
  );
}
