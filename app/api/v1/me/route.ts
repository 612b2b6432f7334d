import { meOp } from "@/lib/api/account";
import { route } from "@/lib/http";

export const GET = route(meOp);
