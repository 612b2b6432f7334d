import { listDeliveriesOp } from "@/lib/api/webhooks";
import { route } from "@/lib/http";

export const GET = route(listDeliveriesOp);
