import Link from "next/link";
import { inlineLink } from "./labels";
import type { MetricsView } from "@/lib/schemas/metrics";
import { noHistoryShort } from "./history-text";
import { StressTestCard } from "./stress-test-card";

const link = (href: string, text: string) => (
  <Link href={href} className={inlineLink}>
    {text}
  </Link>
);

/** The three stress tests of the response: the largest stream, client and platform, each taken away. */
export function StressTests({ metrics, loading, error }: { metrics: MetricsView | undefined; loading: boolean; error: boolean }) {
  const r = metrics?.resilience;
  const currency = metrics?.currency ?? "USD";
  const streamKey = r?.lossOfLargestStream.key ?? null;
  // The key is a stream id; should it not be among the listed streams, the card still reads as a sentence.
  const streamName = streamKey === null ? null : (metrics?.streams.find((s) => s.id === streamKey)?.name ?? "your largest stream");
  const common = { essential: r?.essentialMonthlyExpenses, currency, loading, error };
  // Every stress test starts from the average complete month: without one, each card says when it appears.
  const noHistory = metrics && metrics.history.analysisMonths === 0 ? noHistoryShort(metrics) : null;
  return (
    <section aria-labelledby="stress-tests" className="flex flex-col gap-3">
      <div>
        <h2 id="stress-tests" className="text-base font-semibold text-foreground">
          Stress tests
        </h2>
        <p className="text-sm text-muted-foreground">
          What your average complete month would look like if the one you depend on most stopped paying.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <StressTestCard
          testId="stress-stream"
          title="Largest stream"
          name={streamName}
          scenario={r?.lossOfLargestStream}
          missing={noHistory ?? "No stream earned in the complete months of this window."}
          {...common}
        />
        <StressTestCard
          testId="stress-client"
          title="Largest client"
          name={r?.lossOfLargestClient.key ?? null}
          scenario={r?.lossOfLargestClient}
          missing={noHistory ?? <>Log counterparties on your income in {link("/transactions", "Transactions")} to see this.</>}
          {...common}
        />
        <StressTestCard
          testId="stress-platform"
          title="Largest platform"
          name={r?.lossOfLargestPlatform.key ?? null}
          scenario={r?.lossOfLargestPlatform}
          missing={noHistory ?? <>Set platforms on your {link("/streams", "streams")} or transactions to see this.</>}
          {...common}
        />
      </div>
    </section>
  );
}
