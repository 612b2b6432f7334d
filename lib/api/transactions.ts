import "server-only";
import { z } from "zod";
import {
  createTransactions,
  deleteTransaction,
  findByExternalId,
  getTransaction,
  listTransactions,
  streamRefErrors,
  transactionSuggestions,
  updateTransaction,
} from "@/lib/data/transactions";
import { userBaseCurrency } from "@/lib/data/users";
import { ApiError, unprocessable } from "@/lib/http-errors";
import { listResponse } from "@/lib/schemas/common";
import {
  batchResponse,
  listTransactionsQuery,
  MAX_BATCH,
  parseTransactionItems,
  suggestionsResponse,
  transactionInputSchema,
  transactionResponse,
  updateTransactionInput,
  type ListTransactionsQuery,
} from "@/lib/schemas/transactions";
import { defineOperation, reply } from "./operation";

const transactionList = listResponse(transactionResponse);

/** A page of the transactions list, as GET /api/v1/transactions answers it. */
export async function readTransactions(userId: string, query: ListTransactionsQuery) {
  return transactionList.parse(await listTransactions(userId, query));
}

/** Counterparties and platforms used before, as GET /api/v1/transactions/suggestions answers them. */
export async function readSuggestions(userId: string) {
  return suggestionsResponse.parse(await transactionSuggestions(userId));
}

export const listTransactionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/transactions",
  operationId: "listTransactions",
  tag: "Transactions",
  summary: "List transactions, newest first",
  description: "Filters combine; pages are keyset-paginated: pass `nextCursor` back as `cursor`.",
  access: "read",
  query: listTransactionsQuery,
  status: 200,
  response: transactionList,
  handle: ({ userId, query }) => readTransactions(userId, query),
});

/**
 * One object → the object (201, or 200 with the existing one for a known externalId); an array → a batch
 * of up to 1,000, all-or-nothing, with every item's errors by index and field.
 */
export const createTransactionsOp = defineOperation({
  method: "POST",
  path: "/api/v1/transactions",
  operationId: "createTransactions",
  tag: "Transactions",
  summary: "Log one transaction, or a batch of up to 1,000",
  description:
    "One object is answered with the transaction (200 with the existing one when its `externalId` is known). An array is all-or-nothing: one invalid item rejects the batch with every item's errors (paths like `3.amount`); known `externalId`s are counted under `duplicates` and never inserted twice.",
  access: "write",
  body: z.unknown(),
  bodyDocument: z.union([transactionInputSchema, z.array(transactionInputSchema).min(1).max(MAX_BATCH)]),
  maxBodyBytes: 4 * 1024 * 1024,
  status: 201,
  response: z.union([transactionResponse, batchResponse]),
  alsoStatus: { 200: "Nothing new: the transaction (or every item of the batch) was already there." },
  handle: async ({ userId, body }) => {
    const isBatch = Array.isArray(body);
    const list: unknown[] = isBatch ? body : [body];
    if (isBatch && list.length === 0) throw unprocessable("Send at least one transaction.", [{ path: "", message: "The array is empty." }]);
    if (list.length > MAX_BATCH)
      throw new ApiError(413, "Payload too large", `At most ${MAX_BATCH} transactions per request; send larger sets in several batches.`);
    if (!isBatch && (typeof body !== "object" || body === null)) throw unprocessable("Send a transaction object or an array of them.");

    const prefix = isBatch ? (i: number) => `${i}.` : () => "";
    const parsed = parseTransactionItems(list, await userBaseCurrency(userId), prefix);
    const errors = [...parsed.errors, ...(await streamRefErrors(userId, parsed.refs, prefix))];
    if (errors.length)
      throw unprocessable(
        isBatch ? "Some items did not pass validation; nothing was saved." : "The transaction did not pass validation.",
        errors,
      );

    const result = await createTransactions(userId, parsed.items, { pathPrefix: prefix });
    if (isBatch) return reply(batchResponse.parse(result), result.inserted > 0 ? 201 : 200);
    const [created] = result.data;
    if (created) return transactionResponse.parse(created);
    return reply(transactionResponse.parse(await findByExternalId(userId, parsed.items[0]!.externalId ?? "")), 200);
  },
});

export const suggestionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/transactions/suggestions",
  operationId: "listTransactionSuggestions",
  tag: "Transactions",
  summary: "Counterparties and platforms used before",
  access: "read",
  status: 200,
  response: suggestionsResponse,
  handle: ({ userId }) => readSuggestions(userId),
});

export const getTransactionOp = defineOperation({
  method: "GET",
  path: "/api/v1/transactions/{id}",
  operationId: "getTransaction",
  tag: "Transactions",
  summary: "Get a transaction",
  access: "read",
  status: 200,
  response: transactionResponse,
  handle: async ({ userId, params }) => transactionResponse.parse(await getTransaction(userId, params.id ?? "")),
});

export const updateTransactionOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/transactions/{id}",
  operationId: "updateTransaction",
  tag: "Transactions",
  summary: "Change a transaction",
  access: "write",
  body: updateTransactionInput,
  status: 200,
  response: transactionResponse,
  conflicts: "The externalId belongs to another transaction.",
  handle: async ({ userId, params, body }) => transactionResponse.parse(await updateTransaction(userId, params.id ?? "", body)),
});

export const deleteTransactionOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/transactions/{id}",
  operationId: "deleteTransaction",
  tag: "Transactions",
  summary: "Delete a transaction (answers it, so a client can undo)",
  access: "write",
  status: 200,
  response: transactionResponse,
  handle: async ({ userId, params }) => transactionResponse.parse(await deleteTransaction(userId, params.id ?? "")),
});
