import { formatMinor } from "@/lib/metrics/money";

/**
 * The copy-ready requests of the Automations page, written from one list of fields so the curl
 * examples, the Zapier and Make tables and the e2e test that sends them cannot disagree. Every name
 * here is a field of lib/schemas/transactions.ts (the API takes the same names as JSON or as a form).
 */

/** The environment variable the shell examples read the token from. */
export const TOKEN_VARIABLE = "STREAMFOLIO_TOKEN";

/** Where a stream name goes when the user has no stream yet. */
export const PLACEHOLDER_STREAM = "Your stream name";

export type ExampleField = { name: string; value: string };

/** An example payment in the user's own terms: one of their streams, their base currency, today. */
export function examplePayment({ stream, currency, today }: { stream: string; currency: string; today: string }): ExampleField[] {
  return [
    { name: "stream", value: stream },
    { name: "occurredOn", value: today },
    // 42.50 in currencies with cents; as many decimals as the currency has, never more.
    { name: "amount", value: formatMinor(4250, currency) },
    { name: "currency", value: currency },
    { name: "counterparty", value: "Acme Inc." },
    { name: "externalId", value: `order-${today.replaceAll("-", "")}-1` },
  ];
}

/** The same payment with a date in the form no-code tools often send: what a 422 answers. */
export function invalidDate(fields: readonly ExampleField[]): ExampleField[] {
  const [y, m, d] = (fields.find((f) => f.name === "occurredOn")?.value ?? "2026-05-20").split("-");
  return fields.map((f) => (f.name === "occurredOn" ? { ...f, value: `${d}/${m}/${y}` } : f));
}

/** A POSIX shell word: single-quoted, with any single quote closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

const auth = `-H "Authorization: Bearer $${TOKEN_VARIABLE}"`;

/** POST /api/v1/transactions as a form, one `--data-urlencode` per field. */
export function curlForm(origin: string, fields: readonly ExampleField[]): string {
  return [
    `curl -X POST ${origin}/api/v1/transactions`,
    `  ${auth}`,
    ...fields.map((f) => `  --data-urlencode ${shellQuote(`${f.name}=${f.value}`)}`),
  ].join(" \\\n");
}

/** POST /api/v1/transactions with the same fields as a JSON object. */
export function curlJson(origin: string, fields: readonly ExampleField[]): string {
  const body = JSON.stringify(Object.fromEntries(fields.map((f) => [f.name, f.value])), null, 2);
  return [
    `curl -X POST ${origin}/api/v1/transactions`,
    `  ${auth}`,
    `  -H "Content-Type: application/json"`,
    `  -d ${shellQuote(body)}`,
  ].join(" \\\n");
}

/** A GET with a token; `query` is already in URL form ("from=2026-05&to=2026-05"). */
export function curlGet(origin: string, path: string, query = ""): string {
  const url = `${origin}${path}${query ? `?${query}` : ""}`;
  return [`curl ${query ? shellQuote(url) : url}`, `  ${auth}`].join(" \\\n");
}

/** How the shell examples get the token, without it landing in a script. */
export const exportToken = `export ${TOKEN_VARIABLE}='sfp_…'   # the token, shown once when you create it`;

/** The problem+json the API answers for `invalidDate`'s request (the e2e test sends it and compares). */
export function invalidDateProblem(): string {
  return JSON.stringify(
    {
      type: "urn:streamfolio:problem:validation",
      title: "Invalid input",
      status: 422,
      detail: "The transaction did not pass validation.",
      errors: [{ path: "occurredOn", message: "Use a date as YYYY-MM-DD." }],
    },
    null,
    2,
  );
}
