"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { Label } from "@/components/ui/label";

type FieldContextValue = {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
};

const FieldContext = createContext<FieldContextValue | null>(null);

type ControlA11yProps = {
  id?: string;
  required?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
};

/**
 * Wires a control to the surrounding <Field>: its id (so the label points at it), the hint and error
 * ids, aria-invalid and required. Input, Textarea and Select call it; call it from any custom control
 * that should work inside a Field. Inside a Field, the Field's id wins (set `id` on the Field) because
 * the label has already been rendered against it.
 */
export function useFieldControlProps<P extends ControlA11yProps>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  const describedBy = [field.describedBy, props["aria-describedby"]].filter(Boolean).join(" ");
  return {
    ...props,
    id: field.id,
    required: props.required ?? (field.required || undefined),
    "aria-describedby": describedBy || undefined,
    "aria-invalid": props["aria-invalid"] ?? (field.invalid || undefined),
  };
}

export type FieldProps = {
  label: ReactNode;
  /** The control: <Input>, <Textarea>, <Select>, or a custom one using useFieldControlProps. */
  children: ReactNode;
  hint?: ReactNode;
  /** One message or several (e.g. a zod issue list for this path); empty or missing means valid. */
  error?: string | readonly string[] | null;
  required?: boolean;
  /** The control's id; generated when omitted. */
  id?: string;
  className?: string;
};

export function Field({ label, children, hint, error, required = false, id, className }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const errors = [...new Set(typeof error === "string" ? [error] : (error ?? []))].filter((message) => message.length > 0);
  const invalid = errors.length > 0;
  // The error comes first so a screen reader says what is wrong before the general hint.
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={controlId}>
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-0.5 text-danger">
            *
          </span>
        ) : null}
      </Label>
      <FieldContext value={{ id: controlId, describedBy, invalid, required }}>{children}</FieldContext>
      {hint ? (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <div id={errorId} className="flex flex-col gap-0.5 text-sm font-medium text-danger">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
