"use client";

import type { ComponentProps } from "react";
import { controlClasses } from "@/components/ui/control";
import { cx } from "@/components/ui/cx";
import { useFieldControlProps } from "@/components/ui/field";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 3, ...props }: TextareaProps) {
  const fieldProps = useFieldControlProps(props);
  return <textarea rows={rows} className={cx(controlClasses, "min-h-20 resize-y px-3 py-2", className)} {...fieldProps} />;
}
