import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { StreamsBoard } from "@/components/streams/streams-board";
import { readSilence } from "@/lib/api/streams";
import { requireUser } from "@/lib/auth";
import { metricsEntries, streamsEntry } from "@/lib/dashboard";
import { getUser } from "@/lib/data/users";
import { recentWindow } from "@/lib/metrics/window";
import { silenceQuery } from "@/lib/queries";
import { todayIn } from "@/lib/today";

export const metadata: Metadata = { title: "Streams" };

export default async function StreamsPage() {
  const { id } = await requireUser();
  const user = await getUser(id);
  const today = todayIn(user.timeZone);
  const [streams, metrics, silence] = await Promise.all([streamsEntry(id), metricsEntries(id, [recentWindow(today)]), readSilence(id)]);
  return (
    <Hydrated entries={[streams, ...metrics, [silenceQuery().queryKey, silence]]}>
      <StreamsBoard today={today} />
    </Hydrated>
  );
}
