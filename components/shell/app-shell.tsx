import type { ReactNode } from "react";
import { AccountPanel, type ShellUser } from "@/components/shell/account-panel";
import { Logo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { NavLinks } from "@/components/shell/nav-links";

export type AppShellProps = {
  user: ShellUser;
  children: ReactNode;
};

/** The id pages' skip link targets; AppShell renders the only <main>, so pages must not add another. */
export const MAIN_CONTENT_ID = "main-content";

/**
 * The signed-in frame: a sticky sidebar from lg up, a top bar with a menu below. The content column is
 * `min-w-0` so a wide table or chart shrinks and scrolls inside itself instead of widening the page.
 */
export function AppShell({ user, children }: AppShellProps) {
  const account = <AccountPanel user={user} />;
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      {/* Visually hidden until focused (not moved off-screen, which full-page screenshots can still catch mid-page). */}
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium text-foreground shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to content
      </a>
      {/* A landmark of its own, so the logo and the account panel are reachable by landmark navigation. */}
      <aside aria-label="Sidebar" className="hidden border-r border-border bg-surface lg:sticky lg:top-0 lg:flex lg:h-dvh lg:flex-col">
        <div className="flex h-16 shrink-0 items-center px-5">
          <Logo href="/overview" />
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-2">
          <NavLinks />
        </nav>
        <div className="border-t border-border p-3">{account}</div>
      </aside>
      <MobileNav account={account} />
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
        <div className="mx-auto w-full max-w-7xl">{children}</div>
      </main>
    </div>
  );
}
