import { createTokenOp, listTokensOp } from "@/lib/api/account";
import { route } from "@/lib/http";

export const GET = route(listTokensOp);
export const POST = route(createTokenOp);
