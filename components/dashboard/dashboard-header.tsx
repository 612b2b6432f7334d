import type { ReactNode } from "react";
import { BasedOn } from "./based-on";
import { DashboardTabs } from "./dashboard-tabs";
import { WindowPicker } from "./window-picker";

/**
 * Title, the question the page answers, what its figures rest on, the shared window picker and the
 * insight tabs. Rendered inside the page's <WindowScope> and its hydrated metrics, so the first paint
 * already says "Based on 3 complete months".
 */
export function DashboardHeader({ title, question, tabs = true }: { title: string; question: ReactNode; tabs?: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="mb-2 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex min-w-0 flex-col gap-2">
          <div>
            {/* The page's one <h1>, as PageHeader renders it elsewhere. */}
            <h1 className="text-2xl font-semibold tracking-tight text-balance text-foreground">{title}</h1>
            <p className="mt-1 max-w-prose text-sm text-muted-foreground">{question}</p>
          </div>
          <BasedOn />
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <WindowPicker />
        </div>
      </div>
      {tabs ? <DashboardTabs /> : null}
    </div>
  );
}
