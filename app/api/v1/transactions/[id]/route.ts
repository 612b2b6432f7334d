import { deleteTransactionOp, getTransactionOp, updateTransactionOp } from "@/lib/api/transactions";
import { route } from "@/lib/http";

export const GET = route(getTransactionOp);
export const PATCH = route(updateTransactionOp);
export const DELETE = route(deleteTransactionOp);
