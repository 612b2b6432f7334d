import { scheduleSummaryOp } from "@/lib/api/schedules";
import { route } from "@/lib/http";

export const GET = route(scheduleSummaryOp);
