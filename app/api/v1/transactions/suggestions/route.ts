import { suggestionsOp } from "@/lib/api/transactions";
import { route } from "@/lib/http";

export const GET = route(suggestionsOp);
