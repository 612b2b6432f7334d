"use server";

// Read-only server functions behind the streams pages' react-query fetchers. The figures they return
// have no /api/v1 route yet; each one authenticates itself (a server function is a public endpoint)
// and hands the user's id to lib/data, which scopes every query by it.
import { requireUser } from "@/lib/auth";
import { getStreamSummary, listStreamIncome, trailingYear } from "@/lib/data/stream-summary";
import { countStreamTransactions } from "@/lib/data/streams";
import { getUser } from "@/lib/data/users";
import { isUuid } from "@/lib/ids";

async function signedInUser() {
  const { id } = await requireUser();
  return getUser(id);
}

export async function loadStreamIncome() {
  const user = await signedInUser();
  return listStreamIncome(user.id, trailingYear(user.timeZone));
}

export async function loadStreamSummary(streamId: string) {
  const user = await signedInUser();
  return getStreamSummary(user.id, streamId, trailingYear(user.timeZone));
}

export async function loadStreamTransactionCount(streamId: string) {
  const { id } = await requireUser();
  return isUuid(streamId) ? countStreamTransactions(id, streamId) : 0;
}
