import "server-only";
import { sql } from "drizzle-orm";
import { applicationName, getDb, postgresOptions, rowsOf } from "@/db/index";

/*
 * Figures about the installation as a whole for /api/metrics, not about any one user: the only reads in
 * lib/data that are not scoped to a user, and they return counts, never rows.
 */

export interface DatabaseStats {
  poolSize: number;
  /** This instance's own connections by state (active, idle, idle in transaction). */
  connections: Record<string, number>;
  /** Webhook deliveries: due now, waiting for their next attempt, given up. */
  deliveries: { due: number; waiting: number; failed: number };
}

export async function databaseStats(): Promise<DatabaseStats> {
  const db = await getDb();
  const embedded = !process.env.DATABASE_URL;
  const [deliveries] = rowsOf<{ due: number; waiting: number; failed: number }>(
    await db.execute(sql`
      select count(*) filter (where status = 'pending' and next_attempt_at <= now())::int as due,
             count(*) filter (where status = 'pending' and next_attempt_at > now())::int as waiting,
             count(*) filter (where status = 'failed')::int as failed
        from webhook_deliveries`),
  );
  const connections: Record<string, number> = {};
  if (embedded) connections.active = 1;
  else
    for (const row of rowsOf<{ state: string; n: number }>(
      await db.execute(sql`
        select coalesce(state, 'unknown') as state, count(*)::int as n
          from pg_stat_activity
         where application_name = ${applicationName()} and client_addr is not distinct from inet_client_addr()
         group by 1`),
    ))
      connections[row.state] = row.n;
  return { poolSize: embedded ? 1 : postgresOptions().max, connections, deliveries: deliveries ?? { due: 0, waiting: 0, failed: 0 } };
}
