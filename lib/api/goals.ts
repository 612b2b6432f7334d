import "server-only";
import { deleteGoal, listGoals, setGoal } from "@/lib/data/goals";
import { listResponse } from "@/lib/schemas/common";
import { createGoalInput, goalResponse } from "@/lib/schemas/goals";
import { defineOperation, reply } from "./operation";

const goalList = listResponse(goalResponse);

/** The goals list as GET /api/v1/goals answers it. */
export async function readGoals(userId: string) {
  return goalList.parse({ data: await listGoals(userId), nextCursor: null });
}

export const listGoalsOp = defineOperation({
  method: "GET",
  path: "/api/v1/goals",
  operationId: "listGoals",
  tag: "Goals",
  summary: "List goals",
  access: "read",
  status: 200,
  response: goalList,
  handle: ({ userId }) => readGoals(userId),
});

export const setGoalOp = defineOperation({
  method: "POST",
  path: "/api/v1/goals",
  operationId: "setGoal",
  tag: "Goals",
  summary: "Set a monthly goal from a month on",
  description:
    "A goal for the whole portfolio (`streamId` null) or one stream. Posting again for the same owner and month replaces its target (200).",
  access: "write",
  body: createGoalInput,
  status: 201,
  response: goalResponse,
  alsoStatus: { 200: "The owner already had a goal from this month: its target was replaced." },
  handle: async ({ userId, body }) => {
    const { goal, created } = await setGoal(userId, body);
    return reply(goalResponse.parse(goal), created ? 201 : 200);
  },
});

export const deleteGoalOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/goals/{id}",
  operationId: "deleteGoal",
  tag: "Goals",
  summary: "Delete a goal",
  access: "write",
  status: 200,
  response: goalResponse,
  handle: async ({ userId, params }) => goalResponse.parse(await deleteGoal(userId, params.id ?? "")),
});
