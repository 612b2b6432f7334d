import { createScheduleOp, listSchedulesOp } from "@/lib/api/schedules";
import { route } from "@/lib/http";

export const GET = route(listSchedulesOp);
export const POST = route(createScheduleOp);
