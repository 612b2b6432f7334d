// The embedded database runs no autovacuum; the app vacuums it (lib/data/maintenance.ts, from lib/jobs.ts
// and after bulk writes). Two on-disk databases take the same write loop (a transaction moved between
// months, rewriting its row and the rollups, and one logged and deleted, 1,000 times): vacuumed every 125
// loops, the folder's relation files stop growing; never vacuumed, they grow with every checkpoint.
// Each loop runs in a process of its own (an on-disk PGlite, as `npm start` opens it).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

interface Sizes {
  started: number;
  sizes: number[];
  ended: number;
}

function writeLoop(vacuumEvery: number): Promise<Sizes> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sf-vacuum-"));
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/vacuum-loop.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: "",
        PGLITE_DIR: path.join(dir, "pglite"),
        LOOPS: "1000",
        CHECK_EVERY: "250",
        VACUUM_EVERY: String(vacuumEvery),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (code === 0) resolve(JSON.parse(out.trim().split("\n").pop()!) as Sizes);
      else reject(new Error(`the write loop exited with ${code}`));
    }),
  );
}

describe.skipIf(!!process.env.DATABASE_URL)("the embedded database vacuums", () => {
  it("keeps the data folder bounded under a write loop, where it grows without VACUUM", async () => {
    const [vacuumed, never] = await Promise.all([writeLoop(125), writeLoop(0)]);
    const page = 8192;
    // Vacuumed: after the first checkpoint, dead rows are reused and the files stay (within two pages) put.
    expect(vacuumed.ended - vacuumed.sizes[0]!).toBeLessThanOrEqual(2 * page);
    // Never vacuumed: every checkpoint is larger than the one before, and the files grow far more.
    for (let i = 1; i < never.sizes.length; i++) expect(never.sizes[i]!).toBeGreaterThan(never.sizes[i - 1]!);
    expect(never.ended - never.sizes[0]!).toBeGreaterThan(Math.max(20 * page, 10 * (vacuumed.ended - vacuumed.sizes[0]!)));
  }, 120_000);
});
