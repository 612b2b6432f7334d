import "server-only";
import { z } from "zod";
import { listRates, listUnpricedUnder, upsertRates } from "@/lib/data/fx";
import { userBaseCurrency } from "@/lib/data/users";
import { isCurrency } from "@/lib/metrics/money";
import { currencyCode } from "@/lib/schemas/common";
import { ApiError, unprocessable, type FieldError } from "@/lib/http-errors";
import { listResponse } from "@/lib/schemas/common";
import { fxRateInput, fxRateResponse, listFxRatesQuery, type FxRateInput } from "@/lib/schemas/fx-rates";
import { defineOperation, reply } from "./operation";

const rateList = listResponse(fxRateResponse);
const MAX_RATES = 10_000;

const unpricedQuery = z.object({
  base: currencyCode
    .refine(isCurrency, "Not an ISO 4217 currency code.")
    .meta({ description: "A base currency to try; the current one when left out." })
    .optional(),
});
const unpricedResponse = z.object({
  base: z.string(),
  data: z.array(z.object({ currency: z.string(), count: z.number().int() })),
});

/** Per currency, the transactions that have (or, under `base`, would have) no usable rate. */
export async function readUnpriced(userId: string, base?: string) {
  const under = base ?? (await userBaseCurrency(userId));
  return unpricedResponse.parse({ base: under, data: await listUnpricedUnder(userId, under) });
}

export const unpricedOp = defineOperation({
  method: "GET",
  path: "/api/v1/fx-rates/unpriced",
  operationId: "listUnpricedCurrencies",
  tag: "FX rates",
  summary: "Transactions without a usable exchange rate, by currency",
  description:
    "Under the current base currency, or under `base` before switching to it: a currency counts while it has no rate quoted in the base, and the base no rate quoted in it (on any date). Such transactions are left out of every figure.",
  access: "read",
  query: unpricedQuery,
  status: 200,
  response: unpricedResponse,
  handle: ({ userId, query }) => readUnpriced(userId, query.base),
});

/** The rates list as GET /api/v1/fx-rates answers it. */
export async function readRates(userId: string, query: { currency?: string } = {}) {
  return rateList.parse({ data: await listRates(userId, query), nextCursor: null });
}

export const listRatesOp = defineOperation({
  method: "GET",
  path: "/api/v1/fx-rates",
  operationId: "listFxRates",
  tag: "FX rates",
  summary: "List exchange rates quoted in the base currency",
  access: "read",
  query: listFxRatesQuery,
  status: 200,
  response: rateList,
  handle: ({ userId, query }) => readRates(userId, query),
});

/**
 * Checks every rate against the schema and the rules that need the caller: not the base currency itself,
 * one rate per currency and date. Paths name the array index, or the CSV's line ("row 3.rate").
 */
function checkRates(items: readonly unknown[], base: string, label: (i: number) => string): { rates: FxRateInput[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rates: FxRateInput[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const parsed = fxRateInput.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ path: label(i) + issue.path.map(String).join("."), message: issue.message });
      return;
    }
    const pair = `${parsed.data.currency}|${parsed.data.date}`;
    const first = seen.get(pair);
    if (parsed.data.currency === base)
      errors.push({ path: `${label(i)}currency`, message: `${base} is your base currency: its rate is always 1.` });
    else if (first !== undefined)
      errors.push({
        path: `${label(i)}date`,
        message: `${parsed.data.currency} already has a rate for ${parsed.data.date} in ${label(first).replace(/\.$/, "") || "this request"}.`,
      });
    else {
      seen.set(pair, i);
      rates.push(parsed.data);
    }
  });
  return { rates, errors };
}

export const upsertRatesOp = defineOperation({
  method: "POST",
  path: "/api/v1/fx-rates",
  operationId: "upsertFxRates",
  tag: "FX rates",
  summary: "Add or replace dated rates: one, an array, or a CSV",
  description:
    "A rate is base-currency units per one unit of `currency`. One object, an array, or `text/csv` with the header `currency,date,rate` (up to 10,000). All-or-nothing: every invalid item or row is reported and nothing is saved. Re-posting a currency and date replaces its rate; affected transactions are re-priced at once.",
  access: "write",
  body: z.unknown(),
  bodyDocument: z.union([fxRateInput, z.array(fxRateInput).min(1).max(MAX_RATES)]),
  bodyFormats: ["json", "form", "csv"],
  status: 201,
  response: z.union([fxRateResponse, z.object({ inserted: z.number().int(), data: z.array(fxRateResponse) })]),
  handle: async ({ userId, body, format }) => {
    const single = format !== "csv" && !Array.isArray(body);
    const items: unknown[] = single ? [body] : Array.isArray(body) ? body : [];
    const label = format === "csv" ? (i: number) => `row ${i + 2}.` : single ? () => "" : (i: number) => `${i}.`;
    if (items.length === 0) throw unprocessable("Send at least one rate.");
    if (items.length > MAX_RATES)
      throw new ApiError(413, "Payload too large", `At most ${MAX_RATES.toLocaleString("en-US")} rates per request.`);

    const { rates, errors } = checkRates(items, await userBaseCurrency(userId), label);
    if (errors.length) throw unprocessable("Some rates did not pass validation; nothing was saved.", errors);
    const saved = (await upsertRates(userId, rates)).map((r) => fxRateResponse.parse(r));
    return single ? saved[0] : reply({ inserted: saved.length, data: saved }, 201);
  },
});
