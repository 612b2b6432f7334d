"use client";

import type { ComponentProps } from "react";
import { controlClasses } from "@/components/ui/control";
import { cx } from "@/components/ui/cx";
import { useFieldControlProps } from "@/components/ui/field";

export type SelectProps = ComponentProps<"select">;

/**
 * A native <select>: the platform picker is the most accessible and the best on phones.
 * Pass <option>s as children; add `<option value="">Choose…</option>` for an empty first choice.
 */
export function Select({ className, children, ...props }: SelectProps) {
  const fieldProps = useFieldControlProps(props);
  return (
    <select className={cx(controlClasses, "select-chevron h-10 pl-3", className)} {...fieldProps}>
      {children}
    </select>
  );
}
