"use client";

import type { ComponentProps } from "react";
import { controlClasses } from "@/components/ui/control";
import { cx } from "@/components/ui/cx";
import { useFieldControlProps } from "@/components/ui/field";

export type InputProps = ComponentProps<"input">;

/** A text-like <input> that fills its container; inside a <Field> it picks up id, aria-describedby and aria-invalid. */
export function Input({ className, type = "text", ...props }: InputProps) {
  const fieldProps = useFieldControlProps(props);
  return (
    <input
      type={type}
      className={cx(
        controlClasses,
        "h-10 px-3",
        // File inputs: style the native "Choose file" button like a small secondary button.
        "file:mr-3 file:rounded file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:font-medium file:text-foreground",
        type === "file" && "py-1.5",
        className,
      )}
      {...fieldProps}
    />
  );
}
