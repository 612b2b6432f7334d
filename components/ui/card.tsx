import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";

export type CardProps = ComponentProps<"div">;

export function Card({ className, ...props }: CardProps) {
  return <div className={cx("min-w-0 rounded-xl border border-border bg-surface text-foreground shadow-xs", className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("flex flex-col gap-1 px-4 pt-4 sm:px-5 sm:pt-5", className)} {...props} />;
}

type HeadingLevel = "h1" | "h2" | "h3" | "h4";

export type CardTitleProps = ComponentProps<"h2"> & {
  /** Heading level in the page outline: h2 under a page's h1 (default), h3 inside a titled section, h1 when the card is the page (sign-in). */
  as?: HeadingLevel;
};

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cx("text-base leading-6 font-semibold text-foreground", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cx("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("p-4 sm:p-5", className)} {...props} />;
}
