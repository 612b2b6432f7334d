import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { ApiTokens } from "@/components/settings/api-tokens";
import { Sessions } from "@/components/settings/sessions";
import { currencyChoices, timeZoneChoices } from "@/components/settings/choices";
import { SettingsNav, SettingsSection } from "@/components/settings/settings-nav";
import { SettingsSections } from "@/components/settings/settings-sections";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listRates } from "@/lib/data/fx";
import { getSettings } from "@/lib/data/settings";
import { listStreamIncome, trailingYear } from "@/lib/data/stream-summary";
import { listTokens } from "@/lib/data/tokens";
import { fxRatesQuery, settingsQuery, streamIncomeQuery, tokensQuery } from "@/lib/queries";
import { fxRateResponse } from "@/lib/schemas/fx-rates";
import { settingsResponse } from "@/lib/schemas/settings";
import { tokenResponse } from "@/lib/schemas/tokens";
import { todayIn } from "@/lib/today";
import { signOutEverywhere } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const settings = settingsResponse.parse(await getSettings(user.id));
  const [rates, tokens, income] = await Promise.all([
    listRates(user.id),
    listTokens(user.id),
    listStreamIncome(user.id, trailingYear(settings.timeZone)),
  ]);
  return (
    <>
      <PageHeader title="Settings" description="Your currency, time zone, rule thresholds, exchange rates and API access." />
      <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
        <SettingsNav />
        <div className="flex min-w-0 flex-col gap-6">
          <Hydrated
            entries={[
              [settingsQuery().queryKey, settings],
              [fxRatesQuery().queryKey, { data: rates.map((r) => fxRateResponse.parse(r)), nextCursor: null }],
              [streamIncomeQuery().queryKey, income],
              [tokensQuery().queryKey, { data: tokens.map((t) => tokenResponse.parse(t)), nextCursor: null }],
            ]}
          >
            <SettingsSections currencies={currencyChoices()} timeZones={timeZoneChoices(settings.timeZone)} today={todayIn(settings.timeZone)} />
            <SettingsSection id="tokens">
              <div className="flex flex-col gap-6">
                <ApiTokens />
                <Sessions signOutEverywhere={signOutEverywhere} />
              </div>
            </SettingsSection>
          </Hydrated>
        </div>
      </div>
    </>
  );
}
