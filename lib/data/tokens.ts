import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { apiTokens, users } from "@/db/schema";
import { dataVersionOf } from "@/lib/data/data-versions";
import { notFound } from "@/lib/http-errors";
import { isUuid } from "@/lib/ids";
import { hashToken, mintToken } from "@/lib/tokens";
import type { CreateTokenInput } from "@/lib/schemas/tokens";

const columns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
  updatedAt: apiTokens.updatedAt,
};

export async function createToken(userId: string, input: CreateTokenInput) {
  const db = await getDb();
  const minted = mintToken();
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name: input.name, scope: input.scope, tokenHash: minted.hash, prefix: minted.prefix })
    .returning(columns);
  return { ...row!, token: minted.token };
}

export async function listTokens(userId: string) {
  const db = await getDb();
  return db.select(columns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revoking twice is harmless; another user's token id is the same 404 as a missing one. */
export async function revokeToken(userId: string, id: string) {
  if (!isUuid(id)) throw notFound("Token");
  const db = await getDb();
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning(columns);
  if (!row) throw notFound("Token");
  return row;
}

/** The caller behind a bearer token, or null; also notes when the token was last used (at most once a minute). */
export async function resolveToken(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      stamp: { dataVersion: dataVersionOf(users.id), timeZone: users.timeZone },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  // A token in steady use skips the write altogether (one round trip less per request); the SQL guard
  // below keeps "once a minute" exact on the database's clock when this process's clock is off.
  if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 50_000) return { userId: row.userId, scope: row.scope, stamp: row.stamp };
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.id),
        eq(apiTokens.userId, row.userId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { userId: row.userId, scope: row.scope, stamp: row.stamp };
}
