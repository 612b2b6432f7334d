// The container image and the compose file, checked without Docker (this CI has no daemon to build with):
// a multi-stage build of the standalone server that runs as a non-root user, migrates under the lock, and
// copies only files that exist; two app replicas on one Postgres behind a proxy that the app trusts once.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(" ") };
    });
}

describe("Dockerfile", () => {
  const all = instructions(read("Dockerfile"));
  const stages = all.filter((i) => i.op === "FROM");
  const finalStage = all.slice(all.lastIndexOf(stages.at(-1)!));

  it("is multi-stage: dependencies, a standalone build, and a runner", () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const s of stages) expect(s.args).toMatch(/^node:20[\w.-]*\s+AS\s+\w+$/i);
    expect(all.some((i) => i.op === "RUN" && /NEXT_OUTPUT=standalone\s+npm run build/.test(i.args))).toBe(true);
    expect(read("next.config.ts")).toMatch(/NEXT_OUTPUT === "standalone" \? \{ output: "standalone"/);
  });

  it("runs as a non-root user, with the standalone server started through the migrating entry point", () => {
    const users = finalStage.filter((i) => i.op === "USER");
    expect(users).toHaveLength(1);
    expect(users[0]!.args).not.toMatch(/^(root|0)(:|$)/);
    expect(finalStage.findIndex((i) => i.op === "USER")).toBeLessThan(finalStage.findIndex((i) => i.op === "CMD"));
    expect(finalStage.find((i) => i.op === "CMD")!.args).toBe('["node", "scripts/start-standalone.mjs"]');
    expect(read("scripts/start-standalone.mjs")).toMatch(/migratePostgres\(/);
    expect(finalStage.some((i) => i.op === "HEALTHCHECK" && i.args.includes("/api/health/live"))).toBe(true);
  });

  it("copies the standalone output, its static files, and repository files that exist", () => {
    const copies = finalStage.filter((i) => i.op === "COPY").map((i) => i.args);
    for (const wanted of ["/app/.next/standalone ./", "/app/.next/static ./.next/static", "/app/db/migrations ./db/migrations"])
      expect(copies.some((c) => c.includes(wanted))).toBe(true);
    for (const c of copies.filter((c) => c.includes("--from=build"))) {
      const source = c
        .split(/\s+/)
        .find((w) => w.startsWith("/app/"))!
        .slice("/app/".length);
      if (!source.startsWith(".next")) expect(fs.existsSync(path.join(root, source)), source).toBe(true);
    }
    expect(read(".dockerignore")).toMatch(/^\.data$/m);
    expect(read(".dockerignore")).toMatch(/^node_modules$/m);
  });
});

describe("deploy/compose.yaml", () => {
  const compose = read("deploy/compose.yaml");

  it("runs two app replicas on one Postgres behind a proxy the app trusts as one hop", () => {
    expect(compose).toMatch(/^ {2}db:\n {4}image: postgres:\d+/m);
    expect(compose).toMatch(/^ {2}app:\n[\s\S]*?replicas: 2/m);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/[^\n]*@db:5432\//);
    expect(compose).toMatch(/TRUSTED_PROXY_HOPS: "1"/);
    expect(compose).toMatch(/^ {2}proxy:\n {4}image: nginx:/m);
    const nginx = read("deploy/nginx.conf");
    expect(nginx).toMatch(/server app:3000;/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    // The app keeps a proxy's request id, so nginx's log and the app's lines can be joined.
    expect(nginx).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
  });
});
