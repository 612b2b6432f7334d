import type { ReactNode } from "react";

export const SETTINGS_SECTIONS = [
  { id: "general", label: "General" },
  { id: "rules", label: "Resilience rules" },
  { id: "target-mix", label: "Target mix" },
  { id: "rates", label: "Exchange rates" },
  { id: "tokens", label: "API tokens" },
  { id: "webhooks", label: "Webhooks" },
  { id: "data", label: "Data" },
  { id: "account", label: "Account" },
] as const;

export type SettingsSectionId = (typeof SETTINGS_SECTIONS)[number]["id"];

/**
 * One page, eight sections, so every setting is one scroll or one jump away (and /settings keeps the
 * token form automations docs point to). The jump links wrap on phones and stick beside the
 * sections from lg up.
 */
export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="mb-6 lg:sticky lg:top-8 lg:mb-0 lg:self-start">
      <ul className="flex flex-wrap gap-2 lg:flex-col lg:gap-0.5">
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              className="block rounded-full border border-border bg-surface px-3 py-1.5 text-sm font-medium text-muted-foreground transition-colors hover:bg-muted hover:text-foreground lg:rounded-md lg:border-0 lg:bg-transparent lg:py-2"
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A jump target; the scroll margin keeps its title clear of the sticky phone top bar. */
export function SettingsSection({ id, children }: { id: SettingsSectionId; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-20 lg:scroll-mt-8">
      {children}
    </section>
  );
}
