import { exportOp } from "@/lib/api/export";
import { route } from "@/lib/http";

export const GET = route(exportOp);
