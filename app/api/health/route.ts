import { readinessResponse } from "@/lib/observability/health-responses";

export const dynamic = "force-dynamic";

/** Readiness, as API.md has always promised it; /api/health/live and /api/health/ready name the two probes. */
export const GET = readinessResponse;
