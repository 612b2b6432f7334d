import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type LabelProps = ComponentProps<"label">;

export function Label({ className, ...props }: LabelProps) {
  return <label className={cx("text-sm font-medium text-foreground", className)} {...props} />;
}
