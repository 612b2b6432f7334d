import { deleteWebhookOp } from "@/lib/api/webhooks";
import { route } from "@/lib/http";

export const DELETE = route(deleteWebhookOp);
