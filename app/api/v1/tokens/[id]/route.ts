import { revokeToken } from "@/lib/data/tokens";
import { route } from "@/lib/http";
import { tokenResponse } from "@/lib/schemas/tokens";

export const DELETE = route({ access: "session" }, async ({ userId, params }) =>
  tokenResponse.parse(await revokeToken(userId, params.id ?? "")),
);
