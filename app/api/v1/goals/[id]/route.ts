import { deleteGoalOp } from "@/lib/api/goals";
import { route } from "@/lib/http";

export const DELETE = route(deleteGoalOp);
