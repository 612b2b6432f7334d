import "server-only";
import { z } from "zod";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, queueTestEvent } from "@/lib/data/webhooks";
import { listResponse } from "@/lib/schemas/common";
import { createdWebhookResponse, createWebhookInput, deliveriesQuery, deliveryResponse, webhookResponse } from "@/lib/schemas/webhooks";
import { defineOperation } from "./operation";

const webhookList = listResponse(webhookResponse);
const deliveryList = listResponse(deliveryResponse);

/** The webhooks list as GET /api/v1/webhooks answers it (never with secrets). */
export async function readWebhooks(userId: string) {
  return webhookList.parse({ data: await listWebhooks(userId), nextCursor: null });
}

export const listWebhooksOp = defineOperation({
  method: "GET",
  path: "/api/v1/webhooks",
  operationId: "listWebhooks",
  tag: "Webhooks",
  summary: "List webhook endpoints",
  access: "read",
  status: 200,
  response: webhookList,
  handle: ({ userId }) => readWebhooks(userId),
});

export const createWebhookOp = defineOperation({
  method: "POST",
  path: "/api/v1/webhooks",
  operationId: "createWebhook",
  tag: "Webhooks",
  summary: "Register a webhook endpoint",
  description:
    "Deliveries are POSTed as JSON `{ type, timestamp, data }` with the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the secret answered here, once). A failed delivery (not 2xx within 10 s) is retried after 30 s, 2, 8 and 32 min, about 2 and 8.5 h, then a day; after 8 attempts it is given up. Private and loopback addresses are refused. At most 10 endpoints.",
  access: "write",
  body: createWebhookInput,
  status: 201,
  response: createdWebhookResponse,
  handle: async ({ userId, body }) => createdWebhookResponse.parse(await createWebhook(userId, body)),
});

export const deleteWebhookOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  operationId: "deleteWebhook",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint and its delivery log",
  access: "write",
  status: 204,
  handle: async ({ userId, params }) => {
    await deleteWebhook(userId, params.id ?? "");
    return null;
  },
});

/** One endpoint's latest deliveries, as GET /api/v1/webhooks/{id}/deliveries answers them. */
export async function readDeliveries(userId: string, webhookId: string, limit = 50) {
  return deliveryList.parse({ data: await listDeliveries(userId, webhookId, limit), nextCursor: null });
}

export const listDeliveriesOp = defineOperation({
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tag: "Webhooks",
  summary: "The delivery log of one endpoint, newest first",
  description:
    "Each event's delivery: its status (pending, succeeded, failed), attempts, the last response code and duration, and when it is retried.",
  access: "read",
  query: deliveriesQuery,
  status: 200,
  response: deliveryList,
  handle: ({ userId, params, query }) => readDeliveries(userId, params.id ?? "", query.limit),
});

const testResponse = z.object({ deliveryId: z.string() });

export const testWebhookOp = defineOperation({
  method: "POST",
  path: "/api/v1/webhooks/{id}/test",
  operationId: "sendTestWebhook",
  tag: "Webhooks",
  summary: "Send a test event (type webhook.test) to this endpoint",
  access: "write",
  status: 202,
  response: testResponse,
  handle: async ({ userId, params }) => testResponse.parse({ deliveryId: await queueTestEvent(userId, params.id ?? "") }),
});
