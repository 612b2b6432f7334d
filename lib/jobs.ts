import "server-only";
import { runInsightChecks } from "@/lib/data/insights";
import { VACUUM_EVERY_MS, vacuumEmbedded } from "@/lib/data/maintenance";
import { applyForUnpriced, runRateFetch } from "@/lib/data/reference-rates";
import { logDueSchedules } from "@/lib/data/schedule-autolog";
import { pruneRateLimitWindows } from "@/lib/rate-limit";
import { deliverDue } from "@/lib/webhooks/deliver";

/** How often the app looks for work that fell due: auto-logged schedules land within a minute of midnight. */
const TICK_MS = 60_000;

/** Webhook deliveries are looked for every 2 s: an event reaches its endpoint within seconds. */
const DELIVERY_MS = 2_000;

const globalKey = Symbol.for("streamfolio.jobs");
type GlobalWithJobs = typeof globalThis & { [globalKey]?: NodeJS.Timeout[] };

async function tick() {
  try {
    const logged = await logDueSchedules();
    if (logged > 0) console.info(JSON.stringify({ msg: "auto-logged scheduled transactions", count: logged }));
  } catch (err) {
    // A failed run changes nothing (one transaction); the next tick tries again.
    console.error(JSON.stringify({ msg: "background job failed", job: "schedules.autoLog", error: String(err) }));
  }
  try {
    await runRateFetch();
    await applyForUnpriced();
  } catch (err) {
    console.error(JSON.stringify({ msg: "background job failed", job: "fx.reference-rates", error: String(err) }));
  }
  try {
    await runInsightChecks();
  } catch (err) {
    console.error(JSON.stringify({ msg: "background job failed", job: "insights.check", error: String(err) }));
  }
  try {
    await pruneRateLimitWindows();
  } catch (err) {
    console.error(JSON.stringify({ msg: "background job failed", job: "rate-limit.prune", error: String(err) }));
  }
}

async function vacuum() {
  try {
    await vacuumEmbedded();
  } catch (err) {
    console.error(JSON.stringify({ msg: "background job failed", job: "db.vacuum", error: String(err) }));
  }
}

let delivering = false;

async function deliveries() {
  // One round at a time in this process; other processes claim other deliveries.
  if (delivering) return;
  delivering = true;
  try {
    while ((await deliverDue()) > 0);
  } catch (err) {
    console.error(JSON.stringify({ msg: "background job failed", job: "webhooks.deliver", error: String(err) }));
  } finally {
    delivering = false;
  }
}

/**
 * Runs the due work once now and then every minute, in every app process: each job is safe to run in
 * several at once (see logDueSchedules). Off with BACKGROUND_JOBS=false.
 */
export function startBackgroundJobs() {
  const g = globalThis as GlobalWithJobs;
  if (g[globalKey]) return;
  void tick();
  g[globalKey] = [
    setInterval(() => void tick(), TICK_MS),
    setInterval(() => void deliveries(), DELIVERY_MS),
    // The embedded database runs no autovacuum (a no-op on Postgres; see lib/data/maintenance.ts).
    setInterval(() => void vacuum(), VACUUM_EVERY_MS),
  ];
  for (const timer of g[globalKey]) timer.unref();
}
