import { cx } from "@/components/ui/cx";
import { IntentLink } from "@/components/ui/intent-link";

/** The wordmark: three bars of different heights in the first chart colours, i.e. several streams. */
export function Logo({ href, className }: { href: string; className?: string }) {
  return (
    <IntentLink
      href={href}
      className={cx("inline-flex items-center gap-2 rounded-md text-base font-semibold tracking-tight text-foreground", className)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6">
        <rect x="3" y="10" width="4.5" height="11" rx="1.5" fill="var(--chart-1)" />
        <rect x="9.75" y="4" width="4.5" height="17" rx="1.5" fill="var(--chart-3)" />
        <rect x="16.5" y="13" width="4.5" height="8" rx="1.5" fill="var(--chart-2)" />
      </svg>
      Streamfolio
    </IntentLink>
  );
}
