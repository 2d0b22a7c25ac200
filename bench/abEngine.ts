// `node --expose-gc --import tsx bench/abEngine.ts <dirA> [dirB] [pairs]`:
// two checkouts of the engine side by side, for before/after comparisons on
// a shared machine. Each measure runs in a fresh process that loads
// bench/engineBench.ts and bench/timelineBench.ts from one checkout (dirB
// defaults to this one); the processes alternate A B, B A, ... `pairs` times
// (8 unless given), so a slow moment of the machine touches both alike, and
// neither side's code shares a process with the other's (two copies of the
// engine in one process measured the second one slower than the first).
// Each process measures the process CPU time per 1-page transfer at 1,024
// and at 1,048,576 frames (its best of several short rounds) and the heap a
// 100,000-event timeline holds. Prints each side's medians and best, and
// the ratios B / A. Make a "before" checkout with
//   git worktree add --detach ../base main

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, median, runFor } from './stats.ts';
import { referenceInNode } from './reference.ts';

interface Measure {
  readonly us1K: number;
  readonly us1M: number;
  readonly heapMB: number;
}

const MB = 1024 * 1024;

/** In the child: measure one checkout and print the figures as JSON. */
async function measureSide(dir: string): Promise<void> {
  if (!globalThis.gc) throw new Error('run node with --expose-gc');
  const root = resolve(dir);
  const engine = (await import(pathToFileURL(`${root}/bench/engineBench.ts`).href)) as typeof import('./engineBench.ts');
  const timeline = (await import(pathToFileURL(`${root}/bench/timelineBench.ts`).href)) as typeof import('./timelineBench.ts');
  const bestUs = (frames: number) => {
    const lab = new engine.TransferLab({ frames });
    runFor(() => lab.transfer(1), 300);
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      globalThis.gc?.();
      // process CPU time rather than wall time: on a shared machine the wall
      // clock also counts the time other processes held the cores
      const cpu = process.cpuUsage();
      const { count } = runFor(() => lab.transfer(1), 100);
      const used = process.cpuUsage(cpu);
      best = Math.min(best, (used.user + used.system) / count);
    }
    return best;
  };
  const us1K = bestUs(1024);
  const us1M = bestUs(1 << 20);
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const built = timeline.buildTimeline(1024);
  globalThis.gc();
  const heapMB = ((process.memoryUsage().heapUsed - before) / MB) * (100_000 / built.events);
  const measure: Measure = { us1K, us1M, heapMB };
  console.log(JSON.stringify(measure));
}

function runSide(dir: string): Measure {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--side', dir], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Measure;
}

function main(dirA: string, dirB: string, pairs: number): void {
  const runs: { a: Measure[]; b: Measure[] } = { a: [], b: [] };
  for (let p = 0; p < pairs; p++) {
    for (const side of p % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) runs[side].push(runSide(side === 'a' ? dirA : dirB));
    process.stderr.write(`bench:ab-engine: pair ${p + 1} of ${pairs}\n`);
  }
  // how fast the machine was in this run, in a process of its own: a ratio is only comparable with its reference score
  const reference = referenceInNode().scores;
  console.log(`A = ${dirA}, B = ${dirB}, ${pairs} pairs of processes; reference score in this run: Node ${fmt(median(reference))} (${fmt(Math.min(...reference))} - ${fmt(Math.max(...reference))})`);
  const figures: [string, keyof Measure][] = [['us per transfer, 1,024 frames', 'us1K'], ['us per transfer, 1,048,576 frames', 'us1M'], ['heap MB per 100k events', 'heapMB']];
  for (const [name, key] of figures) {
    const a = runs.a.map((m) => m[key]);
    const b = runs.b.map((m) => m[key]);
    const ratios = a.map((x, i) => b[i]! / x);
    console.log(`${name}: A ${fmt(median(a))}, B ${fmt(median(b))}; B / A median ${fmt(median(ratios))} (${fmt(Math.min(...ratios))}-${fmt(Math.max(...ratios))}); best A ${fmt(Math.min(...a))}, B ${fmt(Math.min(...b))}, B / A ${fmt(Math.min(...b) / Math.min(...a))}`);
  }
  const scale = (ms: Measure[]) => fmt(median(ms.map((m) => m.us1M / m.us1K)));
  console.log(`1,048,576 / 1,024 frames, median per process: A ${scale(runs.a)}, B ${scale(runs.b)}`);
}

const args = process.argv.slice(2);
if (args[0] === '--side') {
  await measureSide(args[1]!);
} else {
  const [dirA = '', dirB = '.', pairs = '8'] = args;
  if (!dirA) throw new Error('usage: bench/abEngine.ts <dirA> [dirB] [pairs]');
  main(dirA, dirB, Number(pairs));
}
