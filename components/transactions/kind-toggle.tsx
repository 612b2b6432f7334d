"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { ENTRY_KIND_LABELS, ENTRY_KINDS, type EntryKind } from "./entry-kind";

/**
 * Income / Expense / Refund as one radio group: a single Tab stop, arrow keys to change, and the
 * choice visible at a glance. A native radio group also keeps the focus order of the form simple.
 */
export function KindToggle({
  value,
  onChange,
  label = "Kind",
  className,
}: {
  value: EntryKind;
  onChange: (k: EntryKind) => void;
  label?: string;
  className?: string;
}) {
  const name = useId();
  return (
    <fieldset className={cx("flex min-w-0 flex-col gap-1.5", className)}>
      <legend className="mb-1.5 text-sm font-medium text-foreground">{label}</legend>
      <div className="grid h-10 grid-cols-3 rounded-md border border-input bg-surface p-0.5 shadow-xs">
        {ENTRY_KINDS.map((k) => (
          <label
            key={k}
            className={cx(
              "flex cursor-pointer items-center justify-center rounded px-2 text-sm font-medium text-muted-foreground transition-colors select-none",
              "hover:text-foreground has-[:checked]:bg-primary has-[:checked]:text-primary-foreground",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-ring",
            )}
          >
            <input type="radio" name={name} value={k} checked={value === k} onChange={() => onChange(k)} className="sr-only" />
            {ENTRY_KIND_LABELS[k]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
