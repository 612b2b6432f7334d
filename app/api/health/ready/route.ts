import { readinessResponse } from "@/lib/observability/health-responses";

export const dynamic = "force-dynamic";

export const GET = readinessResponse;
