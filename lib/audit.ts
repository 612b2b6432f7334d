import "server-only";
import { getDb } from "@/db/index";
import { auditEvents } from "@/db/schema";
import { logLine } from "@/lib/log";

export { logLine } from "@/lib/log";

/** Security events: each is one JSON line on stdout, and those about an account also go to its activity list. */
export type AuditKind =
  | "sign-in"
  | "sign-in.failed"
  | "sign-in.throttled"
  | "sign-out"
  | "sign-out.everywhere"
  | "sign-up"
  | "password.changed"
  | "password.reset-requested"
  | "password.reset"
  | "email.changed"
  | "totp.enabled"
  | "totp.disabled"
  | "recovery-code.used"
  | "account.deleted"
  | "token.created"
  | "token.revoked"
  | "authz.denied"
  | "csrf.refused";

/** Kinds listed under "Recent activity" in Settings (the rest are only logged). */
const listed = new Set<AuditKind>([
  "sign-in",
  "sign-in.failed",
  "sign-in.throttled",
  "sign-out.everywhere",
  "password.changed",
  "password.reset",
  "email.changed",
  "totp.enabled",
  "totp.disabled",
  "recovery-code.used",
  "token.created",
  "token.revoked",
]);

export type AuditEvent = {
  kind: AuditKind;
  userId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  /** Never a password, token, secret or hash: ids, counts, reasons. */
  detail?: Record<string, unknown>;
};

/** Logs a security event and, for an account's own events, records it for its activity list. Never throws. */
export async function audit(event: AuditEvent): Promise<void> {
  logLine(
    event.kind.endsWith("failed") || event.kind.endsWith("throttled") || event.kind.endsWith("denied") || event.kind.endsWith("refused")
      ? "warn"
      : "info",
    "audit",
    {
      event: event.kind,
      userId: event.userId ?? undefined,
      ip: event.ip ?? undefined,
      ...(event.detail ?? {}),
    },
  );
  if (!event.userId || !listed.has(event.kind)) return;
  try {
    const db = await getDb();
    await db.insert(auditEvents).values({
      userId: event.userId,
      kind: event.kind,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 300) ?? null,
      detail: event.detail ?? {},
    });
  } catch (err) {
    // The account may be gone (deleted a moment ago); the log line above still holds the event.
    logLine("error", "audit write failed", { event: event.kind, error: String(err) });
  }
}
