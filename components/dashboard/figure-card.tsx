import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export type FigureCardProps = {
  title: string;
  /** The headline figure, already formatted. */
  value: ReactNode;
  /** A status next to the figure (a rule's pass/warn/fail, a band). */
  badge?: ReactNode;
  /** The sentence that says what the figure means. */
  children: ReactNode;
  loading?: boolean;
  /** The query failed and there is nothing to show: says so instead of a skeleton that never ends. */
  error?: boolean;
  /** Names the figure for end-to-end tests, which compare it with the API's. */
  testId?: string;
};

/**
 * One headline figure with its meaning. Shared by the diversification, risk and concentration pages;
 * its skeleton has the card's own shape so a window change does not make the row jump.
 */
export function FigureCard({ title, value, badge, children, loading, error, testId }: FigureCardProps) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <CardTitle className="text-sm font-medium text-muted-foreground">{title}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-2 pt-2 sm:pt-2">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            This figure could not be loaded. Try again in a moment.
          </p>
        ) : loading ? (
          <div role="status" aria-busy="true" className="flex flex-col gap-2">
            <span className="sr-only">Loading {title}…</span>
            <Skeleton className="h-9 w-28" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <p className="money text-3xl font-semibold tracking-tight text-foreground" data-testid={testId}>
                {value}
              </p>
              {badge}
            </div>
            <p className="text-sm text-muted-foreground" data-testid={testId ? `${testId}-text` : undefined}>
              {children}
            </p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
