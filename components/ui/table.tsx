import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type TableProps = ComponentProps<"table"> & {
  /**
   * Names the scroll container. When set, the container becomes a focusable, labelled region so
   * keyboard users can scroll a wide table sideways; set it on tables without links or buttons inside.
   */
  label?: string;
  containerClassName?: string;
};

/**
 * A table that scrolls inside its own box when it is wider than the screen, so the page itself never
 * scrolls sideways. The container is `min-w-0 max-w-full`; a flex or grid parent must not force it wider.
 */
export function Table({ label, containerClassName, className, ...props }: TableProps) {
  return (
    <div
      className={cx("relative w-full max-w-full min-w-0 overflow-x-auto", containerClassName)}
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table className={cx("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cx("border-b border-border", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cx("[&>tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cx("border-t border-border bg-muted/50 font-medium", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("border-b border-border transition-colors hover:bg-muted/50", className)} {...props} />;
}

type CellAlignment = {
  /** Right-aligned tabular figures, for money and counts. */
  numeric?: boolean;
};

export function TableHead({ className, numeric, scope = "col", ...props }: ComponentProps<"th"> & CellAlignment) {
  return (
    <th
      scope={scope}
      className={cx(
        "h-10 px-3 text-left align-middle text-xs font-medium tracking-wide whitespace-nowrap text-muted-foreground uppercase",
        numeric && "text-right",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric, ...props }: ComponentProps<"td"> & CellAlignment) {
  return <td className={cx("px-3 py-2.5 align-middle", numeric && "money text-right", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cx("mt-3 text-sm text-muted-foreground", className)} {...props} />;
}
