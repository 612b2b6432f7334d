import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { notFound, unprocessable } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { MAX_WEBHOOKS, type CreateWebhookInput, type WebhookEvent } from "@/lib/schemas/webhooks";
import { obviouslyPrivate, privateAllowed } from "@/lib/webhooks/address";

const columns = {
  id: webhooks.id,
  url: webhooks.url,
  events: webhooks.events,
  createdAt: webhooks.createdAt,
  updatedAt: webhooks.updatedAt,
};

export async function listWebhooks(userId: string) {
  const db = await getDb();
  return db.select(columns).from(webhooks).where(eq(webhooks.userId, userId)).orderBy(webhooks.createdAt, webhooks.id);
}

/** A Standard Webhooks secret: "whsec_" and 24 random bytes in base64 (on create, and for each endpoint a backup restores). */
export const newSecret = () => `whsec_${crypto.randomBytes(24).toString("base64")}`;

/**
 * Refuses endpoints at a literal private address or a local name, however they are saved (registered, or
 * restored from a backup); `paths` name each URL's field. Names are looked up again before every delivery.
 */
export function assertPublicWebhookUrls(urls: readonly { url: string; path: string }[]) {
  if (privateAllowed()) return;
  const refused = urls.filter((u) => obviouslyPrivate(new URL(u.url)));
  if (refused.length)
    throw unprocessable(
      "Webhooks go to public addresses only.",
      refused.map((u) => ({ path: u.path, message: "This address is private or local: webhooks are sent to public addresses only." })),
    );
}

export async function createWebhook(userId: string, input: CreateWebhookInput) {
  const url = new URL(input.url);
  assertPublicWebhookUrls([{ url: input.url, path: "url" }]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(webhooks)
      .where(eq(webhooks.userId, userId));
    if ((row?.n ?? 0) >= MAX_WEBHOOKS)
      throw unprocessable(`At most ${MAX_WEBHOOKS} webhooks.`, [
        { path: "url", message: `You have ${MAX_WEBHOOKS} webhooks: delete one first.` },
      ]);
    const secret = newSecret();
    const [created] = await tx.insert(webhooks).values({ userId, url: url.toString(), events: input.events, secret }).returning(columns);
    return { ...created!, secret };
  });
}

async function webhookOf(userId: string, id: string, db: Executor) {
  if (!isUuid(id)) throw notFound("Webhook");
  const [row] = await db
    .select({ ...columns, secret: webhooks.secret })
    .from(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Webhook");
  return row;
}

export async function deleteWebhook(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Webhook");
  const db = await getDb();
  const gone = await db
    .delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.userId, userId)))
    .returning({ id: webhooks.id });
  if (gone.length === 0) throw notFound("Webhook");
}

export async function listDeliveries(userId: string, webhookId: string, limit: number) {
  const db = await getDb();
  await webhookOf(userId, webhookId, db);
  return db
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      durationMs: webhookDeliveries.durationMs,
      lastError: webhookDeliveries.lastError,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.userId, userId), eq(webhookDeliveries.webhookId, webhookId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

const messageId = () => `msg_${crypto.randomUUID().replace(/-/g, "")}`;

/**
 * Queues one delivery per event for every endpoint of the user that takes `type`, in the caller's
 * transaction (an outbox): a write that rolls back sends nothing, and one that commits is delivered
 * even if the process stops right after.
 */
export async function enqueueEvents(tx: Executor, userId: string, type: WebhookEvent, items: readonly unknown[], now = new Date()) {
  if (items.length === 0) return 0;
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.userId, userId), sql`${webhooks.events} @> ${JSON.stringify([type])}::jsonb`));
  if (targets.length === 0) return 0;
  const timestamp = now.toISOString();
  const rows = targets.flatMap((t) =>
    items.map((data) => ({
      userId,
      webhookId: t.id,
      messageId: messageId(),
      eventType: type,
      payload: { type, timestamp, data },
      nextAttemptAt: now,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(webhookDeliveries).values(rows.slice(i, i + 1000));
  return rows.length;
}

/** "Send a test event": one `webhook.test` delivery to this endpoint, whatever events it takes. */
export async function queueTestEvent(userId: string, webhookId: string, now = new Date()) {
  const db = await getDb();
  const hook = await webhookOf(userId, webhookId, db);
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      userId,
      webhookId: hook.id,
      messageId: messageId(),
      eventType: "webhook.test",
      payload: {
        type: "webhook.test",
        timestamp: now.toISOString(),
        data: { message: "A test event from Streamfolio.", webhookId: hook.id },
      },
      nextAttemptAt: now,
    })
    .returning({ id: webhookDeliveries.id });
  return row!.id;
}
