import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { dataDir } from "@/db/config";
import { getDb } from "@/db/index";
import { appSecrets } from "@/db/schema";

// Next.js may evaluate this module more than once in a process (instrumentation and the routes are bundled
// apart), so the secret loaded from the database at start-up lives on globalThis.
const globalKey = Symbol.for("streamfolio.authSecret");
type GlobalWithSecret = typeof globalThis & { [globalKey]?: string };

/**
 * NEXTAUTH_SECRET when set. Otherwise, on Postgres (DATABASE_URL), one random secret kept in the database
 * and shared by every instance, read once at start-up (loadAuthSecret, from instrumentation.ts); on the
 * embedded database, a random secret made once and kept in the data directory. Either way `npm start`
 * needs no configuration and sessions survive restarts.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const g = globalThis as GlobalWithSecret;
  if (g[globalKey]) return g[globalKey];
  if (process.env.DATABASE_URL)
    // Never a per-process secret on Postgres: two instances would reject each other's sessions.
    throw new Error("NEXTAUTH_SECRET is unset and the shared secret was not loaded from the database (loadAuthSecret at start-up).");
  g[globalKey] = fileSecret();
  return g[globalKey];
}

/**
 * On Postgres without NEXTAUTH_SECRET: creates the shared secret once (the first instance's insert wins,
 * the others' do nothing) and reads it back. Does nothing otherwise.
 */
export async function loadAuthSecret(): Promise<void> {
  if (process.env.NEXTAUTH_SECRET || !process.env.DATABASE_URL) return;
  const db = await getDb();
  await db
    .insert(appSecrets)
    .values({ name: "nextauth", value: crypto.randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, "nextauth"));
  if (!row) throw new Error("The shared auth secret could not be read back from app_secrets.");
  (globalThis as GlobalWithSecret)[globalKey] = row.value;
}

function fileSecret(): string {
  const file = path.join(dataDir(), "nextauth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      return fresh;
    } catch {
      // Another worker wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
