"use client";

import { useQuery } from "@tanstack/react-query";
import { Spinner } from "@/components/ui/spinner";
import { settingsQuery } from "@/lib/queries";
import type { CurrencyChoice } from "./choices";
import { FxRates } from "./fx-rates";
import { GeneralSettings } from "./general-settings";
import { RuleThresholds } from "./rule-thresholds";
import { SettingsSection } from "./settings-nav";
import { TargetMix } from "./target-mix";

export type SettingsSectionsProps = { currencies: CurrencyChoice[]; timeZones: string[]; today: string };

/** The sections that read the settings resource; each saves its own part with a partial PATCH. */
export function SettingsSections({ currencies, timeZones, today }: SettingsSectionsProps) {
  const settings = useQuery(settingsQuery());
  if (settings.isPending) return <Spinner label="Loading your settings" />;
  if (settings.isError) {
    return (
      <p role="alert" className="text-sm text-danger">
        Could not load your settings. Reload the page to try again.
      </p>
    );
  }
  const s = settings.data;
  return (
    <>
      <SettingsSection id="general">
        <GeneralSettings settings={s} currencies={currencies} timeZones={timeZones} />
      </SettingsSection>
      <SettingsSection id="rules">
        <RuleThresholds settings={s} />
      </SettingsSection>
      <SettingsSection id="target-mix">
        <TargetMix settings={s} />
      </SettingsSection>
      <SettingsSection id="rates">
        <FxRates baseCurrency={s.baseCurrency} currencies={currencies} today={today} />
      </SettingsSection>
    </>
  );
}
