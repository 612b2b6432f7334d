import "server-only";
import { cache } from "react";
import { eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/index";
import { users } from "@/db/schema";
import { ApiError, notFound } from "@/lib/http-errors";

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  baseCurrency: users.baseCurrency,
  timeZone: users.timeZone,
  essentialMonthlyExpenses: users.essentialMonthlyExpenses,
  cashBuffer: users.cashBuffer,
  thresholds: users.thresholds,
  targetMix: users.targetMix,
  sessionVersion: users.sessionVersion,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function createUser(input: { name: string; email: string; passwordHash: string; timeZone?: string }) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash: input.passwordHash, timeZone: input.timeZone ?? "UTC" })
    .onConflictDoNothing()
    .returning(publicColumns);
  if (!row)
    throw new ApiError(409, "Conflict", "An account with this email already exists.", [
      { path: "email", message: "An account with this email already exists." },
    ]);
  return row;
}

/** The user behind a session or token; throws 404 when the account is gone. */
async function getUserUncached(userId: string) {
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound("User");
  return row;
}

/** Once per request in a server render (the layout, the page and its loaders all ask); a plain call elsewhere. */
export const getUser = cache(getUserUncached);

/** Only for signing in: the one function that reads the password hash. */
export async function findCredentials(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** Signs the user out everywhere: every JWT issued before carries the old version. */
export async function bumpSessionVersion(userId: string) {
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * The user's base currency, read inside the caller's transaction. Pricing locks the user row: "share"
 * for writes that price transactions, "update" for rate and base-currency changes that re-price them,
 * so a transaction can never be priced against a base or a rate table that is changing under it.
 */
export async function getBaseCurrency(db: Executor, userId: string, lock?: "share" | "update"): Promise<string> {
  const query = db.select({ base: users.baseCurrency }).from(users).where(eq(users.id, userId)).limit(1);
  const [u] = lock ? await query.for(lock) : await query;
  if (!u) throw notFound("User");
  return u.base;
}

/** The user's base currency outside any transaction: the one reader for routes that only check or label. */
export async function userBaseCurrency(userId: string): Promise<string> {
  return getBaseCurrency(await getDb(), userId);
}
