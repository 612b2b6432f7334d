// One app instance's share of the state every instance must agree on, for the tests that run two of them on
// one Postgres: it loads the session secret the way start-up does (instrumentation.ts), then makes CALLS
// rate-limited calls on KEY (limit LIMIT per hour) at once, and prints what it saw as one JSON line.
import { closeDb } from "@/db/index";
import { rateLimit } from "@/lib/rate-limit";
import { authSecret, loadAuthSecret } from "@/lib/secret";

async function main() {
  await loadAuthSecret();
  const calls = Number(process.env.CALLS ?? 0);
  const verdicts = await Promise.all(
    Array.from({ length: calls }, () => rateLimit(process.env.KEY ?? "test", Number(process.env.LIMIT ?? 1), 60 * 60_000)),
  );
  console.log(JSON.stringify({ secret: authSecret(), allowed: verdicts.filter(Boolean).length }));
  await closeDb();
}

void main();
