void import.meta.url;
import crypto from "node:crypto";
async function main() {
  const { sql } = await import("drizzle-orm");
  const { getDb, closeDb, rowsOf } = await import("../db/index");
  const { createUser } = await import("../lib/data/users");
  const db = await getDb();
  const user = await createUser({ name: "B", email: `b-${crypto.randomUUID()}@x.test`, passwordHash: "x" });
  const [s] = rowsOf<{ id: string }>(await db.execute(sql`insert into streams (user_id, name) values (${user.id}, 'S') returning id`));
  const time = async (label: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    console.log(label, (performance.now() - t).toFixed(0), "ms");
  };
  let off = 0;
  const ins = (table: string) => {
    const o = off;
    off += 5000;
    return db.execute(
      sql.raw(`insert into ${table} (user_id, stream_id, kind, occurred_on, amount_minor, currency, amount_base_minor, counterparty, platform, description, external_id)
    select '${user.id}', '${s!.id}', 'income', date '2024-01-01' + (g % 300), 100 + g, 'USD', 100 + g, 'Client ' || (g % 50), null, 'Item', 'x-' || (g + ${o}) from generate_series(1, 5000) g`),
    );
  };
  await time("real table", () => ins("transactions"));
  await time("real table again", () => ins("transactions"));
  await db.execute(sql`alter table transactions disable trigger user`);
  await time("no user triggers", () => ins("transactions"));
  await db.execute(sql`alter table transactions disable trigger all`);
  await time("no triggers at all (FKs off)", () => ins("transactions"));
  await db.execute(sql`alter table transactions enable trigger all`);
  await db.execute(sql`create table tcopy (like transactions including defaults)`);
  await time("copy without indexes", () => ins("tcopy"));
  await db.execute(sql`create unique index on tcopy (user_id, external_id)`);
  await time("+ unique", () => ins("tcopy"));
  await db.execute(sql`create index on tcopy (user_id, occurred_on desc, id desc)`);
  await db.execute(sql`create index on tcopy (user_id, stream_id, occurred_on)`);
  await db.execute(sql`create index on tcopy (stream_id)`);
  await time("+ 3 btree", () => ins("tcopy"));
  await db.execute(sql`create index on tcopy (user_id, lower(btrim(counterparty)), occurred_on desc)`);
  await db.execute(sql`create index on tcopy (user_id, lower(btrim(platform)), occurred_on desc)`);
  await time("+ 2 expression", () => ins("tcopy"));
  await closeDb();
}
main();
