import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Hydrated } from "@/components/query/hydrated";
import { StreamDetail } from "@/components/streams/stream-detail";
import { RECENT_TRANSACTIONS } from "@/components/streams/stream-labels";
import { occurrenceWindow } from "@/components/schedules/schedule-labels";
import { readOccurrences, readScheduleSuggestions, readSchedules } from "@/lib/api/schedules";
import { readSilence, readStreamClients } from "@/lib/api/streams";
import { readTimeEntries } from "@/lib/api/time-entries";
import { readSuggestions, readTransactions } from "@/lib/api/transactions";
import { requireUser } from "@/lib/auth";
import { metricsEntries, streamsEntry } from "@/lib/dashboard";
import { getStream } from "@/lib/data/streams";
import { getUser } from "@/lib/data/users";
import { ApiError } from "@/lib/http-errors";
import { recentWindow } from "@/lib/metrics/window";
import {
  firstPage,
  occurrencesQuery,
  scheduleSuggestionsQuery,
  schedulesQuery,
  silenceQuery,
  streamClientsQuery,
  suggestionsQuery,
  TIME_ENTRIES_PAGE,
  timeEntriesQuery,
  transactionsQuery,
} from "@/lib/queries";
import { todayIn } from "@/lib/today";

type Props = { params: Promise<{ id: string }> };

/** The stream, or Next's 404 page: another user's id is as unknown here as a made-up one. */
async function streamOr404(userId: string, id: string) {
  try {
    return await getStream(userId, id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id: userId } = await requireUser();
  const stream = await streamOr404(userId, (await params).id);
  return { title: stream.name };
}

/** Every read through lib/api, the functions the API answers with, under the keys the client asks with. */
export default async function StreamPage({ params }: Props) {
  const { id: userId } = await requireUser();
  const stream = await streamOr404(userId, (await params).id);
  const user = await getUser(userId);
  const today = todayIn(user.timeZone);
  const window = recentWindow(today);
  const occurrenceDays = occurrenceWindow(today);
  const [streams, metrics, clients, recent, time, suggestions, schedules, occurrences, matches, silence] = await Promise.all([
    streamsEntry(userId),
    metricsEntries(userId, [window]),
    readStreamClients(userId, stream.id, { ...window, limit: 5 }),
    readTransactions(userId, { stream: stream.id, limit: RECENT_TRANSACTIONS }),
    readTimeEntries(userId, { stream: stream.id, limit: TIME_ENTRIES_PAGE }),
    readSuggestions(userId),
    readSchedules(userId, { stream: stream.id }),
    readOccurrences(userId, { stream: stream.id, ...occurrenceDays, limit: 500 }),
    readScheduleSuggestions(userId, { stream: stream.id }),
    readSilence(userId),
  ]);
  return (
    <Hydrated
      entries={[
        streams,
        ...metrics,
        [streamClientsQuery(stream.id, window).queryKey, clients],
        [transactionsQuery({ stream: stream.id }, RECENT_TRANSACTIONS).queryKey, firstPage(recent)],
        [timeEntriesQuery(stream.id).queryKey, firstPage(time)],
        [suggestionsQuery().queryKey, suggestions],
        [schedulesQuery(stream.id).queryKey, schedules],
        [occurrencesQuery(stream.id, occurrenceDays).queryKey, occurrences],
        [scheduleSuggestionsQuery(stream.id).queryKey, matches],
        [silenceQuery().queryKey, silence],
      ]}
    >
      <StreamDetail streamId={stream.id} baseCurrency={user.baseCurrency} today={today} />
    </Hydrated>
  );
}
