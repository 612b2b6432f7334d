// The OpenAPI document must describe every route and verb that is served, exactly as route() enforces it
// (path, verb, access level), and nothing that is not; and be good enough for code generators.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import type { Operation } from "@/lib/api/operation";
import { operations } from "@/lib/api/registry";

const root = path.join(process.cwd(), "app", "api", "v1");
const VERBS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

type Doc = {
  openapi: string;
  tags: { name: string }[];
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme?: string }> };
  paths: Record<string, Record<string, OperationDoc>>;
};
type OperationDoc = {
  operationId: string;
  tags: string[];
  summary: string;
  "x-access"?: string;
  security?: unknown[];
  parameters: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/streams/[id]/route.ts → /api/v1/streams/{id} */
const urlOf = (file: string) =>
  "/api/v1/" +
  path
    .relative(root, path.dirname(file))
    .split(path.sep)
    .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/");

/** What the route files serve: every exported verb, with the operation route() was given. */
async function served() {
  const out: { key: string; op: Operation | undefined }[] = [];
  // The catch-all that answers unknown endpoints with a 404 problem is not part of the API.
  // The document's own route is described by hand: it is not an operation on the user's data.
  for (const file of routeFiles(root).filter((f) => !f.includes("[...") && !f.includes("openapi.json"))) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const verb of VERBS) {
      const handler = mod[verb] as ({ operation?: Operation } & ((...args: unknown[]) => unknown)) | undefined;
      if (typeof handler === "function") out.push({ key: `${verb.toLowerCase()} ${urlOf(file)}`, op: handler.operation });
    }
  }
  return out;
}

const doc = async () => (await GET().json()) as Doc;

/** Every $ref in the document points at a component that exists. */
function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, found));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe("GET /api/v1/openapi.json", () => {
  it("documents exactly the served routes and verbs, each through route() with its registered operation", async () => {
    const routes = await served();
    for (const r of routes) {
      expect(r.op, `${r.key} is not built with route(operation)`).toBeDefined();
      expect(`${r.op!.method.toLowerCase()} ${r.op!.path}`, `${r.key} serves an operation of another path or verb`).toBe(r.key);
    }
    expect(routes.map((r) => r.key).sort()).toEqual(operations.map((op) => `${op.method.toLowerCase()} ${op.path}`).sort());
    // the registry is what is served, object for object
    expect(new Set(routes.map((r) => r.op))).toEqual(new Set(operations));

    const d = await doc();
    expect(d.openapi).toBe("3.1.0");
    const documented = Object.entries(d.paths)
      .filter(([p]) => p.startsWith("/api/v1/") && p !== "/api/v1/openapi.json")
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(routes.map((r) => r.key).sort());
  });

  it("states each operation's access level as route() enforces it", async () => {
    const d = await doc();
    for (const op of operations) {
      const o = d.paths[op.path]?.[op.method.toLowerCase()];
      expect(o?.["x-access"], `${op.operationId}`).toBe(op.access);
      // token management is session-only; a write can be refused to a read token
      if (op.access === "session") expect(o?.security).toEqual([{ session: [] }]);
      if (op.access !== "read") expect(Object.keys(o?.responses ?? {})).toContain("403");
      else expect(Object.keys(o?.responses ?? {})).not.toContain("403");
    }
    expect(operations.find((op) => op.operationId === "createToken")?.access).toBe("session");
    expect(operations.find((op) => op.operationId === "createTransactions")?.access).toBe("write");
  });

  it("is usable by code generators: unique operationIds, tags, $ref components, the bearer scheme, problem+json errors", async () => {
    const d = await doc();
    const all = Object.values(d.paths).flatMap((ops) => Object.values(ops));
    const ids = all.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of all) {
      expect(o.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(o.tags).toHaveLength(1);
      expect(d.tags.map((t) => t.name)).toContain(o.tags[0]);
      expect(o.summary.length).toBeGreaterThan(3);
      expect(Object.keys(o.responses).length).toBeGreaterThan(0);
      // bodies and JSON answers are references to named components, never inlined copies
      for (const media of Object.values(o.requestBody?.content ?? {}))
        if (media.schema.type !== "string") expect(media.schema).toHaveProperty("$ref");
      for (const [status, r] of Object.entries(o.responses)) {
        const json = r.content?.["application/json"] ?? r.content?.["application/problem+json"];
        if (json) expect(json.schema, status).toHaveProperty("$ref");
        if (r.content?.["application/problem+json"]) expect(json?.schema).toEqual({ $ref: "#/components/schemas/Problem" });
      }
    }
    for (const target of refs(d)) expect(Object.keys(d.components.schemas)).toContain(target.replace("#/components/schemas/", ""));
    expect(d.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(d.components.schemas).toHaveProperty("Stream");
    expect(d.components.schemas).toHaveProperty("Metrics");
  });

  it("describes request bodies from the validating schemas, with field descriptions and examples", async () => {
    const d = await doc();
    const body = d.paths["/api/v1/streams"]?.post?.requestBody;
    expect(body?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/StreamInput" });
    // one-object writes take the form encoding of no-code tools too
    expect(Object.keys(body?.content ?? {})).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    const input = d.components.schemas.StreamInput as { properties: Record<string, { description?: string }> };
    expect(Object.keys(input.properties)).toEqual([
      "name",
      "kind",
      "role",
      "platform",
      "status",
      "startedOn",
      "color",
      "description",
      "taxRate",
      "feeds",
    ]);
    const tx = d.components.schemas.TransactionInput as { properties: Record<string, { description?: string; examples?: unknown[] }> };
    expect(tx.properties.amount?.description).toMatch(/decimal/);
    expect(tx.properties.amount?.examples?.length).toBeGreaterThan(0);
    expect(Object.keys(d.paths["/api/v1/fx-rates"]?.post?.requestBody?.content ?? {})).toContain("text/csv");
  });
});

describe("an unknown endpoint under /api/v1", () => {
  it("answers 404 problem+json for every verb", async () => {
    const mod = await import("@/app/api/v1/[...path]/route");
    for (const verb of VERBS) {
      const res = mod[verb]();
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
