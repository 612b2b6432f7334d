/**
 * Streams that feed each other are not independent: losing a feeder threatens what it feeds, and what
 * those feed in turn. METRICS.md does not define a figure for it; the app shows, for each feeder, the
 * share of income that depends on it: its own share plus the shares of every stream it reaches through
 * the links (each counted once, cycles included), over the page's window.
 */

export interface FeedLink {
  from: string;
  to: string;
}

export interface FeederExposure {
  id: string;
  /** The streams it reaches through the links, directly or through others, in the order reached. */
  reaches: string[];
  /** Its own share plus the shares of the streams it reaches (null shares count as 0). */
  shareAtRisk: number;
}

/** One entry per stream that feeds at least one other, by share at risk (largest first), then id. */
export function feederExposure(shares: ReadonlyMap<string, number | null>, links: readonly FeedLink[]): FeederExposure[] {
  const out = new Map<string, string[]>();
  for (const l of links) if (l.from !== l.to) (out.get(l.from) ?? out.set(l.from, []).get(l.from)!).push(l.to);
  const share = (id: string) => shares.get(id) ?? 0;
  return [...out.keys()]
    .map((id) => {
      const seen = new Set([id]);
      const reaches: string[] = [];
      const queue = [...out.get(id)!];
      while (queue.length > 0) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        reaches.push(next);
        queue.push(...(out.get(next) ?? []));
      }
      return { id, reaches, shareAtRisk: share(id) + reaches.reduce((sum, r) => sum + share(r), 0) };
    })
    .sort((a, b) => b.shareAtRisk - a.shareAtRisk || (a.id < b.id ? -1 : 1));
}
