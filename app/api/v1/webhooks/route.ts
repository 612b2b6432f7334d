import { createWebhookOp, listWebhooksOp } from "@/lib/api/webhooks";
import { route } from "@/lib/http";

export const GET = route(listWebhooksOp);
export const POST = route(createWebhookOp);
