import { z } from "zod";
import { deliveryStatuses, webhookEvents } from "@/db/schema";
import { timestamp } from "./common";

export const webhookEvent = z.enum(webhookEvents, { error: `Events are: ${webhookEvents.join(", ")}.` });
export type WebhookEvent = z.output<typeof webhookEvent>;

/** At most this many endpoints per user: each event is one delivery per endpoint. */
export const MAX_WEBHOOKS = 10;

export const createWebhookInput = z.object({
  url: z
    .string()
    .trim()
    .max(2000, "At most 2,000 characters.")
    .pipe(z.url({ protocol: /^https?$/, error: "Give an http or https URL, like https://hooks.example.com/streamfolio." }))
    .meta({ description: "Where events are POSTed (http or https).", examples: ["https://hooks.zapier.com/hooks/catch/123/abc"] }),
  events: z
    .union(
      [
        z.array(z.string()),
        z.string().transform((s) =>
          s
            .split(",")
            .map((x) => x.trim())
            .filter((x) => x !== ""),
        ),
      ],
      {
        error: "events is a list of event types.",
      },
    )
    .pipe(z.array(webhookEvent).min(1, "Choose at least one event.").max(webhookEvents.length))
    .transform((events) => [...new Set(events)])
    .meta({ description: `Which events to send: ${webhookEvents.join(", ")}.` }),
});
export type CreateWebhookInput = z.output<typeof createWebhookInput>;

export const webhookResponse = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type WebhookView = z.output<typeof webhookResponse>;

/** POST answers the signing secret, once: it is never shown again. */
export const createdWebhookResponse = webhookResponse.extend({
  secret: z.string().meta({ description: "whsec_…: check each delivery's `webhook-signature` with it (Standard Webhooks). Shown once." }),
});

export const deliveryResponse = z.object({
  id: z.string(),
  messageId: z.string(),
  eventType: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: timestamp.nullable(),
  nextAttemptAt: timestamp.nullable(),
  createdAt: timestamp,
});
export type DeliveryView = z.output<typeof deliveryResponse>;

export const deliveriesQuery = z.object({
  limit: z.coerce.number({ error: "limit is a number." }).int().min(1).max(100, "limit is at most 100.").default(50),
});
