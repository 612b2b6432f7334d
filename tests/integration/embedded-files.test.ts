// The embedded database's folder and files are private to the app's user (0700 and 0600), even when the
// process's umask would let anyone read and write them (PGlite itself writes files 0666).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>([[dir, fs.statSync(dir).mode & 0o777]]);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out.set(full, fs.statSync(full).mode & 0o777);
  }
  return out;
}

describe.skipIf(Boolean(process.env.DATABASE_URL))("the embedded database's files", () => {
  it("are created 0700 (folders) and 0600 (files) with a umask of 0", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sf-files-"));
    const dir = path.join(root, "pglite");
    try {
      const run = spawnSync(
        process.execPath,
        [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/support/open-embedded.ts"],
        {
          env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "" },
          encoding: "utf8",
          timeout: 120_000,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      const all = modes(dir);
      expect(all.size).toBeGreaterThan(100);
      const open = [...all].filter(([p, m]) => (fs.statSync(p).isDirectory() ? m !== 0o700 : m !== 0o600));
      expect(open.map(([p, m]) => `${path.relative(dir, p)} ${m.toString(8)}`)).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 150_000);
});
