import Link from "next/link";
import type { StreamView } from "@/lib/schemas/streams";

/** "Feeds: Consulting, Templates · Fed by: YouTube": the streams this one is not independent of, both ways. */
export function StreamLinks({ stream, all }: { stream: StreamView; all: readonly StreamView[] }) {
  const named = (ids: readonly string[]) => ids.flatMap((id) => all.filter((s) => s.id === id));
  const feeds = named(stream.feeds);
  const fedBy = named(stream.fedBy);
  if (feeds.length === 0 && fedBy.length === 0) return null;
  const list = (items: StreamView[]) =>
    items.map((s, i) => (
      <span key={s.id}>
        {i > 0 ? ", " : ""}
        <Link href={`/streams/${s.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
          {s.name}
        </Link>
      </span>
    ));
  return (
    <span className="flex flex-col gap-0.5 text-sm" data-testid="stream-links">
      {feeds.length > 0 ? <span>Feeds {list(feeds)}: losing this stream would hurt them too.</span> : null}
      {fedBy.length > 0 ? <span>Fed by {list(fedBy)}: it depends on them.</span> : null}
    </span>
  );
}
