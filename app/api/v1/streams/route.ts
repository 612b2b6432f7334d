import { createStreamOp, listStreamsOp } from "@/lib/api/streams";
import { route } from "@/lib/http";

export const GET = route(listStreamsOp);
export const POST = route(createStreamOp);
