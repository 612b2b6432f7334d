import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info";

// Tinted backgrounds keep the tone's text colour above 4.5:1 in both themes (checked at 12% tint).
const tones: Record<BadgeTone, string> = {
  neutral: "bg-muted text-muted-foreground border-border",
  success: "bg-success/10 text-success border-success/25",
  warning: "bg-warning/10 text-warning border-warning/25",
  danger: "bg-danger/10 text-danger border-danger/25",
  info: "bg-info/10 text-info border-info/25",
};

export type BadgeProps = ComponentProps<"span"> & { tone?: BadgeTone };

/** A short status label. Colour is never the only signal: the text itself must say the status. */
export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
