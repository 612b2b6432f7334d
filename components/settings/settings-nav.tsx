import type { ReactNode } from "react";
import { JumpNav } from "@/components/ui/jump-nav";

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
 * token form automations docs point to).
 */
export function SettingsNav() {
  return <JumpNav label="Settings sections" sections={SETTINGS_SECTIONS} />;
}

/** A jump target; the scroll margin keeps its title clear of the sticky phone top bar. */
export function SettingsSection({ id, children }: { id: SettingsSectionId; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-20 lg:scroll-mt-8">
      {children}
    </section>
  );
}
