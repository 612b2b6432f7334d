"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { cx } from "@/components/ui/cx";
import { IntentLink } from "@/components/ui/intent-link";

const TABS = [
  { href: "/overview", label: "Overview" },
  { href: "/diversification", label: "Diversification" },
  { href: "/risk", label: "Risk" },
  { href: "/concentration", label: "Concentration" },
  { href: "/resilience", label: "Resilience" },
] as const;

/**
 * The insight pages; the window travels with every link so all pages show the same months. On a phone the
 * five tabs wrap onto a second line rather than scroll sideways, where the last ones would hide unannounced.
 */
export function DashboardTabs() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return (
    <nav aria-label="Insights">
      <ul className="flex flex-wrap gap-x-1 border-b border-border">
        {TABS.map((t) => {
          const active = pathname === t.href;
          return (
            <li key={t.href}>
              <IntentLink
                href={query ? `${t.href}?${query}` : t.href}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "-mb-px inline-flex h-10 items-center border-b-2 px-2.5 text-sm font-medium sm:px-3",
                  active ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
                )}
              >
                {t.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
