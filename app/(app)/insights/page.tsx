import type { Metadata } from "next";
import { InsightsFeed } from "@/components/insights/insights-feed";
import { Hydrated } from "@/components/query/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { readInsights } from "@/lib/api/insights";
import { requireUser } from "@/lib/auth";
import { getUser } from "@/lib/data/users";
import { firstPage, INSIGHTS_PAGE, insightsFeedQuery, unreadInsightsQuery } from "@/lib/queries";

export const metadata: Metadata = { title: "Insights" };

export default async function InsightsPage() {
  const { id } = await requireUser();
  const [feed, user] = await Promise.all([readInsights(id, { limit: INSIGHTS_PAGE }), getUser(id)]);
  return (
    <Hydrated
      entries={[
        [insightsFeedQuery().queryKey, firstPage(feed)],
        [unreadInsightsQuery().queryKey, feed.unread],
      ]}
    >
      <PageHeader
        title="Insights"
        description="What changed in your income, as it happens: payments gone late, streams gone quiet, goals reached, and each month's close."
      />
      <InsightsFeed timeZone={user.timeZone} />
    </Hydrated>
  );
}
