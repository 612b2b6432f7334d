import type { Metadata } from "next";
import { Hydrated } from "@/components/query/hydrated";
import { StreamsBoard } from "@/components/streams/streams-board";
import { requireUser } from "@/lib/auth";
import { listStreamIncome, trailingYear } from "@/lib/data/stream-summary";
import { listStreams } from "@/lib/data/streams";
import { getUser } from "@/lib/data/users";
import { streamIncomeQuery, streamsQuery } from "@/lib/queries";
import { streamResponse } from "@/lib/schemas/streams";

export const metadata: Metadata = { title: "Streams" };

export default async function StreamsPage() {
  const { id } = await requireUser();
  const user = await getUser(id);
  const [streams, income] = await Promise.all([listStreams(user.id), listStreamIncome(user.id, trailingYear(user.timeZone))]);
  return (
    <Hydrated
      entries={[
        [streamsQuery().queryKey, { data: streams.map((s) => streamResponse.parse(s)), nextCursor: null }],
        [streamIncomeQuery().queryKey, income],
      ]}
    >
      <StreamsBoard />
    </Hydrated>
  );
}
