import { listGoals, setGoal } from "@/lib/data/goals";
import { json, route } from "@/lib/http";
import { createGoalInput, goalResponse } from "@/lib/schemas/goals";

export const GET = route({}, async ({ userId }) => ({
  data: (await listGoals(userId)).map((g) => goalResponse.parse(g)),
  nextCursor: null,
}));

/** 201 for a new step; 200 when it replaces the target of the same owner and month. */
export const POST = route({ access: "write", body: createGoalInput }, async ({ userId, body }) => {
  const { goal, created } = await setGoal(userId, body);
  return json(goalResponse.parse(goal), created ? 201 : 200);
});
