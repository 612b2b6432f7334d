import Link from "next/link";
import type { ReactNode } from "react";
import { inlineLink } from "./labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import type { LossScenarioView } from "@/lib/schemas/metrics";

const strong = "font-semibold text-foreground";

const settingsLink = (text: string) => (
  <Link href="/settings#general" className={inlineLink}>
    {text}
  </Link>
);

type Props = {
  title: string;
  /** The display name of what is lost (a stream's name, a client or platform key); null when there is none. */
  name: string | null;
  scenario: LossScenarioView | undefined;
  /** E* from the response; null when the user has not set essential expenses. */
  essential: number | null | undefined;
  currency: string;
  /** Why there is nothing to lose, e.g. "Log who pays you to see this." */
  missing: ReactNode;
  loading: boolean;
  /** The metrics could not be loaded: says so instead of a skeleton that never ends. */
  error?: boolean;
  /** Names the card for end-to-end tests. */
  testId?: string;
};

/**
 * "If you lost X": what is left a month, how much of the essential expenses it covers, and how long the
 * buffer bridges the gap. Each unknown (no expenses, no buffer, nothing attributed) is said, not hidden.
 */
export function StressTestCard({ title, name, scenario, essential, currency, missing, loading, error, testId }: Props) {
  const covered = scenario?.coverage != null && scenario.coverage >= 1;
  return (
    <Card className="flex flex-col" data-testid={testId}>
      <CardHeader>
        <CardTitle as="h3" className="text-sm font-medium text-muted-foreground">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-2 pt-2 sm:pt-2">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            This stress test could not be loaded. Try again in a moment.
          </p>
        ) : loading || !scenario ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-2">
            <span className="sr-only">Loading {title}…</span>
            <Skeleton className="h-7 w-40" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-3/4" />
          </div>
        ) : scenario.key === null || scenario.remainingMonthlyIncome === null ? (
          <p className="text-sm text-muted-foreground">{missing}</p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <p className="text-xl font-semibold text-foreground">{name}</p>
              {scenario.coverage !== null ? (
                <Badge tone={covered ? "success" : "warning"}>{covered ? "Still covered" : "Shortfall"}</Badge>
              ) : null}
            </div>
            <p className="-mt-1 text-xs text-muted-foreground">{formatPercent(scenario.shareLost)} of your income</p>
            <p className="text-sm text-muted-foreground">
              If you lost {name} you would keep{" "}
              <strong className={strong}>{formatMoney(scenario.remainingMonthlyIncome, currency, { whole: true })} a month</strong>
              <Consequence scenario={scenario} essential={essential} />
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Consequence({ scenario, essential }: { scenario: LossScenarioView; essential: number | null | undefined }) {
  const { coverage, runwayMonths } = scenario;
  if (essential == null || coverage === null) return <>. {settingsLink("Set your essential expenses")} to see whether that covers them.</>;
  if (coverage >= 1) return <> and would still cover your essential expenses ({formatPercent(coverage)} of them).</>;
  const share = <strong className={strong}>{formatPercent(coverage)} of your essential expenses</strong>;
  if (runwayMonths === null)
    return (
      <>
        , {share}. {settingsLink("Set your cash buffer")} to see how long it would last.
      </>
    );
  if (runwayMonths <= 0) return <>, {share}, and you have no cash buffer to bridge the gap.</>;
  return (
    <>
      , {share}, and your buffer would last <strong className={strong}>{formatNumber(runwayMonths, 1)} months</strong>.
    </>
  );
}
