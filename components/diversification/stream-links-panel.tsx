"use client";

import Link from "next/link";
import { Panel } from "@/components/dashboard/panel";
import { useStreamColors } from "@/components/dashboard/use-stream-colors";
import { formatPercent } from "@/lib/format";
import type { MetricsView } from "@/lib/schemas/metrics";

type Props = { metrics: MetricsView | undefined; loading: boolean; error: boolean; className?: string };

const SIZE = 320;
const CENTER = SIZE / 2;
const RING = 115;

/** Where stream i of n sits on the ring, the first at the top, clockwise. */
function place(i: number, n: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  return { x: CENTER + RING * Math.cos(angle), y: CENTER + RING * Math.sin(angle) };
}

/**
 * Streams that feed each other are not independent: the ring draws each link as an arrow from the feeder
 * to what it feeds, and the list says how much of the income depends on each feeder.
 */
export function StreamLinksPanel({ metrics, loading, error, className }: Props) {
  const colors = useStreamColors(metrics?.streams);
  const streams = metrics?.streams ?? [];
  const links = metrics?.diversification.links ?? [];
  const feeders = metrics?.diversification.feeders ?? [];
  const nameOf = new Map(streams.map((s) => [s.id, s.name]));
  const at = new Map(streams.map((s, i) => [s.id, place(i, streams.length)]));
  const radius = (share: number | null) => 10 + 22 * Math.sqrt(Math.max(0, share ?? 0));

  return (
    <Panel
      className={className}
      title="Streams that feed each other"
      description="A stream that brings clients or audience to others is a hidden dependency: losing it threatens them too."
      loading={loading}
      error={error}
      empty={metrics && links.length === 0 ? "No stream feeds another yet. In a stream’s Edit form, tick the streams it feeds." : undefined}
    >
      <div className="flex flex-col items-center gap-6 md:flex-row md:items-start">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          className="w-full max-w-80 shrink-0"
          role="img"
          aria-label={`Links between streams: ${links.map((l) => `${nameOf.get(l.from)} feeds ${nameOf.get(l.to)}`).join("; ")}.`}
          data-testid="stream-links-diagram"
        >
          <defs>
            <marker id="feed-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className="fill-muted-foreground" />
            </marker>
          </defs>
          {links.map((l) => {
            const a = at.get(l.from)!;
            const b = at.get(l.to)!;
            const share = (id: string) => streams.find((s) => s.id === id)?.share ?? null;
            const dx = b.x - a.x;
            const dy = b.y - a.y;
            const length = Math.hypot(dx, dy) || 1;
            const from = radius(share(l.from)) + 2;
            const to = radius(share(l.to)) + 4;
            return (
              <line
                key={`${l.from}-${l.to}`}
                x1={a.x + (dx / length) * from}
                y1={a.y + (dy / length) * from}
                x2={b.x - (dx / length) * to}
                y2={b.y - (dy / length) * to}
                className="stroke-muted-foreground"
                strokeWidth={1.5}
                markerEnd="url(#feed-arrow)"
              />
            );
          })}
          {streams.map((s) => {
            const p = at.get(s.id)!;
            const r = radius(s.share);
            const below = p.y >= CENTER;
            return (
              <g key={s.id}>
                <circle cx={p.x} cy={p.y} r={r} fill={colors.get(s.id) ?? "var(--chart-8)"} fillOpacity={0.85} />
                <text x={p.x} y={below ? p.y + r + 13 : p.y - r - 5} textAnchor="middle" className="fill-foreground text-[11px]">
                  {s.name.length > 18 ? `${s.name.slice(0, 17)}…` : s.name}
                </text>
              </g>
            );
          })}
        </svg>
        <ul className="flex w-full flex-1 flex-col gap-3 text-sm" data-testid="stream-feeders">
          {feeders.map((f) => {
            const direct = f.reaches.filter((id) => links.some((l) => l.from === f.id && l.to === id));
            const further = f.reaches.filter((id) => !direct.includes(id));
            const names = (ids: string[]) => ids.map((id) => nameOf.get(id)).join(", ");
            return (
              <li key={f.id}>
                <Link href={`/streams/${f.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                  {nameOf.get(f.id)}
                </Link>{" "}
                feeds {names(direct)}
                {further.length > 0 ? `, and through them ${names(further)}` : ""}:{" "}
                <strong className="money font-semibold">{formatPercent(f.shareAtRisk)}</strong> of your income depends on it.
              </li>
            );
          })}
        </ul>
      </div>
    </Panel>
  );
}
