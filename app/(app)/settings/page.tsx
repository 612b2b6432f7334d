import type { Metadata } from "next";
import { ApiTokens } from "@/components/settings/api-tokens";
import { Hydrated } from "@/components/query/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth";
import { listTokens } from "@/lib/data/tokens";
import { tokensQuery } from "@/lib/queries";
import { tokenResponse } from "@/lib/schemas/tokens";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const tokens = { data: (await listTokens(user.id)).map((t) => tokenResponse.parse(t)), nextCursor: null };
  return (
    <>
      <PageHeader title="Settings" description="Your currency, time zone, rule thresholds, exchange rates and API access." />
      <Hydrated entries={[[tokensQuery().queryKey, tokens]]}>
        <ApiTokens />
      </Hydrated>
    </>
  );
}
