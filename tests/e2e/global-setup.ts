// Builds the production app, starts it on a free port with a fresh embedded database, and hands the
// URL to the e2e tests. Without Chromium the suite is skipped with one line saying how to get it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { freePort } from "../support/free-port";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    /** The app server's stdout and stderr, for tests that read its logs. */
    serverLog: string;
  }
}

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(chromiumPath)) {
    console.warn(`e2e skipped: no Chromium at ${chromiumPath} — apt-get install chromium`);
    project.provide("baseUrl", "");
    project.provide("chromiumPath", "");
    project.provide("serverLog", "");
    return;
  }
  const root = process.cwd();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!(process.env.E2E_SKIP_BUILD && fs.existsSync(path.join(root, ".next", "BUILD_ID")))) {
    const started = Date.now();
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
    console.log(`e2e: next build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "streamfolio-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    PGLITE_DIR: path.join(dataDir, "pglite"),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    // The webhook tests receive on 127.0.0.1.
    WEBHOOKS_ALLOW_PRIVATE: "true",
    // The suite signs up some 25 accounts from one address within the hour.
    SIGN_UP_LIMIT_PER_HOUR: "1000",
  };
  delete env.DATABASE_URL;
  // A keep-alive longer than the clients' idle reuse: with Node's 5 s default, a request sent on a socket the
  // server is closing at that moment fails with ECONNRESET (seen on a loaded machine).
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const serverLog = path.join(dataDir, "server.log");
  const log = fs.createWriteStream(serverLog);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitForHealth(baseUrl, child, 60_000);
  project.provide("baseUrl", baseUrl);
  project.provide("chromiumPath", chromiumPath);
  project.provide("serverLog", serverLog);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
