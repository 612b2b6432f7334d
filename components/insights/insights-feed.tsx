"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import { apiFetch } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format";
import { insightKeys, insightsFeedQuery } from "@/lib/queries";
import type { InsightView } from "@/lib/schemas/insights";

const KIND: Record<InsightView["kind"], { label: string; tone: BadgeTone }> = {
  "schedule.late": { label: "Late payment", tone: "danger" },
  "stream.silent": { label: "Silent stream", tone: "warning" },
  "goal.reached": { label: "Goal reached", tone: "success" },
  "rule.changed": { label: "Rule changed", tone: "info" },
  "month.closed": { label: "Month closed", tone: "neutral" },
};

/** Where an insight leads: the stream it is about, or the page that explains it. */
function hrefOf(i: InsightView): string | null {
  const streamId = typeof i.data.streamId === "string" ? i.data.streamId : null;
  if ((i.kind === "stream.silent" || i.kind === "schedule.late") && streamId) return `/streams/${streamId}`;
  if (i.kind === "goal.reached") return "/goals";
  if (i.kind === "rule.changed") return "/resilience";
  if (i.kind === "month.closed") return "/overview";
  return null;
}

/** The feed, newest first: unread ones marked, a page at a time, and "mark all as read". */
export function InsightsFeed({ timeZone }: { timeZone: string }) {
  const qc = useQueryClient();
  const { toast } = useToast();
  const feed = useInfiniteQuery(insightsFeedQuery());
  const items = feed.data?.pages.flatMap((p) => p.data) ?? [];
  const unread = feed.data?.pages[0]?.unread ?? 0;
  const markAll = useMutation({
    mutationFn: () => apiFetch<{ unread: number }>("/api/v1/insights/read", { method: "POST", json: {} }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: insightKeys.all() }),
    onError: () => toast({ title: "Could not mark them read", tone: "danger" }),
  });

  if (feed.isError)
    return (
      <p role="alert" className="text-sm text-danger">
        Could not load your insights.
      </p>
    );
  if (items.length === 0)
    return (
      <EmptyState
        title="Nothing new yet"
        description="Insights appear here when a payment you expect is late, a stream goes quiet, a goal is reached or a month closes. They are checked every few minutes."
      />
    );

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" role="status">
          {unread === 0 ? "All read." : `${unread} unread.`}
        </p>
        <Button variant="secondary" size="sm" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all as read
        </Button>
      </div>
      <ul className="flex flex-col gap-3" aria-label="Insights" data-testid="insights-feed">
        {items.map((i) => {
          const href = hrefOf(i);
          return (
            <li key={i.id}>
              <Card className={cx("flex flex-col gap-1.5 p-4", i.readAt === null && "border-primary/40 bg-primary/5")}>
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={KIND[i.kind].tone}>{KIND[i.kind].label}</Badge>
                  {i.readAt === null ? <span className="text-xs font-medium text-primary">New</span> : null}
                  <span className="ml-auto text-xs text-muted-foreground">{formatDateTime(i.createdAt, timeZone)}</span>
                </div>
                <p className="font-medium">
                  {href ? (
                    <Link href={href} className="underline-offset-4 hover:underline">
                      {i.title}
                    </Link>
                  ) : (
                    i.title
                  )}
                </p>
                <p className="text-sm text-muted-foreground">{i.body}</p>
              </Card>
            </li>
          );
        })}
      </ul>
      {feed.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="secondary" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
