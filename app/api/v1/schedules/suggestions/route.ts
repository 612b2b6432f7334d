import { scheduleSuggestionsOp } from "@/lib/api/schedules";
import { route } from "@/lib/http";

export const GET = route(scheduleSuggestionsOp);
