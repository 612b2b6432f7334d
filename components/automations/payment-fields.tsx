import Link from "next/link";
import type { ReactNode } from "react";
import { cadenceText, scheduleAmount } from "@/components/schedules/schedule-labels";
import { Badge } from "@/components/ui/badge";
import type { ScheduleView } from "@/lib/schemas/schedules";
import type { StreamView } from "@/lib/schemas/streams";
import type { ExampleField } from "./examples";

export const Code = ({ children }: { children: ReactNode }) => (
  <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.8125rem] wrap-anywhere text-foreground">{children}</code>
);

/**
 * The fields of POST /api/v1/transactions, as lib/schemas/transactions.ts accepts them: the same names
 * in JSON and in a form body. Stacked (a definition list), so it reads on a phone without a wide table.
 */
export function PaymentFields({ fields, currency }: { fields: readonly ExampleField[]; currency: string }) {
  const example = (name: string) => fields.find((f) => f.name === name)?.value;
  const rows: { name: string; required?: boolean; example?: string; text: ReactNode }[] = [
    {
      name: "stream",
      required: true,
      example: example("stream"),
      text: (
        <>
          The stream’s name as it is in Streamfolio (upper or lower case does not matter). Or send <Code>streamId</Code> with the stream’s
          id instead. The stream must exist.
        </>
      ),
    },
    {
      name: "occurredOn",
      required: true,
      example: example("occurredOn"),
      text: (
        <>
          The day it was paid, as <Code>YYYY-MM-DD</Code>. A date like <Code>20/05/2026</Code> is refused: reformat it first.
        </>
      ),
    },
    {
      name: "amount",
      required: true,
      example: example("amount"),
      text: (
        <>
          A decimal with a dot, in the currency’s units, not in cents, with no more decimals than the currency has. Negative for a refund.
        </>
      ),
    },
    {
      name: "currency",
      example: example("currency"),
      text: (
        <>
          An ISO 4217 code (<Code>usd</Code> works too). Left out: your base currency, {currency}.
        </>
      ),
    },
    {
      name: "externalId",
      example: example("externalId"),
      text: <>Your trigger’s own id for the payment (an order, charge or invoice id). A payment with a known one is never logged twice.</>,
    },
    { name: "counterparty", example: example("counterparty"), text: <>Who paid: a client, customer or sponsor.</> },
    {
      name: "kind",
      text: (
        <>
          <Code>income</Code> (the default) or <Code>expense</Code>.
        </>
      ),
    },
    {
      name: "platform, description",
      text: <>Where it came through (the stream’s platform when left out) and a note.</>,
    },
    {
      name: "scheduleId",
      text: (
        <>
          A schedule’s id (listed below): the payment settles that schedule’s expected occurrence nearest its date. The schedule must be of
          the same stream and kind.
        </>
      ),
    },
  ];
  return (
    <dl className="divide-y divide-border rounded-lg border border-border">
      {rows.map((row, i) => (
        <div key={i} className="grid gap-1 px-3 py-2.5 sm:grid-cols-[11rem_minmax(0,1fr)] sm:gap-4">
          <dt className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-sm font-semibold text-foreground">{row.name}</code>
            {row.required ? <Badge tone="info">required</Badge> : null}
          </dt>
          <dd className="text-sm text-muted-foreground">
            {row.text}
            {row.example ? (
              <span className="mt-1 block">
                Example: <Code>{row.example}</Code>
              </span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The user's stream names (what `stream` takes) and schedules (what `scheduleId` takes). */
export function YourIds({ streams, schedules }: { streams: readonly StreamView[]; schedules: readonly ScheduleView[] }) {
  const streamName = new Map(streams.map((s) => [s.id, s.name]));
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h3 className="text-sm font-semibold text-foreground">Your streams</h3>
        {streams.length === 0 ? (
          <p className="mt-1 text-sm text-muted-foreground">
            None yet:{" "}
            <Link href="/streams" className="font-medium text-primary underline underline-offset-2">
              add a stream
            </Link>{" "}
            first, then use its name as <Code>stream</Code>.
          </p>
        ) : (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Stream names">
            {streams.map((s) => (
              <li key={s.id}>
                <Code>{s.name}</Code>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-semibold text-foreground">Your schedules</h3>
        {schedules.length === 0 ? (
          <p className="mt-1 text-sm text-muted-foreground">
            None yet. Schedules (retainers, subscriptions, payouts) are added on a stream’s page; a payment with a <Code>scheduleId</Code>{" "}
            marks its expected occurrence as received.
          </p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {schedules.map((s) => (
              <li key={s.id} className="flex flex-col gap-0.5 rounded-md border border-border px-3 py-2 text-sm">
                <span className="font-medium text-foreground">
                  {s.name ?? s.counterparty ?? "Schedule"} · {streamName.get(s.streamId) ?? "a stream"}
                </span>
                <span className="text-muted-foreground">
                  {scheduleAmount(s)} {cadenceText(s)} ({s.kind})
                </span>
                <span>
                  <span className="text-muted-foreground">scheduleId </span>
                  <Code>{s.id}</Code>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
