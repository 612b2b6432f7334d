import { createTransactionsOp, listTransactionsOp } from "@/lib/api/transactions";
import { route } from "@/lib/http";

export const GET = route(listTransactionsOp);
export const POST = route(createTransactionsOp);
