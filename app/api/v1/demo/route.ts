import { loadDemo } from "@/lib/data/demo";
import { getUser } from "@/lib/data/users";
import { json, route } from "@/lib/http";
import { todayIn } from "@/lib/today";

/** Fills an empty account with the demo portfolio (409 when the account already has streams). */
export const POST = route({ access: "write" }, async ({ userId }) => {
  const user = await getUser(userId);
  return json(await loadDemo(userId, todayIn(user.timeZone)), 201);
});
