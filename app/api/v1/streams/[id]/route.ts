import { deleteStreamOp, getStreamOp, updateStreamOp } from "@/lib/api/streams";
import { route } from "@/lib/http";

export const GET = route(getStreamOp);
export const PATCH = route(updateStreamOp);
export const DELETE = route(deleteStreamOp);
