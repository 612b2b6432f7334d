import { cx } from "@/components/ui/cx";

export type SkeletonProps = { className?: string };

/**
 * A grey placeholder block; give it a size with className (e.g. "h-4 w-32"). It is hidden from
 * assistive tech: the panel that is loading should set aria-busy and/or render a labelled Spinner.
 */
export function Skeleton({ className }: SkeletonProps) {
  return <div aria-hidden="true" className={cx("animate-pulse rounded-md bg-muted", className)} />;
}
