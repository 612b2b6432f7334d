import { deleteTimeEntryOp, updateTimeEntryOp } from "@/lib/api/time-entries";
import { route } from "@/lib/http";

export const PATCH = route(updateTimeEntryOp);
export const DELETE = route(deleteTimeEntryOp);
