import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { auditEvents } from "@/db/schema";

/** The account's recent security events (sign-ins, failures, changes), newest first, for Settings → Account. */
export async function listActivity(userId: string, limit = 20) {
  const db = await getDb();
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, kind: auditEvents.kind, ip: auditEvents.ip, userAgent: auditEvents.userAgent })
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}
