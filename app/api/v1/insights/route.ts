import { listInsightsOp } from "@/lib/api/insights";
import { route } from "@/lib/http";

export const GET = route(listInsightsOp);
