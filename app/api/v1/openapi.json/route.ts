import { openApiDocument } from "@/lib/openapi";

// Public and static: built once at build time from the zod schemas.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
