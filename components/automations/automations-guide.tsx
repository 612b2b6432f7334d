import Link from "next/link";
import { ApiTokens } from "@/components/settings/api-tokens";
import { JumpNav } from "@/components/ui/jump-nav";
import type { ScheduleView } from "@/lib/schemas/schedules";
import type { StreamView } from "@/lib/schemas/streams";
import { CodeBlock } from "./code-block";
import { curlForm, curlJson, examplePayment, exportToken, invalidDate, invalidDateProblem, PLACEHOLDER_STREAM } from "./examples";
import { Code, PaymentFields, YourIds } from "./payment-fields";
import { MakeRecipe, ReadRecipe, Section, Steps, ZapierRecipe } from "./recipes";

const CONTENTS = [
  { id: "tokens", label: "API tokens" },
  { id: "log", label: "Log a payment" },
  { id: "zapier", label: "Zapier" },
  { id: "make", label: "Make" },
  { id: "read", label: "Read your figures" },
  { id: "errors", label: "Duplicates and errors" },
] as const;

export type AutomationsGuideProps = {
  /** The app's own origin, which every example calls. */
  origin: string;
  /** Today in the user's time zone (YYYY-MM-DD): the example payment's date. */
  today: string;
  baseCurrency: string;
  /** Active streams: the first one names the example's stream. */
  streams: readonly StreamView[];
  schedules: readonly ScheduleView[];
};

/**
 * How to connect a script, Zapier or Make: the tokens, the payment fields, copy-ready requests built with
 * this instance's origin and the user's own stream, and step-by-step recipes. Server-rendered; only the
 * tokens card and the copy buttons run in the browser.
 */
export function AutomationsGuide({ origin, today, baseCurrency, streams, schedules }: AutomationsGuideProps) {
  const fields = examplePayment({ stream: streams[0]?.name ?? PLACEHOLDER_STREAM, currency: baseCurrency, today });
  return (
    <div className="lg:grid lg:grid-cols-[11rem_minmax(0,1fr)] lg:gap-8">
      <JumpNav label="On this page" sections={CONTENTS} />
      <div className="flex min-w-0 flex-col gap-6">
        <section id="tokens" aria-label="API tokens" className="scroll-mt-20 lg:scroll-mt-8">
          <ApiTokens />
        </section>

        <Section
          id="log"
          title="Log a payment"
          description={
            <>
              <Code>POST /api/v1/transactions</Code> with a write token. The body is a form (what no-code tools send) or JSON, with the same
              field names.
            </>
          }
        >
          <PaymentFields fields={fields} currency={baseCurrency} />
          <YourIds streams={streams} schedules={schedules} />
          <div className="flex flex-col gap-3">
            <h3 className="text-sm font-semibold text-foreground">Try it from a terminal</h3>
            <Steps>
              <li className="min-w-0 space-y-2">
                Put your token in the shell (it then stays out of the commands you copy):
                <CodeBlock title="Your token" code={exportToken} copyLabel="Copy export line" />
              </li>
              <li className="min-w-0 space-y-2">
                Log the payment as a form:
                <CodeBlock
                  title="Form-encoded: POST /api/v1/transactions"
                  code={curlForm(origin, fields)}
                  copyLabel="Copy form request"
                  testId="curl-form"
                />
              </li>
              <li className="min-w-0 space-y-2">
                Or the same as JSON:
                <CodeBlock
                  title="JSON: POST /api/v1/transactions"
                  code={curlJson(origin, fields)}
                  copyLabel="Copy JSON request"
                  testId="curl-json"
                />
              </li>
            </Steps>
            <p className="text-sm text-muted-foreground">
              The answer is <Code>201 Created</Code> with the transaction, including its <Code>id</Code> and the amount both as{" "}
              <Code>amount</Code> (a decimal string) and <Code>amountMinor</Code> (whole minor units, such as cents). It shows up on{" "}
              <Link href="/transactions" className="font-medium text-primary underline underline-offset-2">
                Transactions
              </Link>{" "}
              at once. Sending both commands logs one payment, not two: they share an <Code>externalId</Code>.
            </p>
          </div>
        </Section>

        <ZapierRecipe origin={origin} fields={fields} />
        <MakeRecipe origin={origin} fields={fields} />
        <ReadRecipe origin={origin} month={today.slice(0, 7)} />

        <Section id="errors" title="Duplicates and errors">
          <div className="flex flex-col gap-2 text-sm text-foreground">
            <h3 className="font-semibold">Retries are safe with externalId</h3>
            <p className="text-muted-foreground">
              Zapier and Make retry, and triggers fire twice. Give every payment an <Code>externalId</Code> (the trigger’s own id): the
              first request answers 201 and logs it, any later one with the same <Code>externalId</Code> answers 200 with the transaction
              already there, and logs nothing.
            </p>
          </div>
          <div className="flex flex-col gap-2 text-sm text-foreground">
            <h3 className="font-semibold">A refused payment: 422</h3>
            <p className="text-muted-foreground">
              Nothing is saved, and the answer (<Code>application/problem+json</Code>) names every field to fix under <Code>errors</Code>,
              each with its <Code>path</Code> and <Code>message</Code>. The example payment with the date sent as{" "}
              <Code>{invalidDate(fields).find((f) => f.name === "occurredOn")?.value}</Code> gets:
            </p>
          </div>
          <CodeBlock title="422 Unprocessable Content" code={invalidDateProblem()} copyLabel="Copy error example" testId="problem-422" />
          <ul className="flex list-disc flex-col gap-1.5 pl-5 text-sm text-foreground">
            <li>
              <Code>401</Code>: no token, a mistyped one or a revoked one (check the <Code>Authorization</Code> header).
            </li>
            <li>
              <Code>403</Code>: a read token trying to write.
            </li>
            <li>
              <Code>422</Code> with <Code>No stream named “…”</Code>: the <Code>stream</Code> value does not match one of your streams.
            </li>
            <li>
              <Code>429</Code>: too many requests in a minute; wait the seconds the <Code>Retry-After</Code> header gives.
            </li>
          </ul>
          <p className="text-sm text-muted-foreground">
            Every route, field and answer is described in the{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-primary underline underline-offset-2">
              OpenAPI document
            </a>
            , which tools like Postman import.
          </p>
        </Section>
      </div>
    </div>
  );
}
