// The OpenAPI document must describe every route and verb that exists, and nothing that does not.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

const root = path.join(process.cwd(), "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document covering every route and verb of /api/v1", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { responses: object }>> };
    expect(doc.openapi).toBe("3.1.0");

    const expected: string[] = [];
    // The catch-all that answers unknown endpoints with a 404 problem is not part of the API.
    for (const file of routeFiles(root).filter((f) => !f.includes("[..."))) {
      const url = "/api/v1/" + path.relative(root, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
      const mod = (await import(file)) as Record<string, unknown>;
      for (const verb of ["GET", "POST", "PATCH", "DELETE", "PUT"]) if (typeof mod[verb] === "function") expected.push(`${verb.toLowerCase()} ${url}`);
    }
    const documented = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/"))
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(expected.sort());
    for (const ops of Object.values(doc.paths)) for (const op of Object.values(ops)) expect(Object.keys(op.responses).length).toBeGreaterThan(0);
  });

  it("describes request bodies from the validating schemas", async () => {
    const doc = (await GET().json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>> };
    const stream = doc.paths["/api/v1/streams"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(stream?.properties ?? {})).toEqual(["name", "kind", "role", "platform", "status", "startedOn", "color", "description"]);
  });
});

describe("an unknown endpoint under /api/v1", () => {
  it("answers 404 problem+json for every verb", async () => {
    const mod = await import("@/app/api/v1/[...path]/route");
    for (const verb of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
      const res = mod[verb]();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
