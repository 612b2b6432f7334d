import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Hydrated } from "@/components/query/hydrated";
import { StreamDetail } from "@/components/streams/stream-detail";
import { RECENT_TRANSACTIONS } from "@/components/streams/stream-labels";
import { requireUser } from "@/lib/auth";
import { getStreamSummary, trailingYear } from "@/lib/data/stream-summary";
import { getStream, listStreams } from "@/lib/data/streams";
import { listTimeEntries } from "@/lib/data/time-entries";
import { listTransactions, transactionSuggestions } from "@/lib/data/transactions";
import { getUser } from "@/lib/data/users";
import { ApiError } from "@/lib/http-errors";
import { firstPage, streamsQuery, TIME_ENTRIES_PAGE, streamSummaryQuery, suggestionsQuery, timeEntriesQuery, transactionsQuery } from "@/lib/queries";
import { streamResponse } from "@/lib/schemas/streams";
import { timeEntryResponse } from "@/lib/schemas/time-entries";
import { suggestionsResponse, transactionResponse } from "@/lib/schemas/transactions";
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

export default async function StreamPage({ params }: Props) {
  const { id: userId } = await requireUser();
  const { id } = await params;
  const stream = await streamOr404(userId, id);
  const user = await getUser(userId);
  const [streams, summary, recent, time, suggestions] = await Promise.all([
    listStreams(userId),
    getStreamSummary(userId, stream.id, trailingYear(user.timeZone)),
    listTransactions(userId, { stream: stream.id, limit: RECENT_TRANSACTIONS }),
    listTimeEntries(userId, { stream: stream.id, limit: TIME_ENTRIES_PAGE }),
    transactionSuggestions(userId),
  ]);
  return (
    <Hydrated
      entries={[
        [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }],
        [streamSummaryQuery(stream.id).queryKey, summary],
        [
          transactionsQuery({ stream: stream.id }, RECENT_TRANSACTIONS).queryKey,
          firstPage({ data: recent.data.map((t) => transactionResponse.parse(t)), nextCursor: recent.nextCursor }),
        ],
        [timeEntriesQuery(stream.id).queryKey, firstPage({ data: time.data.map((t) => timeEntryResponse.parse(t)), nextCursor: time.nextCursor })],
        [suggestionsQuery().queryKey, suggestionsResponse.parse(suggestions)],
      ]}
    >
      <StreamDetail streamId={stream.id} baseCurrency={user.baseCurrency} today={todayIn(user.timeZone)} />
    </Hydrated>
  );
}
