import type { Metadata } from "next";
import { AutomationsGuide } from "@/components/automations/automations-guide";
import { Hydrated } from "@/components/query/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { readSettings, readTokens } from "@/lib/api/account";
import { readSchedules } from "@/lib/api/schedules";
import { readStreams } from "@/lib/api/streams";
import { appOrigin } from "@/lib/app-origin";
import { requireUser } from "@/lib/auth";
import { settingsQuery, tokensQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";

export const metadata: Metadata = { title: "Automations" };

export default async function AutomationsPage() {
  const user = await requireUser();
  const [settings, tokens, streams, schedules, origin] = await Promise.all([
    readSettings(user.id),
    readTokens(user.id),
    readStreams(user.id, { status: "active" }),
    readSchedules(user.id),
    appOrigin(),
  ]);
  return (
    <Hydrated
      entries={[
        [settingsQuery().queryKey, settings],
        [tokensQuery().queryKey, tokens],
      ]}
    >
      <PageHeader
        title="Automations"
        description="Log payments and read your figures from scripts, Zapier or Make: your tokens, copy-ready requests for this app and step-by-step recipes."
      />
      <AutomationsGuide
        origin={origin}
        today={todayIn(settings.timeZone)}
        baseCurrency={settings.baseCurrency}
        streams={streams.data}
        schedules={schedules.data}
      />
    </Hydrated>
  );
}
