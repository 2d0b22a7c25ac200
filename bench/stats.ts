// Small timing helpers for the benchmarks: medians, timed rounds, a seeded
// generator (so random positions are the same run to run) and formatting.

import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Call `op` in batches until `ms` milliseconds have passed; returns how many
 * calls ran and the time they took. Batching keeps the clock reads out of the
 * way of very fast operations.
 */
export function runFor(op: () => void, ms: number, batch = 32): { count: number; elapsedMs: number } {
  let count = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    for (let i = 0; i < batch; i++) op();
    count += batch;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { count, elapsedMs: elapsed };
}

/** Operations per second: a warm-up, then `rounds` rounds of `roundMs`; the median round. */
export function ratePerSec(op: () => void, opts: { warmupMs: number; rounds: number; roundMs: number }): { median: number; rounds: number[] } {
  runFor(op, opts.warmupMs);
  const rounds: number[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const { count, elapsedMs } = runFor(op, opts.roundMs);
    rounds.push((count / elapsedMs) * 1000);
  }
  return { median: median(rounds), rounds };
}

/**
 * Time `op` call by call (for operations of tens of microseconds and up) until
 * `ms` have passed or `maxSamples` were taken. `prepare` runs untimed before
 * each call and its value is handed to `op`.
 */
export function sampleMs<T>(prepare: () => T, op: (input: T) => unknown, ms: number, maxSamples = 100_000, minSamples = 20): number[] {
  const samples: number[] = [];
  const deadline = performance.now() + ms;
  while ((samples.length < maxSamples && performance.now() < deadline) || samples.length < minSamples) {
    const input = prepare();
    const t0 = performance.now();
    sink = op(input);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** Results are stored here so the optimiser cannot drop the work that made them. */
export let sink: unknown = null;

/** mulberry32: a small seeded generator, so the bench picks the same "random" moments every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A number for the table: thousands separated, a sensible count of significant digits. */
export function fmt(n: number, digits = 3): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs === 0) return '0';
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return n.toFixed(Math.min(decimals, 6));
}
