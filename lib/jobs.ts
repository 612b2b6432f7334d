import "server-only";
import { runInsightChecks } from "@/lib/data/insights";
import { VACUUM_EVERY_MS, vacuumEmbedded } from "@/lib/data/maintenance";
import { applyForUnpriced, runRateFetch } from "@/lib/data/reference-rates";
import { logDueSchedules } from "@/lib/data/schedule-autolog";
import { errorFields, logLine } from "@/lib/log";
import { pruneRateLimitWindows } from "@/lib/rate-limit";
import { deliverDue } from "@/lib/webhooks/deliver";

/** How often the app looks for work that fell due: auto-logged schedules land within a minute of midnight. */
const TICK_MS = 60_000;

/** Webhook deliveries are looked for every 2 s: an event reaches its endpoint within seconds. */
const DELIVERY_MS = 2_000;

const globalKey = Symbol.for("streamfolio.jobs");
type GlobalWithJobs = typeof globalThis & { [globalKey]?: NodeJS.Timeout[] };

/** Runs one job; a failure is logged and changes nothing the next run cannot pick up again. */
async function run(job: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (err) {
    logLine("error", "background job failed", { job, ...errorFields(err) });
  }
}

async function tick() {
  await run("schedules.autoLog", async () => {
    const logged = await logDueSchedules();
    if (logged > 0) logLine("info", "auto-logged scheduled transactions", { count: logged });
  });
  await run("fx.reference-rates", async () => {
    await runRateFetch();
    await applyForUnpriced();
  });
  await run("insights.check", runInsightChecks);
  await run("rate-limit.prune", pruneRateLimitWindows);
}

let delivering = false;

async function deliveries() {
  // One round at a time in this process; other processes claim other deliveries.
  if (delivering) return;
  delivering = true;
  await run("webhooks.deliver", async () => {
    while ((await deliverDue()) > 0);
  });
  delivering = false;
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
    setInterval(() => void run("db.vacuum", vacuumEmbedded), VACUUM_EVERY_MS),
  ];
  for (const timer of g[globalKey]) timer.unref();
}
