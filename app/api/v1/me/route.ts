import { getUser } from "@/lib/data/users";
import { route } from "@/lib/http";
import { meResponse } from "@/lib/schemas/users";

export const GET = route({ access: "read" }, async ({ userId }) => meResponse.parse(await getUser(userId)));
