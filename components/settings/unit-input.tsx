"use client";

import { Input, type InputProps } from "@/components/ui/input";

/**
 * A decimal input with its unit ("%") drawn inside on the right. The unit is decorative (aria-hidden):
 * the field's label must say it too, so a screen reader hears "in percent".
 */
export function UnitInput({ unit, className, ...props }: InputProps & { unit?: string }) {
  if (!unit) return <Input inputMode="decimal" autoComplete="off" className={`money text-right ${className ?? ""}`} {...props} />;
  return (
    <div className="relative">
      <Input inputMode="decimal" autoComplete="off" className={`money pr-8 text-right ${className ?? ""}`} {...props} />
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted-foreground">
        {unit}
      </span>
    </div>
  );
}
