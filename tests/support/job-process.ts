// One app process's background work and nothing else: what every `npm start` instance runs beside its
// HTTP server (lib/jobs.ts), for tests that run two of them on one Postgres. Stops after RUN_MS.
import { startBackgroundJobs } from "@/lib/jobs";

startBackgroundJobs();
setTimeout(() => process.exit(0), Number(process.env.RUN_MS ?? 10_000));
