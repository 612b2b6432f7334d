import { metricsResponse } from "@/lib/observability/metrics-response";

export const dynamic = "force-dynamic";

export const GET = metricsResponse;
