import { streamSilenceOp } from "@/lib/api/streams";
import { route } from "@/lib/http";

export const GET = route(streamSilenceOp);
