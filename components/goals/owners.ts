import { streamColor } from "@/components/streams/stream-labels";
import type { StreamView } from "@/lib/schemas/streams";

export type GoalOwner = { streamId: string | null; name: string; color: string };

/** The portfolio's own name wherever a goal owner is listed. */
export const PORTFOLIO = "Whole portfolio";

/** A goal's owner for display: the portfolio, or a stream with the colour it has everywhere else. */
export function ownerOf(streamId: string | null, streams: readonly StreamView[] | undefined): GoalOwner {
  if (streamId === null) return { streamId, name: PORTFOLIO, color: "var(--primary)" };
  const stream = streams?.find((s) => s.id === streamId);
  return { streamId, name: stream?.name ?? "A deleted stream", color: stream ? streamColor(stream) : "var(--chart-8)" };
}

/** Portfolio first, then streams in the streams list's order (the order the Streams page shows). */
export function ownerOrder(streamId: string | null, streams: readonly StreamView[] | undefined): number {
  if (streamId === null) return -1;
  const index = streams?.findIndex((s) => s.id === streamId) ?? -1;
  return index >= 0 ? index : Number.MAX_SAFE_INTEGER;
}

/** Distinct owners of some rows, in display order. */
export function ownersIn(rows: readonly { streamId: string | null }[], streams: readonly StreamView[] | undefined): GoalOwner[] {
  const ids = [...new Set(rows.map((r) => r.streamId))];
  return ids.sort((a, b) => ownerOrder(a, streams) - ownerOrder(b, streams)).map((id) => ownerOf(id, streams));
}
