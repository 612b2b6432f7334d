// Opens the embedded database the way the app does (PGLITE_DIR), writes a row, and closes it: for the
// test that checks the files it leaves behind are private.
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/index";

async function main() {
  process.umask(0);
  const db = await getDb();
  await db.execute(sql`insert into users (email, name, password_hash) values ('files@example.test', 'Files', 'x')`);
  await closeDb();
}

void main();
