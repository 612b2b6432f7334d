import "server-only";
import { eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { userDataVersions, users } from "@/db/schema";
import { notFound } from "@/lib/http-errors";

/**
 * The user's data version (user_data_versions, bumped by the triggers of migration 0012; 0 before the
 * first write): a subquery, so any read of the user row (a token's, a session's) can carry it.
 */
export const dataVersionOf = (userId: SQL | AnyColumn) =>
  sql<number>`coalesce((select ${userDataVersions.version} from ${userDataVersions} where ${userDataVersions.userId} = ${userId}), 0)`.mapWith(
    Number,
  );

/**
 * What a cached metrics answer is keyed by (lib/metrics-cache.ts): the user's data version, which every
 * write to what loadMetricsInput reads bumps, and the time zone that says which day today is.
 */
export interface MetricsStamp {
  dataVersion: number;
  timeZone: string;
}

export async function metricsStamp(userId: string): Promise<MetricsStamp> {
  const db = await getDb();
  const [row] = await db
    .select({ dataVersion: dataVersionOf(users.id), timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw notFound("User");
  return row;
}
