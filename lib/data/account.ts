import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { passwordResets, sessions, signInFailures, users } from "@/db/schema";
import { pgCode } from "@/lib/http-errors";
import { forgetTrustedBrowsers } from "@/lib/data/two-factor";

/** The account's password hash, for checking the current password before a change (never leaves the server). */
export async function getPasswordHash(userId: string): Promise<{ email: string; passwordHash: string } | null> {
  const db = await getDb();
  const [row] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

/** A new password hash; pending reset links stop working (they were for the old password), and so does every trusted browser. */
export async function setPasswordHash(userId: string, passwordHash: string, db?: Executor) {
  const run = async (tx: Executor) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endPendingResets(tx, userId);
    await forgetTrustedBrowsers(userId, tx);
  };
  if (db) return run(db);
  return (await getDb()).transaction(run);
}

/**
 * A new sign-in email, unique regardless of case. "taken" when another account has it (the unique
 * index decides, so two changes at once cannot both win). Pending reset links, sent to the old
 * address, stop working.
 */
export async function setEmail(userId: string, email: string): Promise<"ok" | "taken"> {
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ email }).where(eq(users.id, userId));
      await endPendingResets(tx, userId);
    });
    return "ok";
  } catch (err) {
    if (pgCode(err) === "23505") return "taken";
    throw err;
  }
}

/**
 * Deletes the account and everything it owns. Every table with a user_id references users ON DELETE
 * CASCADE (tests/integration/account.test.ts checks the catalogue), rollups included; what is keyed by
 * the email instead (failed sign-ins) is deleted here. One transaction: all of it goes, or none.
 */
export async function deleteUserAndData(userId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update").limit(1);
    if (!user) return false;
    await tx.delete(signInFailures).where(eq(signInFailures.account, user.email.toLowerCase()));
    await tx.delete(users).where(eq(users.id, userId));
    return true;
  });
}

// ── Password reset links ───────────────────────────────────────────────────────────────────────────

const RESET_TTL_MINUTES = 60;

export function hashResetToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A new one-use reset link's token (32 random bytes, base64url), valid for an hour; only its SHA-256 is stored. */
export async function createPasswordReset(userId: string): Promise<string> {
  const db = await getDb();
  const token = crypto.randomBytes(32).toString("base64url");
  await db.insert(passwordResets).values({
    userId,
    tokenHash: hashResetToken(token),
    expiresAt: sql`now() + make_interval(mins => ${RESET_TTL_MINUTES})`,
  });
  return token;
}

/** Reset links created for the account in the last hour (a mailbox is not flooded). */
export async function recentResetCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), sql`${passwordResets.createdAt} > now() - interval '1 hour'`));
  return row?.n ?? 0;
}

const usable = (tokenHash: string) =>
  and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`));

/** Whether a link's token is unused and unexpired (checked before the costly hashing of the new password). */
export async function resetTokenUsable(token: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(usable(hashResetToken(token)))
    .limit(1);
  return Boolean(row);
}

/**
 * Uses a reset link: in one transaction the link is spent (only one of two concurrent uses wins), the
 * password replaced, every other pending link spent, and every session ended (the session version
 * moves on, so no cookie issued before holds). Answers the account's id, or null for a spent, expired
 * or unknown link.
 */
export async function consumePasswordReset(token: string, passwordHash: string): Promise<string | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(usable(hashResetToken(token)))
      .returning({ userId: passwordResets.userId });
    if (!spent) return null;
    await replacePasswordEverywhere(tx, spent.userId, passwordHash);
    return spent.userId;
  });
}

/** The operator's reset (npm run user:reset-password): the new password, every session ended. */
export async function setPasswordAndEndSessions(userId: string, passwordHash: string) {
  const db = await getDb();
  await db.transaction((tx) => replacePasswordEverywhere(tx, userId, passwordHash));
}

async function replacePasswordEverywhere(tx: Executor, userId: string, passwordHash: string) {
  await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  await tx
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await endPendingResets(tx, userId);
  await forgetTrustedBrowsers(userId, tx);
}

async function endPendingResets(tx: Executor, userId: string) {
  await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
