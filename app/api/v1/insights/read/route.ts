import { markInsightsReadOp } from "@/lib/api/insights";
import { route } from "@/lib/http";

export const POST = route(markInsightsReadOp);
