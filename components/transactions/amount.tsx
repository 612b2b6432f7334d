import { cx } from "@/components/ui/cx";
import { formatMoney } from "@/lib/format";

/** An amount in its currency's own format; a negative one (a refund, a net loss) in the negative colour. */
export function Amount({ minor, currency, className }: { minor: number; currency: string; className?: string }) {
  return <span className={cx("money", minor < 0 && "text-negative", className)}>{formatMoney(minor, currency)}</span>;
}
