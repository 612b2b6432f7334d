// Preloaded into the server under test (NODE_OPTIONS=--require …) by scripts/bench/load.ts, so the
// app's own event-loop delay is measured without touching app code. It writes the histogram to
// EVENT_LOOP_PROBE_FILE every second and at exit. SIGUSR2 closes a window: the figures since the last
// one go to EVENT_LOOP_PROBE_FILE.<n> (n = 1, 2, …) and the histogram starts afresh, so the load run
// marks its start and end and leaves start-up and shutdown out.
/* global require, process, setInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, for node --require */
const fs = require("node:fs");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const file = process.env.EVENT_LOOP_PROBE_FILE;
// Only the process that serves requests: `next start` may spawn helpers that inherit NODE_OPTIONS.
if (file && !process.env.EVENT_LOOP_PROBE_TAKEN) {
  process.env.EVENT_LOOP_PROBE_TAKEN = String(process.pid);
  const RESOLUTION_MS = 1;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  let since = Date.now();
  const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
  let windows = 0;
  const write = (to = file) => {
    const snapshot = {
      pid: process.pid,
      seconds: (Date.now() - since) / 1000,
      count: histogram.count,
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
      meanMs: ms(histogram.mean),
      resolutionMs: RESOLUTION_MS,
    };
    // Written whole, then renamed: the reader never sees half a file.
    fs.writeFileSync(`${to}.tmp`, JSON.stringify(snapshot));
    fs.renameSync(`${to}.tmp`, to);
  };
  setInterval(() => write(), 1000).unref();
  process.on("SIGUSR2", () => {
    write(`${file}.${++windows}`);
    histogram.reset();
    since = Date.now();
  });
  process.on("exit", () => write());
}
