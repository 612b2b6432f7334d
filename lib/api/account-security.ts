import "server-only";
import { listActivity } from "@/lib/data/activity";
import { listSessions } from "@/lib/data/sessions";
import { emailConfigured } from "@/lib/email";
import { browserName } from "@/lib/user-agent";

export type SessionView = { id: string; browser: string; ip: string | null; createdAt: string; lastSeenAt: string; current: boolean };
export type ActivityView = { id: number; kind: string; at: string; ip: string | null; browser: string | null };
export type AccountView = { sessions: SessionView[]; activity: ActivityView[]; mailConfigured: boolean };

/** Settings → Account: where the account is signed in (this browser marked) and its recent security events. */
export async function readAccountSecurity(userId: string, currentSessionId: string | null): Promise<AccountView> {
  const [sessions, activity] = await Promise.all([listSessions(userId), listActivity(userId)]);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      browser: browserName(s.userAgent),
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === currentSessionId,
    })),
    activity: activity.map((a) => ({
      id: a.id,
      kind: a.kind,
      at: a.at.toISOString(),
      ip: a.ip,
      browser: a.userAgent ? browserName(a.userAgent) : null,
    })),
    mailConfigured: emailConfigured(),
  };
}
