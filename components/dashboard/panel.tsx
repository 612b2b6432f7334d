import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

export type PanelProps = {
  title: ReactNode;
  /** One sentence that says what the figures mean for this user. */
  description?: ReactNode;
  /** While the owning query has no data yet. */
  loading?: boolean;
  error?: boolean;
  /** Nothing to show (e.g. no income in the window): the reason, shown instead of an empty chart. */
  empty?: ReactNode;
  /** A table or list with the chart's numbers, for screen readers and anyone who wants the figures. */
  textAlternative?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
};

/** A dashboard panel: owns the loading, empty and error states of its query, and the text alternative of its chart. */
export function Panel({ title, description, loading, error, empty, textAlternative, actions, className, children }: PanelProps) {
  return (
    <Card className={cx("flex min-w-0 flex-col", className)}>
      <CardHeader>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <CardTitle>{title}</CardTitle>
            {description ? <CardDescription>{description}</CardDescription> : null}
          </div>
          {actions}
        </div>
      </CardHeader>
      <CardContent className="flex min-w-0 flex-1 flex-col gap-3">
        {loading ? (
          <div role="status" aria-busy="true">
            <span className="sr-only">Loading…</span>
            <Skeleton className="h-48 w-full" />
          </div>
        ) : error ? (
          <p role="alert" className="text-sm text-danger">
            These figures could not be loaded. Try again in a moment.
          </p>
        ) : empty ? (
          <EmptyState title="Nothing to show yet" description={empty} />
        ) : (
          <>
            {children}
            {textAlternative ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-muted-foreground hover:text-foreground">Show the numbers</summary>
                <div className="mt-2">{textAlternative}</div>
              </details>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
