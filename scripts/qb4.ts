void import.meta.url;
import crypto from "node:crypto";
async function main() {
  const { sql } = await import("drizzle-orm");
  const { getDb, closeDb, rowsOf } = await import("../db/index");
  const { transactions } = await import("../db/schema");
  const { createUser } = await import("../lib/data/users");
  const db = await getDb();
  const user = await createUser({ name: "B", email: `b-${crypto.randomUUID()}@x.test`, passwordHash: "x" });
  const [s] = rowsOf<{ id: string }>(await db.execute(sql`insert into streams (user_id, name) values (${user.id}, 'S') returning id`));
  const mk = (n: number, off: number) =>
    Array.from({ length: n }, (_, i) => ({
      s: s!.id,
      k: "income",
      d: "2024-01-0" + (1 + (i % 9)),
      a: 100 + i,
      c: "USD",
      b: 100 + i,
      cp: "Client " + (i % 50),
      p: null,
      ds: "Item",
      x: `x-${off + i}`,
    }));
  const time = async (label: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    console.log(label, (performance.now() - t).toFixed(0), "ms");
  };
  const payload = JSON.stringify(mk(5000, 0));
  await time("select count json_to_recordset", () =>
    db.execute(
      sql`select count(*) from json_to_recordset(${payload}::json) as r(s uuid, k text, d date, a bigint, c text, b bigint, cp text, p text, ds text, x text)`,
    ),
  );
  await time("select 1 param", () => db.execute(sql`select length(${payload}::text)`));
  await time("select literal", () =>
    db.execute(sql.raw(`select count(*) from json_to_recordset('${payload.replace(/'/g, "''")}'::json) as r(s uuid, k text)`)),
  );
  let off = 10000;
  await time("drizzle values 1000x5", async () => {
    for (let c = 0; c < 5; c++) {
      const rows = mk(1000, off);
      off += 1000;
      await db
        .insert(transactions)
        .values(
          rows.map((r) => ({
            userId: user.id,
            streamId: r.s,
            kind: "income" as const,
            occurredOn: r.d,
            amountMinor: r.a,
            currency: r.c,
            amountBaseMinor: r.b,
            counterparty: r.cp,
            platform: r.p,
            description: r.ds,
            externalId: r.x,
          })),
        )
        .onConflictDoNothing();
    }
  });
  await closeDb();
}
main();
