import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { getDb } from "@/db/index";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { refusedDestination } from "./address";

/** Attempts before a delivery is given up: the waits between them add up to about a day. */
export const MAX_ATTEMPTS = 8;
/** The wait after attempt n (1-based): 30 s, 2 min, 8 min, 32 min, about 2 h, 8.5 h, then a day. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 4 ** (attempt - 1), 24 * 3_600_000);
}
/** How long a claimed attempt is held: a process that dies mid-attempt frees it for another after this. */
const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 10_000;

/**
 * Claims up to `limit` due deliveries (FOR UPDATE SKIP LOCKED: another process takes others, never the
 * same), holds them for the lease, and counts the attempt before sending, so an attempt runs once.
 */
async function claim(limit: number, userIds?: readonly string[]) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          sql`${webhookDeliveries.nextAttemptAt} <= now()`,
          userIds ? inArray(webhookDeliveries.userId, [...userIds]) : undefined,
        ),
      )
      .orderBy(webhookDeliveries.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastAttemptAt: sql`now()`,
        nextAttemptAt: sql`now() + ${`${LEASE_MS} milliseconds`}::interval`,
      })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .returning({
        id: webhookDeliveries.id,
        webhookId: webhookDeliveries.webhookId,
        messageId: webhookDeliveries.messageId,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
      });
  });
}

type Outcome = { ok: boolean; responseStatus: number | null; durationMs: number; error: string | null };

/** One signed POST as the Standard Webhooks convention says: headers webhook-id, -timestamp, -signature. */
async function send(url: string, secret: string, messageId: string, body: string): Promise<Outcome> {
  const started = performance.now();
  const destination = new URL(url);
  const refused = await refusedDestination(destination);
  if (refused) return { ok: false, responseStatus: null, durationMs: 0, error: refused };
  const at = new Date();
  const signature = new Webhook(secret).sign(messageId, at, body);
  try {
    const res = await fetch(destination, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Streamfolio-Webhooks/1",
        "webhook-id": messageId,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    const durationMs = Math.round(performance.now() - started);
    return {
      ok: res.status >= 200 && res.status < 300,
      responseStatus: res.status,
      durationMs,
      error: res.ok ? null : `HTTP ${res.status}`,
    };
  } catch (err) {
    const durationMs = Math.round(performance.now() - started);
    const error =
      err instanceof Error && err.name === "TimeoutError"
        ? `No answer within ${TIMEOUT_MS / 1000} s`
        : `Could not connect (${String(err instanceof Error ? (err.cause ?? err.message) : err).slice(0, 200)})`;
    return { ok: false, responseStatus: null, durationMs, error };
  }
}

/**
 * Sends what is due, once per attempt whatever the number of processes; a failure waits backoffMs(n)
 * and is given up after MAX_ATTEMPTS. Answers how many attempts were made.
 */
export async function deliverDue(limit = 20, userIds?: readonly string[]): Promise<number> {
  const claimed = await claim(limit, userIds);
  if (claimed.length === 0) return 0;
  const db = await getDb();
  const targets = new Map(
    (
      await db
        .select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret })
        .from(webhooks)
        .where(
          inArray(
            webhooks.id,
            claimed.map((c) => c.webhookId),
          ),
        )
    ).map((w) => [w.id, w]),
  );
  await Promise.all(
    claimed.map(async (d) => {
      const target = targets.get(d.webhookId);
      // Deleted meanwhile: its deliveries went with it.
      if (!target) return;
      const outcome = await send(target.url, target.secret, d.messageId, JSON.stringify(d.payload));
      const done = outcome.ok || d.attempts >= MAX_ATTEMPTS;
      await db
        .update(webhookDeliveries)
        .set({
          status: outcome.ok ? "succeeded" : done ? "failed" : "pending",
          responseStatus: outcome.responseStatus,
          durationMs: outcome.durationMs,
          lastError: outcome.error,
          nextAttemptAt: done ? null : sql`now() + ${`${backoffMs(d.attempts)} milliseconds`}::interval`,
        })
        .where(eq(webhookDeliveries.id, d.id));
    }),
  );
  return claimed.length;
}
