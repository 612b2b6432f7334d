import { testWebhookOp } from "@/lib/api/webhooks";
import { route } from "@/lib/http";

export const POST = route(testWebhookOp);
