import { deleteTransaction, getTransaction, updateTransaction } from "@/lib/data/transactions";
import { route } from "@/lib/http";
import { transactionResponse, updateTransactionInput } from "@/lib/schemas/transactions";

export const GET = route({}, async ({ userId, params }) => transactionResponse.parse(await getTransaction(userId, params.id ?? "")));

export const PATCH = route({ access: "write", body: updateTransactionInput }, async ({ userId, params, body }) =>
  transactionResponse.parse(await updateTransaction(userId, params.id ?? "", body)),
);

/** Answers the deleted transaction so that a client can undo by posting it back. */
export const DELETE = route({ access: "write" }, async ({ userId, params }) =>
  transactionResponse.parse(await deleteTransaction(userId, params.id ?? "")),
);
