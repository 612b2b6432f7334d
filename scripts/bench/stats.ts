// Small timing helpers for scripts/bench.ts.
import { performance } from "node:perf_hooks";

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (p in 0..100) of already sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/**
 * Runs `fn` `warmup` times untimed, then up to `runs` times, one at a time; answers the milliseconds of
 * each run. When the runs blow `budgetMs` (a target missed by far), it stops after `minRuns`, so a slow
 * path still reports honest percentiles over fewer samples instead of taking an hour.
 */
export async function timeRuns(
  runs: number,
  warmup: number,
  fn: (i: number) => Promise<unknown>,
  budget: { budgetMs: number; minRuns: number } = { budgetMs: Number.POSITIVE_INFINITY, minRuns: runs },
): Promise<number[]> {
  const started = performance.now();
  for (let i = 0; i < warmup; i++) {
    const t0 = performance.now();
    await fn(-1 - i);
    if (performance.now() - t0 > budget.budgetMs / Math.max(1, runs)) break; // slow path: one warm-up is enough
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
    if (out.length >= budget.minRuns && performance.now() - started > budget.budgetMs) break;
  }
  return out;
}

/** Samples the process's resident set size in the background; `peak` is the largest seen so far. */
export function rssSampler(everyMs = 100) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  timer.unref();
  return {
    get peak() {
      peak = Math.max(peak, process.memoryUsage().rss);
      return peak;
    },
    reset() {
      peak = process.memoryUsage().rss;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

export const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
export const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x.toFixed(1)) : "–");
