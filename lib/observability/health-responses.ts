import { json, problem } from "@/lib/http";
import { liveness, readiness } from "@/lib/observability/health";

export async function readinessResponse(): Promise<Response> {
  if ((await readiness()).ok) return json({ status: "ok", db: "ok" });
  const res = problem(503, "Database unavailable", "The database is unreachable.");
  res.headers.set("retry-after", "5");
  return res;
}

export async function livenessResponse(): Promise<Response> {
  return json(liveness());
}
