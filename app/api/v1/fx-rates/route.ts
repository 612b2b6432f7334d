import { listRates, upsertRates, userBaseCurrencyForRates } from "@/lib/data/fx";
import { ApiError, json, readBodyText, route, unprocessable } from "@/lib/http";
import { parseCsv } from "@/lib/csv";
import { fxRateInput, fxRateResponse, listFxRatesQuery, type FxRateInput } from "@/lib/schemas/fx-rates";

export const GET = route({ query: listFxRatesQuery }, async ({ userId, query }) => ({
  data: (await listRates(userId, query)).map((r) => fxRateResponse.parse(r)),
  nextCursor: null,
}));

/**
 * One rate, an array of rates, or a CSV (`text/csv`, header `currency,date,rate`). All-or-nothing:
 * every invalid item or row is reported and nothing is saved. Re-posting a currency and date replaces its rate.
 */
export const POST = route({ access: "write" }, async ({ userId, req }) => {
  const text = await readBodyText(req, 2 * 1024 * 1024);
  const isCsv = (req.headers.get("content-type") ?? "").includes("text/csv");
  let items: unknown[];
  let label: (i: number) => string;
  let single = false;
  if (isCsv) {
    const csv = parseCsv(text);
    if (csv.errors.length) throw unprocessable("The CSV could not be read.", csv.errors.map((e) => ({ path: `row ${e.row}`, message: e.message })));
    items = csv.rows;
    label = (i) => `row ${i + 2}.`;
  } else {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new ApiError(400, "Malformed JSON", "The request body is not valid JSON.");
    }
    single = !Array.isArray(raw);
    items = single ? [raw] : (raw as unknown[]);
    label = single ? () => "" : (i) => `${i}.`;
  }
  if (items.length === 0) throw unprocessable("Send at least one rate.");
  if (items.length > 10_000) throw new ApiError(413, "Payload too large", "At most 10,000 rates per request.");

  const base = await userBaseCurrencyForRates(userId);
  const errors: { path: string; message: string }[] = [];
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
    if (parsed.data.currency === base) errors.push({ path: `${label(i)}currency`, message: `${base} is your base currency: its rate is always 1.` });
    else if (first !== undefined) errors.push({ path: `${label(i)}date`, message: `${parsed.data.currency} already has a rate for ${parsed.data.date} in ${label(first).replace(/\.$/, "") || "this request"}.` });
    else {
      seen.set(pair, i);
      rates.push(parsed.data);
    }
  });
  if (errors.length) throw unprocessable("Some rates did not pass validation; nothing was saved.", errors);

  const saved = (await upsertRates(userId, rates)).map((r) => fxRateResponse.parse(r));
  return single ? json(saved[0], 201) : json({ inserted: saved.length, data: saved }, 201);
});
