import { deleteScheduleOp, getScheduleOp, updateScheduleOp } from "@/lib/api/schedules";
import { route } from "@/lib/http";

export const GET = route(getScheduleOp);
export const PATCH = route(updateScheduleOp);
export const DELETE = route(deleteScheduleOp);
