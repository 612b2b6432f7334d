import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type EmptyStateProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Usually the one next step, e.g. a "Add a stream" button or link. */
  action?: ReactNode;
  /** Optional decorative icon; rendered aria-hidden. */
  icon?: ReactNode;
  className?: string;
};

/**
 * What a panel shows when it has nothing yet. The title is a paragraph, not a heading, so an empty
 * panel never breaks the page's heading outline.
 */
export function EmptyState({ title, description, action, icon, className }: EmptyStateProps) {
  return (
    <div
      className={cx(
        "flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border px-4 py-10 text-center",
        className,
      )}
    >
      {icon ? (
        <div aria-hidden="true" className="mb-1 text-muted-foreground [&_svg]:size-8">
          {icon}
        </div>
      ) : null}
      <p className="text-base font-semibold text-foreground">{title}</p>
      {description ? <p className="max-w-prose text-sm text-muted-foreground">{description}</p> : null}
      {action ? <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
