"use client";

import { usePathname } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { Button } from "@/components/ui/button";

/**
 * The phone top bar (below lg). The menu is a disclosure that pushes the page down rather than a
 * modal drawer: no focus trap to manage, and nothing can end up off-screen sideways at 390 px.
 */
export function MobileNav({ account }: { account: ReactNode }) {
  const pathname = usePathname();
  // Remember which page the menu was opened on: any navigation (a link, Back, a redirect) then closes
  // it without an effect that watches the path.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function close({ returnFocus }: { returnFocus: boolean }) {
    setOpenOn(null);
    if (returnFocus) buttonRef.current?.focus();
  }

  return (
    <header
      className="sticky top-0 z-40 border-b border-border bg-surface lg:hidden"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) close({ returnFocus: true });
      }}
    >
      <div className="flex h-14 items-center justify-between gap-3 px-4">
        <Logo href="/overview" />
        <Button
          ref={buttonRef}
          variant="ghost"
          size="sm"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <svg
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            aria-hidden="true"
            className="size-5"
          >
            {open ? <path d="M18 6 6 18M6 6l12 12" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </Button>
      </div>
      <div id={panelId} hidden={!open} className="max-h-[calc(100dvh-3.5rem)] overflow-y-auto border-t border-border px-3 pt-2 pb-4">
        {/* Rendered only while open: closed, the menu would hydrate a second copy of the sidebar for nothing. */}
        {open ? (
          <>
            <nav aria-label="Main">
              <NavLinks onNavigate={() => close({ returnFocus: false })} />
            </nav>
            <div className="mt-3 border-t border-border pt-3">{account}</div>
          </>
        ) : null}
      </div>
    </header>
  );
}
