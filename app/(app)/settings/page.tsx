import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { AccountSection } from "@/components/settings/account-section";
import { ApiTokens } from "@/components/settings/api-tokens";
import { DataSection } from "@/components/settings/data-section";
import { Sessions } from "@/components/settings/sessions";
import { TwoFactorSection } from "@/components/settings/two-factor-section";
import { currencyChoices, timeZoneChoices } from "@/components/settings/choices";
import { SettingsNav, SettingsSection } from "@/components/settings/settings-nav";
import { SettingsSections } from "@/components/settings/settings-sections";
import { Webhooks } from "@/components/settings/webhooks";
import { PageHeader } from "@/components/ui/page-header";
import { readSettings, readTokens } from "@/lib/api/account";
import { readAccountSecurity } from "@/lib/api/account-security";
import { readRates, readUnpriced } from "@/lib/api/fx-rates";
import { currentSessionId, requireUser } from "@/lib/auth";
import { readWebhooks } from "@/lib/api/webhooks";
import { fxRatesQuery, settingsQuery, tokensQuery, unpricedQuery, webhooksQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";
import { signOutEverywhere } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const [settings, rates, tokens, unpriced, hooks] = await Promise.all([
    readSettings(user.id),
    readRates(user.id),
    readTokens(user.id),
    readUnpriced(user.id),
    readWebhooks(user.id),
  ]);
  const account = await readAccountSecurity(user.id, await currentSessionId());
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your currency, time zone, rule thresholds, exchange rates, API access, webhooks, your data (imports, export and backup) and your account."
      />
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
        <SettingsNav />
        <div className="flex min-w-0 flex-col gap-6">
          <Hydrated
            entries={[
              [settingsQuery().queryKey, settings],
              [fxRatesQuery().queryKey, rates],
              [unpricedQuery(unpriced.base).queryKey, unpriced],
              [tokensQuery().queryKey, tokens],
              [webhooksQuery().queryKey, hooks],
            ]}
          >
            <SettingsSections
              currencies={currencyChoices()}
              timeZones={timeZoneChoices(settings.timeZone)}
              today={todayIn(settings.timeZone)}
            />
            <SettingsSection id="tokens">
              <ApiTokens />
            </SettingsSection>
            <SettingsSection id="webhooks">
              <Webhooks />
            </SettingsSection>
            <SettingsSection id="data">
              <DataSection />
            </SettingsSection>
            <SettingsSection id="account">
              <AccountSection email={user.email} timeZone={settings.timeZone} view={account}>
                <Sessions signOutEverywhere={signOutEverywhere} />
                <TwoFactorSection userId={user.id} />
              </AccountSection>
            </SettingsSection>
          </Hydrated>
        </div>
      </div>
    </>
  );
}
