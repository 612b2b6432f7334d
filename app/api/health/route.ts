import { pingDb } from "@/db/index";
import { problem } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await pingDb();
    return Response.json({ status: "ok", db: "ok" });
  } catch {
    const res = problem(503, "Database unavailable", "The database is unreachable.");
    res.headers.set("retry-after", "5");
    return res;
  }
}
