import { livenessResponse } from "@/lib/observability/health-responses";

export const dynamic = "force-dynamic";

export const GET = livenessResponse;
