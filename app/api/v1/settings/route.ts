import { getSettingsOp, updateSettingsOp } from "@/lib/api/account";
import { route } from "@/lib/http";

export const GET = route(getSettingsOp);
export const PATCH = route(updateSettingsOp);
