// A write loop on an on-disk embedded database (PGLITE_DIR), for the test that its folder stays bounded:
// LOOPS times, one transaction moves to another month (its row, two months' rollups and the indexed date
// rewritten) and one is logged and deleted again, as a busy user's edits do. With VACUUM_EVERY > 0 the
// database is vacuumed the way the app does (lib/data/maintenance.ts) every that many loops. Prints the
// size of the folder's relation files (base/) at the start, every CHECK_EVERY loops and at the end, as one
// JSON line.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, getDb, rowsOf } from "@/db/index";
import { vacuumEmbedded } from "@/lib/data/maintenance";

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : fs.statSync(full).size;
  }
  return total;
}

async function main() {
  const dir = process.env.PGLITE_DIR!;
  const loops = Number(process.env.LOOPS ?? 1000);
  const every = Number(process.env.VACUUM_EVERY ?? 0);
  const check = Number(process.env.CHECK_EVERY ?? 500);
  const db = await getDb();
  const [user] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into users (email, name, password_hash) values ('loop@example.test', 'Loop', 'x') returning id`),
  );
  const [stream] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into streams (user_id, name) values (${user!.id}, 'Busy') returning id`),
  );
  const tx = (on: string, ext: string | null) => sql`
    insert into transactions (user_id, stream_id, kind, occurred_on, amount_minor, currency, amount_base_minor, external_id)
    values (${user!.id}, ${stream!.id}, 'income', ${on}, 1000, 'USD', 1000, ${ext}) returning id`;
  // A year of history, so the rollups have rows to rewrite.
  for (let m = 1; m <= 12; m++) await db.execute(tx(`2025-${String(m).padStart(2, "0")}-15`, `base-${m}`));
  const [moving] = rowsOf<{ id: string }>(await db.execute(tx("2025-01-10", null)));
  const started = sizeOf(path.join(dir, "base"));
  const sizes: number[] = [];
  for (let i = 1; i <= loops; i++) {
    const on = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
    await db.execute(
      sql`update transactions set occurred_on = ${on}, amount_minor = ${i}, amount_base_minor = ${i} where id = ${moving!.id}`,
    );
    const [added] = rowsOf<{ id: string }>(await db.execute(tx(on, `loop-${i}`)));
    await db.execute(sql`delete from transactions where id = ${added!.id}`);
    if (every > 0 && i % every === 0) await vacuumEmbedded();
    if (i % check === 0) sizes.push(sizeOf(path.join(dir, "base")));
  }
  await closeDb();
  console.log(JSON.stringify({ started, sizes, ended: sizeOf(path.join(dir, "base")) }));
}

void main();
