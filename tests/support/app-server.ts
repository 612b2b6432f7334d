// One more instance of the built app (.next), started the way `npm start` starts it (scripts/start.mjs:
// migrate a Postgres DATABASE_URL under the advisory lock, then `next start`), for tests that run several.
// Each runs in a process group of its own, so stopping it also stops the next-server it spawned.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

export type AppServer = {
  port: number;
  url: string;
  /** What the instance printed so far (stdout and stderr, the last 200 kB). */
  output: () => string;
  stop: () => Promise<void>;
};

/** Starts an instance on `port` with `env` (on top of PATH, HOME and NODE_ENV=production only: nothing of the test runner's own environment leaks in, e.g. a NEXTAUTH_SECRET) and waits until /api/health answers 200. */
export async function startAppServer(port: number, env: Record<string, string>, timeoutMs = 90_000): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // Should the test runner die first, the instance does not outlive it.
  const onExit = () => group("SIGKILL");
  process.once("exit", onExit);
  const stop = async () => {
    process.off("exit", onExit);
    group("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    group("SIGKILL");
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the instance on ${port} exited with ${child.exitCode} before it was healthy:\n${out.slice(-4_000)}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the instance on ${port} was not healthy within ${timeoutMs} ms:\n${out.slice(-4_000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, url, output: () => out, stop };
}
