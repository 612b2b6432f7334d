import { planOp } from "@/lib/api/plan";
import { route } from "@/lib/http";

export const GET = route(planOp);
