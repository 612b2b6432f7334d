import { listRatesOp, upsertRatesOp } from "@/lib/api/fx-rates";
import { route } from "@/lib/http";

export const GET = route(listRatesOp);
export const POST = route(upsertRatesOp);
