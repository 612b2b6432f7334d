import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { sessions, users } from "@/db/schema";
import { dataVersionOf } from "@/lib/data/data-versions";

/** Idle and absolute lifetimes of a browser session, in hours (SESSION_IDLE_HOURS, SESSION_MAX_HOURS). */
export function sessionLifetimes(): { idleHours: number; maxHours: number } {
  const hours = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { idleHours: hours(process.env.SESSION_IDLE_HOURS, 24 * 7), maxHours: hours(process.env.SESSION_MAX_HOURS, 24 * 30) };
}

/** A new server-side session for a sign-in; its id goes into the session cookie. */
export async function createSession(userId: string, client: { ip: string; userAgent: string | null }): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(sessions)
    .values({ userId, ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null })
    .returning({ id: sessions.id });
  return row!.id;
}

const live = (sessionId: string, userId: string) => {
  const { idleHours, maxHours } = sessionLifetimes();
  return and(
    eq(sessions.id, sessionId),
    eq(sessions.userId, userId),
    isNull(sessions.revokedAt),
    sql`${sessions.lastSeenAt} > now() - make_interval(secs => ${idleHours * 3600})`,
    sql`${sessions.createdAt} > now() - make_interval(secs => ${maxHours * 3600})`,
  );
};

/**
 * The user behind a session cookie, when its session is live: not signed out, not idle too long, not past
 * its absolute lifetime, and issued under the user's current session version. Marks the session seen (at
 * most once a minute, so a busy page does not write on every request).
 */
export async function findUserForSession(userId: string, sessionVersion: number, sessionId: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      stamp: { dataVersion: dataVersionOf(users.id), timeZone: users.timeZone },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(live(sessionId, userId), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  if (!row) return null;
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), sql`${sessions.lastSeenAt} < now() - interval '60 seconds'`));
  return row;
}

/** Ends one session (sign-out). */
export async function revokeSession(userId: string, sessionId: string) {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Ends every session of the user but `keep` (a password change keeps the browser that made it). */
export async function revokeOtherSessions(userId: string, keep: string | null) {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined));
}

/** The user's live sessions, newest first (Settings shows where they are signed in). */
export async function listSessions(userId: string) {
  const db = await getDb();
  const { idleHours, maxHours } = sessionLifetimes();
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        sql`${sessions.lastSeenAt} > now() - make_interval(secs => ${idleHours * 3600})`,
        sql`${sessions.createdAt} > now() - make_interval(secs => ${maxHours * 3600})`,
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`)
    .limit(50);
}
