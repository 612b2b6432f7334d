import { createTransactions, findByExternalId, listTransactions, streamRefErrors, userBaseCurrency } from "@/lib/data/transactions";
import { ApiError, json, readBodyText, route, unprocessable } from "@/lib/http";
import { batchResponse, listTransactionsQuery, MAX_BATCH, parseTransactionItems, transactionResponse } from "@/lib/schemas/transactions";

export const GET = route({ query: listTransactionsQuery }, async ({ userId, query }) => {
  const page = await listTransactions(userId, query);
  return { data: page.data.map((t) => transactionResponse.parse(t)), nextCursor: page.nextCursor };
});

/** One object → the object (201, or 200 with the existing one for a known externalId); an array → a batch. */
export const POST = route({ access: "write" }, async ({ userId, req }) => {
  const text = await readBodyText(req, 4 * 1024 * 1024);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError(400, "Malformed JSON", "The request body is not valid JSON.");
  }
  const isBatch = Array.isArray(raw);
  const list: unknown[] = isBatch ? (raw as unknown[]) : [raw];
  if (isBatch && list.length === 0) throw unprocessable("Send at least one transaction.", [{ path: "", message: "The array is empty." }]);
  if (list.length > MAX_BATCH) throw new ApiError(413, "Payload too large", `At most ${MAX_BATCH} transactions per request; send larger sets in several batches.`);
  if (!isBatch && (typeof raw !== "object" || raw === null)) throw unprocessable("Send a transaction object or an array of them.");

  const prefix = isBatch ? (i: number) => `${i}.` : () => "";
  const parsed = parseTransactionItems(list, await userBaseCurrency(userId), prefix);
  const errors = [...parsed.errors, ...(await streamRefErrors(userId, parsed.refs, prefix))];
  if (errors.length) throw unprocessable(isBatch ? "Some items did not pass validation; nothing was saved." : "The transaction did not pass validation.", errors);

  const result = await createTransactions(userId, parsed.items, { pathPrefix: prefix });
  if (isBatch) return json(batchResponse.parse(result), result.inserted > 0 ? 201 : 200);
  const [created] = result.data;
  if (created) return json(transactionResponse.parse(created), 201);
  const existing = await findByExternalId(userId, parsed.items[0]!.externalId ?? "");
  return json(transactionResponse.parse(existing), 200);
});
