import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { StreamsBoard } from "@/components/streams/streams-board";
import { requireUser } from "@/lib/auth";
import { metricsEntries, streamsEntry } from "@/lib/dashboard";
import { getUser } from "@/lib/data/users";
import { recentWindow } from "@/lib/metrics/window";
import { todayIn } from "@/lib/today";

export const metadata: Metadata = { title: "Streams" };

export default async function StreamsPage() {
  const { id } = await requireUser();
  const user = await getUser(id);
  const today = todayIn(user.timeZone);
  const [streams, metrics] = await Promise.all([streamsEntry(id), metricsEntries(id, [recentWindow(today)])]);
  return (
    <Hydrated entries={[streams, ...metrics]}>
      <StreamsBoard today={today} />
    </Hydrated>
  );
}
