import { loadDemoOp } from "@/lib/api/account";
import { route } from "@/lib/http";

export const POST = route(loadDemoOp);
