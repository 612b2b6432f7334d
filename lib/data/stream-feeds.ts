import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { streamFeeds, streams } from "@/db/schema";
import { unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";

export interface StreamLinks {
  /** The streams this one feeds (brings clients, audience or material to). */
  feeds: string[];
  /** The streams that feed this one. */
  fedBy: string[];
}

/** Each stream's links both ways; streams without any are absent (read `linksOf`). */
export async function loadStreamLinks(userId: string, db?: Executor, streamId?: string): Promise<Map<string, StreamLinks>> {
  const conn = db ?? (await getDb());
  const rows = await conn
    .select({ from: streamFeeds.fromStreamId, to: streamFeeds.toStreamId })
    .from(streamFeeds)
    .where(
      and(
        eq(streamFeeds.userId, userId),
        streamId ? or(eq(streamFeeds.fromStreamId, streamId), eq(streamFeeds.toStreamId, streamId)) : undefined,
      ),
    )
    .orderBy(streamFeeds.fromStreamId, streamFeeds.toStreamId);
  const links = new Map<string, StreamLinks>();
  const of = (id: string) => links.get(id) ?? links.set(id, { feeds: [], fedBy: [] }).get(id)!;
  for (const r of rows) {
    of(r.from).feeds.push(r.to);
    of(r.to).fedBy.push(r.from);
  }
  return links;
}

export const linksOf = (links: Map<string, StreamLinks>, id: string): StreamLinks => links.get(id) ?? { feeds: [], fedBy: [] };

/** The streams with their links, for the API's answers. */
export async function withLinks<T extends { id: string }>(userId: string, rows: readonly T[], db?: Executor) {
  const links = await loadStreamLinks(userId, db, rows.length === 1 ? rows[0]!.id : undefined);
  return rows.map((r) => ({ ...r, ...linksOf(links, r.id) }));
}

/**
 * Replaces the set of streams `streamId` feeds. Each must be another of the caller's streams; a wrong one
 * is a 422 naming its place in the list, and nothing changes.
 */
export async function setStreamFeeds(tx: Executor, userId: string, streamId: string, feeds: readonly string[]) {
  const wanted = [...new Set(feeds)];
  const valid = wanted.filter(isUuid);
  const found = new Set(
    valid.length
      ? (
          await tx
            .select({ id: streams.id })
            .from(streams)
            .where(and(eq(streams.userId, userId), inArray(streams.id, valid)))
        ).map((r) => r.id)
      : [],
  );
  const errors = feeds.flatMap((id, i) =>
    id === streamId
      ? [{ path: `feeds.${i}`, message: "A stream does not feed itself." }]
      : found.has(id)
        ? []
        : [{ path: `feeds.${i}`, message: "No such stream." }],
  );
  if (errors.length) throw unprocessable("The linked streams did not pass validation; nothing was saved.", errors);
  await tx.delete(streamFeeds).where(and(eq(streamFeeds.userId, userId), eq(streamFeeds.fromStreamId, streamId)));
  if (wanted.length) await tx.insert(streamFeeds).values(wanted.map((to) => ({ userId, fromStreamId: streamId, toStreamId: to })));
}
