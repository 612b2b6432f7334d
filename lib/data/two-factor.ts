import "server-only";
import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { recoveryCodes, rememberedDevices, users } from "@/db/schema";

/** What Settings shows: whether two-factor sign-in is on, since when, and how many recovery codes are left. */
export async function getTwoFactorStatus(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).limit(1);
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(row?.enabledAt), enabledAt: row?.enabledAt ?? null, recoveryCodesLeft: left?.n ?? 0 };
}

/** The TOTP secret (pending or active) for checking codes; never sent to the browser once enabled. */
export async function getTotpSecret(userId: string): Promise<{ secret: string | null; enabled: boolean }> {
  const db = await getDb();
  const [row] = await db
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return { secret: row?.secret ?? null, enabled: Boolean(row?.secret && row.enabledAt) };
}

/** Starts enrolment: a new secret, not yet in force. Refused (false) while two-factor sign-in is on. */
export async function setPendingTotpSecret(userId: string, secret: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(users)
    .set({ totpSecret: secret })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Puts the pending secret in force with a fresh set of recovery codes (their SHA-256); false if none was pending. */
export async function enableTotp(userId: string, codeHashes: string[]): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpEnabledAt: sql`now()` })
      .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), isNotNull(users.totpSecret)))
      .returning({ id: users.id });
    if (rows.length !== 1) return false;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
    return true;
  });
}

/** Turns two-factor sign-in off: the secret, the recovery codes and every trusted browser go. */
export async function disableTotp(userId: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null })
      .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx.delete(rememberedDevices).where(eq(rememberedDevices.userId, userId));
    return rows.length === 1;
  });
}

/** Claims a TOTP time step for the user: true when it is later than every step accepted before (atomic). */
export async function claimTotpStep(userId: string, step: number): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Forgets every browser the user trusted (a password change or "sign out everywhere" ends that trust too). */
export async function forgetTrustedBrowsers(userId: string, db: Executor) {
  await db.delete(rememberedDevices).where(eq(rememberedDevices.userId, userId));
}

/** Uses a recovery code once: true the first time, false for a wrong or already used one. */
export async function consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

/** Trusts a browser for `days`: its token's SHA-256. Expired rows of the user are dropped on the way. */
export async function rememberDevice(userId: string, tokenHash: string, days: number) {
  const db = await getDb();
  await db.delete(rememberedDevices).where(and(eq(rememberedDevices.userId, userId), sql`${rememberedDevices.expiresAt} <= now()`));
  await db.insert(rememberedDevices).values({ userId, tokenHash, expiresAt: sql`now() + make_interval(days => ${days})` });
}

/** Whether the browser's token is one the user trusted and it has not expired. */
export async function isRememberedDevice(userId: string, tokenHash: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: rememberedDevices.id })
    .from(rememberedDevices)
    .where(
      and(eq(rememberedDevices.userId, userId), eq(rememberedDevices.tokenHash, tokenHash), gt(rememberedDevices.expiresAt, sql`now()`)),
    )
    .limit(1);
  return Boolean(row);
}

/** For re-checking the password before turning two-factor sign-in off. */
export async function getPasswordHash(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.hash ?? null;
}
