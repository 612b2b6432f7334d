import { unpricedOp } from "@/lib/api/fx-rates";
import { route } from "@/lib/http";

export const GET = route(unpricedOp);
