import { restoreOp } from "@/lib/api/export";
import { route } from "@/lib/http";

export const POST = route(restoreOp);
