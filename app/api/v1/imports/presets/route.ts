import { listPresetsOp } from "@/lib/api/imports";
import { route } from "@/lib/http";

export const GET = route(listPresetsOp);
