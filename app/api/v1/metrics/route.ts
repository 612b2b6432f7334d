import { metricsOp } from "@/lib/api/metrics";
import { route } from "@/lib/http";

export const GET = route(metricsOp);
