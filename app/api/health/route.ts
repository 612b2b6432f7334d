import { pingDb } from "@/db/index";
import { problem } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDb();
    return Response.json({ status: "ok", db: "ok" });
  } catch {
    return problem(503, "Service unavailable", "The database is unreachable.");
  }
}
