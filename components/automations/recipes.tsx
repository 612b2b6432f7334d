import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CodeBlock } from "./code-block";
import { curlGet, type ExampleField } from "./examples";
import { Code } from "./payment-fields";

/** A titled card that is also a jump target of the page's contents. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 lg:scroll-mt-8">
      <Card>
        <CardHeader>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </CardHeader>
        <CardContent className="flex flex-col gap-5">{children}</CardContent>
      </Card>
    </section>
  );
}

export function Steps({ children }: { children: ReactNode }) {
  return (
    <ol className="flex list-decimal flex-col gap-2.5 pl-5 text-sm text-foreground marker:font-semibold marker:text-muted-foreground">
      {children}
    </ol>
  );
}

const Ui = ({ children }: { children: ReactNode }) => <strong className="font-semibold">{children}</strong>;

/** What each field gets in a no-code tool's key/value list; `how` is what to map into it. */
function DataTable({ label, rows }: { label: string; rows: { key: string; how: ReactNode }[] }) {
  return (
    <Table label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Key</TableHead>
          <TableHead>Value</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="align-top font-mono text-xs font-semibold whitespace-nowrap">{r.key}</TableCell>
            <TableCell className="text-sm text-muted-foreground">{r.how}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type Tool = "zapier" | "make";

/** The key/value rows of a payment for Zapier's "Data" or Make's "Fields", with how to map each. */
function paymentRows(fields: readonly ExampleField[], tool: Tool) {
  const value = (name: string) => fields.find((f) => f.name === name)?.value ?? "";
  return [
    {
      key: "stream",
      how: (
        <>
          Your stream’s name, e.g. <Code>{value("stream")}</Code>
        </>
      ),
    },
    {
      key: "occurredOn",
      how:
        tool === "zapier" ? (
          <>
            The trigger’s date as <Code>YYYY-MM-DD</Code>; if it comes in another form, add a <Ui>Formatter by Zapier</Ui> step (
            <Ui>Date / Time → Format</Ui>, To Format <Code>YYYY-MM-DD</Code>) and map its output.
          </>
        ) : (
          <>
            <Code>{'{{formatDate(1.date; "YYYY-MM-DD")}}'}</Code>, with your trigger’s date field in place of <Code>1.date</Code>.
          </>
        ),
    },
    {
      key: "amount",
      how:
        tool === "zapier" ? (
          <>
            The trigger’s amount, e.g. <Code>{value("amount")}</Code>. If it is in cents (Stripe’s is), divide by 100 first:{" "}
            <Ui>Formatter by Zapier → Numbers → Perform Math Operation</Ui>.
          </>
        ) : (
          <>
            The trigger’s amount, e.g. <Code>{value("amount")}</Code>; an amount in cents becomes <Code>{"{{1.amount / 100}}"}</Code>.
          </>
        ),
    },
    {
      key: "currency",
      how: (
        <>
          The trigger’s currency, or <Code>{value("currency")}</Code>; leave it out for your base currency.
        </>
      ),
    },
    { key: "counterparty", how: <>The customer’s or client’s name (optional).</> },
    { key: "externalId", how: <>The trigger’s own id for the payment: the charge, order or invoice id. Makes a retry harmless.</> },
    { key: "scheduleId", how: <>Optional: the id of the schedule this payment settles (see “Your schedules”).</> },
  ];
}

export function ZapierRecipe({ origin, fields }: { origin: string; fields: readonly ExampleField[] }) {
  return (
    <Section
      id="zapier"
      title="Zapier: log each payment"
      description="A “Webhooks by Zapier” action after any trigger (a Stripe payment, a Shopify order, a Gumroad sale, a row in a sheet)."
    >
      <Steps>
        <li>Create a write token above, named e.g. “Zapier”, and copy it.</li>
        <li>
          In your Zap, after the trigger, add an action: app <Ui>Webhooks by Zapier</Ui>, event <Ui>POST</Ui>.
        </li>
        <li>
          <Ui>URL</Ui>: <Code>{`${origin}/api/v1/transactions`}</Code>
        </li>
        <li>
          <Ui>Payload Type</Ui>: <Code>form</Code>
        </li>
        <li>
          <Ui>Data</Ui>: one row per field, as in the table below (the left column exactly as written).
        </li>
        <li>
          <Ui>Wrap Request In Array</Ui>: No.
        </li>
        <li>
          <Ui>Headers</Ui>: key <Code>Authorization</Code>, value <Code>Bearer sfp_…</Code> (the word Bearer, a space, your token).
        </li>
        <li>
          <Ui>Test step</Ui>: the answer is status 201 with the new transaction (<Code>id</Code>, <Code>streamName</Code>,{" "}
          <Code>amount</Code>, <Code>amountMinor</Code>…). Testing again with the same <Code>externalId</Code> answers 200 with the same
          transaction: nothing is logged twice.
        </li>
      </Steps>
      <DataTable label="Zapier Data fields" rows={paymentRows(fields, "zapier")} />
    </Section>
  );
}

export function MakeRecipe({ origin, fields }: { origin: string; fields: readonly ExampleField[] }) {
  return (
    <Section
      id="make"
      title="Make: log each payment"
      description="An “HTTP → Make a request” module after your scenario’s trigger module (module 1 in the examples)."
    >
      <Steps>
        <li>Create a write token above, named e.g. “Make”, and copy it.</li>
        <li>
          Add the module <Ui>HTTP → Make a request</Ui>.
        </li>
        <li>
          <Ui>URL</Ui>: <Code>{`${origin}/api/v1/transactions`}</Code>; <Ui>Method</Ui>: <Code>POST</Code>.
        </li>
        <li>
          <Ui>Headers</Ui>: add an item with name <Code>Authorization</Code> and value <Code>Bearer sfp_…</Code> (your token).
        </li>
        <li>
          <Ui>Body type</Ui>: <Code>application/x-www-form-urlencoded</Code>.
        </li>
        <li>
          <Ui>Fields</Ui>: one item per row of the table below (Key exactly as written, Value mapped from your trigger).
        </li>
        <li>
          <Ui>Parse response</Ui>: Yes, so later modules can map the transaction’s <Code>id</Code> and <Code>amount</Code>. Keep{" "}
          <Ui>Evaluate all states as errors</Ui> on, so a refused payment (422) stops the run where you can see it.
        </li>
        <li>
          <Ui>Run once</Ui>: status 201 is a new transaction, 200 one that was already there (same <Code>externalId</Code>).
        </li>
      </Steps>
      <DataTable label="Make Fields" rows={paymentRows(fields, "make")} />
    </Section>
  );
}

export function ReadRecipe({ origin, month }: { origin: string; month: string }) {
  const query = `from=${month}&to=${month}`;
  return (
    <Section
      id="read"
      title="Read your figures"
      description="With a read token, which can read everything and change nothing: a weekly summary email, a dashboard tile, a sheet row per month."
    >
      <div className="grid gap-3">
        <CodeBlock
          title="This month’s figures: GET /api/v1/metrics"
          code={curlGet(origin, "/api/v1/metrics", query)}
          copyLabel="Copy metrics request"
          testId="curl-metrics"
        />
        <CodeBlock
          title="Forecast and salary: GET /api/v1/plan"
          code={curlGet(origin, "/api/v1/plan")}
          copyLabel="Copy plan request"
          testId="curl-plan"
        />
        <CodeBlock title="Check a token: GET /api/v1/me" code={curlGet(origin, "/api/v1/me")} copyLabel="Copy me request" />
      </div>
      <div>
        <h3 className="text-sm font-semibold text-foreground">Fields to map</h3>
        <p className="mt-1 text-sm text-muted-foreground">
          Money comes as whole minor units of <Code>currency</Code> (your base currency): cents for USD or EUR, so divide by 100 to show
          dollars or euros.
        </p>
        <ul className="mt-2 flex list-disc flex-col gap-1.5 pl-5 text-sm text-foreground">
          <li>
            <Code>totals.income</Code>, <Code>totals.expenses</Code>, <Code>totals.net</Code>: the window’s totals; with{" "}
            <Code>{query}</Code> that is this month so far. Without <Code>from</Code> and <Code>to</Code>, the window is the last 12
            complete months.
          </li>
          <li>
            <Code>monthly</Code>: one item per month (<Code>month</Code>, <Code>income</Code>, <Code>expenses</Code>, <Code>net</Code>).
          </li>
          <li>
            <Code>resilienceScore</Code>: 0 to 100, or null without enough history.
          </li>
          <li>
            From the plan: <Code>forecast.months[0].expected</Code> (next month’s expected income, with <Code>low</Code> and{" "}
            <Code>high</Code>), <Code>salary.sustainable</Code> and <Code>silentStreams</Code>.
          </li>
        </ul>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-foreground">In Zapier</h3>
        <Steps>
          <li>
            Add a <Ui>Formatter by Zapier</Ui> step: <Ui>Date / Time → Format</Ui>, Input <Code>{"{{zap_meta_human_now}}"}</Code>, To Format{" "}
            <Code>YYYY-MM</Code>.
          </li>
          <li>
            Add <Ui>Webhooks by Zapier</Ui>, event <Ui>GET</Ui>. URL <Code>{`${origin}/api/v1/metrics`}</Code>; Query String Params{" "}
            <Code>from</Code> and <Code>to</Code>, both the Formatter’s output; Headers <Code>Authorization</Code> →{" "}
            <Code>Bearer sfp_…</Code> (a read token).
          </li>
          <li>
            Later steps map <Ui>Totals Income</Ui> (<Code>totals.income</Code>) and <Ui>Currency</Ui>.
          </li>
        </Steps>
      </div>
      <div>
        <h3 className="text-sm font-semibold text-foreground">In Make</h3>
        <Steps>
          <li>
            <Ui>HTTP → Make a request</Ui>, Method <Code>GET</Code>, URL <Code>{`${origin}/api/v1/metrics`}</Code>.
          </li>
          <li>
            <Ui>Query String</Ui>: <Code>from</Code> and <Code>to</Code>, both <Code>{'{{formatDate(now; "YYYY-MM")}}'}</Code>.{" "}
            <Ui>Headers</Ui>: <Code>Authorization</Code> → <Code>Bearer sfp_…</Code>. <Ui>Parse response</Ui>: Yes.
          </li>
          <li>
            Map <Code>Data → totals → income</Code> in the next module.
          </li>
        </Steps>
      </div>
    </Section>
  );
}
