import { listGoalsOp, setGoalOp } from "@/lib/api/goals";
import { route } from "@/lib/http";

export const GET = route(listGoalsOp);
export const POST = route(setGoalOp);
