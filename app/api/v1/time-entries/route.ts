import { createTimeEntryOp, listTimeEntriesOp } from "@/lib/api/time-entries";
import { route } from "@/lib/http";

export const GET = route(listTimeEntriesOp);
export const POST = route(createTimeEntryOp);
