// `node --expose-gc --import tsx bench/abEngine.ts <dirA> [dirB] [rounds]`:
// two checkouts of the engine side by side in one process, for before/after
// comparisons on a shared machine. Loads bench/engineBench.ts and
// bench/timelineBench.ts from each checkout (dirB defaults to this one), then
// alternates A and B round by round: the 1-page transfer at 1,024 and at
// 1,048,576 frames, then (up to 5 rounds) the heap a 100,000-event timeline holds. Prints each
// side's medians and the ratios B / A, so a slow moment of the machine
// touches both alike. Transfer times are process CPU time per transfer.
// Make a "before" checkout with
//   git worktree add --detach ../base main

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, median, runFor } from './stats.ts';

interface Side {
  readonly name: string;
  readonly transferUs: (frames: number, ms: number) => number;
  readonly heapMBPer100k: () => number;
}

const [dirA = '', dirB = '.', roundsArg = '9'] = process.argv.slice(2);
if (!dirA) throw new Error('usage: bench/abEngine.ts <dirA> [dirB] [rounds]');
const rounds = Number(roundsArg);
const MB = 1024 * 1024;

function heapUsedAfterGc(): number {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

async function load(dir: string): Promise<Side> {
  const root = resolve(dir);
  const engine = (await import(pathToFileURL(`${root}/bench/engineBench.ts`).href)) as typeof import('./engineBench.ts');
  const timeline = (await import(pathToFileURL(`${root}/bench/timelineBench.ts`).href)) as typeof import('./timelineBench.ts');
  const labs = new Map<number, InstanceType<typeof engine.TransferLab>>();
  return {
    name: dir,
    transferUs(frames, ms) {
      let lab = labs.get(frames);
      if (!lab) labs.set(frames, (lab = new engine.TransferLab({ frames })));
      // process CPU time rather than wall time: on a shared machine the wall
      // clock also counts the time other processes held the cores
      globalThis.gc?.();
      const cpu = process.cpuUsage();
      const { count } = runFor(() => lab.transfer(1), ms);
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / count;
    },
    heapMBPer100k() {
      const before = heapUsedAfterGc();
      const built = timeline.buildTimeline(1024);
      const bytes = heapUsedAfterGc() - before;
      return (bytes / MB) * (100_000 / built.events);
    },
  };
}

async function main(): Promise<void> {
  if (!globalThis.gc) throw new Error('run node with --expose-gc');
  const a = await load(dirA);
  const b = await load(dirB);
  const figures = {
    'us per transfer, 1,024 frames': (s: Side) => s.transferUs(1024, 150),
    'us per transfer, 1,048,576 frames': (s: Side) => s.transferUs(1 << 20, 150),
    'heap MB per 100k events': (s: Side) => s.heapMBPer100k(),
  };
  for (const side of [a, b]) for (const f of Object.values(figures).slice(0, 2)) f(side); // warm-up
  const runs = new Map<string, { a: number[]; b: number[] }>(Object.keys(figures).map((k) => [k, { a: [], b: [] }]));
  // the heap rounds come after all the timed ones: freeing a 100k-event
  // timeline keeps the collector's threads busy, and process CPU time counts them
  const phases = [Object.entries(figures).slice(0, 2), Object.entries(figures).slice(2)];
  for (const [phase, entries] of phases.entries()) for (let r = 0; r < (phase === 0 ? rounds : Math.min(rounds, 5)); r++) {
    for (const [name, f] of entries) {
      const run = runs.get(name)!;
      if (r % 2 === 0) {
        run.a.push(f(a));
        run.b.push(f(b));
      } else {
        run.b.push(f(b));
        run.a.push(f(a));
      }
    }
    process.stderr.write(`bench:ab-engine: ${phase === 0 ? 'transfers' : 'heap'}, round ${r + 1}\n`);
  }
  console.log(`A = ${a.name}, B = ${b.name}, ${rounds} rounds`);
  for (const [name, run] of runs) {
    const ratios = run.a.map((x, i) => run.b[i]! / x);
    // the best round of each side too: on a busy machine it is the closest to the code's own cost
    const best = { a: Math.min(...run.a), b: Math.min(...run.b) };
    console.log(`${name}: A ${fmt(median(run.a))}, B ${fmt(median(run.b))}; B / A median ${fmt(median(ratios))} (${fmt(Math.min(...ratios))}-${fmt(Math.max(...ratios))}); best A ${fmt(best.a)}, B ${fmt(best.b)}, B / A ${fmt(best.b / best.a)}`);
  }
  const scale = (run: { a: number[]; b: number[] }, side: 'a' | 'b') => median(run[side]);
  const small = runs.get('us per transfer, 1,024 frames')!;
  const large = runs.get('us per transfer, 1,048,576 frames')!;
  const best = (run: { a: number[]; b: number[] }, side: 'a' | 'b') => Math.min(...run[side]);
  console.log(`1,048,576 / 1,024 frames, medians: A ${fmt(scale(large, 'a') / scale(small, 'a'))}, B ${fmt(scale(large, 'b') / scale(small, 'b'))}; best rounds: A ${fmt(best(large, 'a') / best(small, 'a'))}, B ${fmt(best(large, 'b') / best(small, 'b'))}`);
}

await main();
