import { importOp, listImportsOp } from "@/lib/api/imports";
import { route } from "@/lib/http";

export const GET = route(listImportsOp);
export const POST = route(importOp);
