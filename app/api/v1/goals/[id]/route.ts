import { deleteGoal } from "@/lib/data/goals";
import { route } from "@/lib/http";
import { goalResponse } from "@/lib/schemas/goals";

export const DELETE = route({ access: "write" }, async ({ userId, params }) => goalResponse.parse(await deleteGoal(userId, params.id ?? "")));
