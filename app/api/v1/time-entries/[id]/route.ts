import { deleteTimeEntryOp } from "@/lib/api/time-entries";
import { route } from "@/lib/http";

export const DELETE = route(deleteTimeEntryOp);
