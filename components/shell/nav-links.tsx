"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useRememberedWindow, withWindow } from "@/components/dashboard/window-memory";
import { cx } from "@/components/ui/cx";
import { IntentLink } from "@/components/ui/intent-link";
import { unreadInsightsQuery } from "@/lib/queries";

const iconProps = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.75,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  "aria-hidden": true,
  className: "size-4.5 shrink-0",
} as const;

/** `dashboard`: the link opens a dashboard, and carries the window the user last looked at. */
const navItems: ReadonlyArray<{ href: string; label: string; icon: ReactNode; dashboard?: true }> = [
  {
    href: "/overview",
    label: "Overview",
    dashboard: true,
    icon: (
      <svg {...iconProps}>
        <rect x="3" y="3" width="7" height="9" rx="1.5" />
        <rect x="14" y="3" width="7" height="5" rx="1.5" />
        <rect x="14" y="12" width="7" height="9" rx="1.5" />
        <rect x="3" y="16" width="7" height="5" rx="1.5" />
      </svg>
    ),
  },
  {
    href: "/streams",
    label: "Streams",
    icon: (
      <svg {...iconProps}>
        <path d="M3 7c3-2 6 2 9 0s6-2 9 0M3 12c3-2 6 2 9 0s6-2 9 0M3 17c3-2 6 2 9 0s6-2 9 0" />
      </svg>
    ),
  },
  {
    href: "/transactions",
    label: "Transactions",
    icon: (
      <svg {...iconProps}>
        <path d="M4 8h14l-3-3M20 16H6l3 3" />
      </svg>
    ),
  },
  {
    href: "/goals",
    label: "Goals",
    dashboard: true,
    icon: (
      <svg {...iconProps}>
        <circle cx="12" cy="12" r="9" />
        <circle cx="12" cy="12" r="5" />
        <circle cx="12" cy="12" r="1" />
      </svg>
    ),
  },
  {
    href: "/plan",
    label: "Plan",
    icon: (
      <svg {...iconProps}>
        <path d="M3 17l5-5 4 3 8-8" />
        <path d="M15 7h5v5" />
        <path d="M3 21h18" strokeDasharray="2 3" />
      </svg>
    ),
  },
  {
    href: "/insights",
    label: "Insights",
    icon: (
      <svg {...iconProps}>
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
    ),
  },
  {
    href: "/import",
    label: "Import",
    icon: (
      <svg {...iconProps}>
        <path d="M12 3v12M7 10l5 5 5-5M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
    ),
  },
  {
    href: "/automations",
    label: "Automations",
    icon: (
      <svg {...iconProps}>
        <path d="M13 3 5 14h6l-1 7 8-11h-6l1-7z" />
      </svg>
    ),
  },
  {
    href: "/settings",
    label: "Settings",
    icon: (
      <svg {...iconProps}>
        <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
        <circle cx="15" cy="6" r="2" />
        <circle cx="9" cy="12" r="2" />
        <circle cx="17" cy="18" r="2" />
      </svg>
    ),
  },
];

/** How many insights are unread, beside "Insights"; nothing when none. */
function UnreadBadge() {
  const unread = useQuery(unreadInsightsQuery()).data ?? 0;
  if (unread === 0) return null;
  return (
    <span className="ml-auto rounded-full bg-primary px-1.5 py-0.5 text-xs leading-none font-semibold text-primary-foreground tabular-nums">
      {unread > 99 ? "99+" : unread}
      <span className="sr-only"> unread</span>
    </span>
  );
}

/** A section is active on its own page and on anything below it (/streams/abc keeps "Streams" lit). */
function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The main navigation. The dashboard links carry the window remembered for this tab (see window-memory),
 * so going to Streams and back to Overview keeps "6M"; the server renders them plain and the browser adds
 * the window after hydration.
 */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const remembered = useRememberedWindow();
  return (
    <ul className="flex flex-col gap-0.5">
      {navItems.map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <IntentLink
              href={item.dashboard ? withWindow(item.href, remembered) : item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cx(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                active
                  ? "bg-primary/10 text-foreground [&_svg]:text-primary"
                  : "text-muted-foreground hover:bg-muted hover:text-foreground",
              )}
            >
              {item.icon}
              {item.label}
              {item.href === "/insights" ? <UnreadBadge /> : null}
            </IntentLink>
          </li>
        );
      })}
    </ul>
  );
}
