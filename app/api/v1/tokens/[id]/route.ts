import { revokeTokenOp } from "@/lib/api/account";
import { route } from "@/lib/http";

export const DELETE = route(revokeTokenOp);
