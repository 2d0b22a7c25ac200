// `npm run bench`: how fast the engine moves messages by page flip, compared
// with real AF_UNIX round trips on this machine; how the cost scales with
// memory size; how fast time travel is on a 100,000-event history; and how
// much heap that history takes. Every figure is the median of several runs
// with its spread; the engine/AF_UNIX ratio is taken round by round, engine
// and socket measured side by side. Prints a table and writes
// bench/results.json (with the commit, date and machine).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_FRAMES } from '../src/engine/index.ts';
import { TransferLab } from './engineBench.ts';
import { openUnixPair } from './unixBench.ts';
import { buildTimeline, heapUsedAfterGc, timeTravel } from './timelineBench.ts';
import { ENGINE_FIGURES, figureOf } from './figures.ts';
import type { EngineFigure, EngineResults, Figure } from './figures.ts';
import { chromiumVersion, provenance, ROOT } from './provenance.ts';
import { fmt, runFor, sleep } from './stats.ts';
import { printTable } from './table.ts';

const FRAMES = 1024;
const MB = 1024 * 1024;
/** rounds of the side-by-side transfer measures, and each round's length */
const ROUNDS = Number(process.env.LPARLAB_BENCH_ROUNDS ?? 7);
const ROUND_MS = 300;
/** runs of the timeline measures (each builds its own 100,000-event timeline) */
const TIMELINE_RUNS = 3;
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

const perSec = (op: () => void, ms: number) => {
  const { count, elapsedMs } = runFor(op, ms);
  return (count / elapsedMs) * 1000;
};

/**
 * Engine (1 page, 16 pages) and AF_UNIX, round by round in one process: each
 * round measures all three in turn (the order alternating), so a slow moment
 * of the shared machine touches the engine and its yardstick alike.
 */
async function transfersSideBySide() {
  const lab1 = new TransferLab({ frames: FRAMES });
  const lab16 = new TransferLab({ frames: FRAMES });
  const unix = await openUnixPair();
  try {
    perSec(() => lab1.transfer(1), 500);
    perSec(() => lab16.transfer(16), 300);
    await unix.run(500);
    const engine1: number[] = [];
    const engine16: number[] = [];
    const sockets: number[] = [];
    const ratio: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let e1: number;
      let u: number;
      if (r % 2 === 0) {
        e1 = perSec(() => lab1.transfer(1), ROUND_MS);
        u = await unix.rate(ROUND_MS);
      } else {
        u = await unix.rate(ROUND_MS);
        e1 = perSec(() => lab1.transfer(1), ROUND_MS);
      }
      engine1.push(e1);
      sockets.push(u);
      ratio.push(e1 / u);
      engine16.push(perSec(() => lab16.transfer(16), ROUND_MS));
      await sleep(5);
    }
    return { engine1, engine16, sockets, ratio };
  } finally {
    await unix.close();
  }
}

/** Per-transfer time at 1,048,576 frames over that at 1,024, round by round in alternation. */
function scaleRatios(rounds: number, roundMs: number): { ratios: number[]; smallUs: number[]; largeUs: number[] } {
  const small = new TransferLab({ frames: FRAMES });
  const large = new TransferLab({ frames: MAX_FRAMES });
  const perTransferUs = (lab: TransferLab) => {
    const { count, elapsedMs } = runFor(() => lab.transfer(1), roundMs);
    return (elapsedMs * 1000) / count;
  };
  perTransferUs(small);
  perTransferUs(large);
  const ratios: number[] = [];
  const smallUs: number[] = [];
  const largeUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // alternate which goes first, so drift during a round pair affects both alike
    const [s, l] = r % 2 === 0 ? [perTransferUs(small), perTransferUs(large)] : (() => { const l2 = perTransferUs(large); return [perTransferUs(small), l2]; })();
    smallUs.push(s);
    largeUs.push(l);
    ratios.push(l / s);
  }
  return { ratios, smallUs, largeUs };
}

/** Build a 100,000-event timeline, weigh it, and time stepping back and seeking on it; `runs` times. */
function timelineRuns(runs: number) {
  const stepBack: number[] = [];
  const seekMs: number[] = [];
  const heapMB: number[] = [];
  const detail: string[] = [];
  for (let r = 0; r < runs; r++) {
    const heapBefore = heapUsedAfterGc();
    const built = buildTimeline(FRAMES);
    const heapAfter = heapUsedAfterGc();
    const heapBytes = heapAfter - heapBefore;
    const travel = timeTravel(built.timeline, 600);
    stepBack.push(Math.max(travel.backFromEnd.median, travel.backFromRandom.median));
    seekMs.push(travel.seekFromEnd.median);
    heapMB.push((heapBytes / MB) * (100_000 / built.events));
    detail.push(`run ${r + 1}: ${built.events.toLocaleString('en-US')} events in ${built.timeline.length.toLocaleString('en-US')} moments, ${fmt(heapBytes / MB)} MB; `
      + `step back p95 ${fmt(Math.max(travel.backFromEnd.p95, travel.backFromRandom.p95))} ms, seek p95 ${fmt(travel.seekFromEnd.p95)} ms`);
  }
  return { stepBack, seekMs, heapMB, detail };
}

async function main() {
  const started = performance.now();
  if (!globalThis.gc) progress('global.gc is not available (run node with --expose-gc): the heap figure will be noisy');
  const where = provenance(chromiumVersion());

  progress(`engine transfers (1 and 16 pages) and AF_UNIX 4 KiB round trips, side by side, ${ROUNDS} rounds ...`);
  const t = await transfersSideBySide();

  progress('memory size: 1,048,576 frames against 1,024, interleaved ...');
  const scale = scaleRatios(10, 150);

  progress(`timeline of 100,000 events, ${TIMELINE_RUNS} runs ...`);
  const tl = timelineRuns(TIMELINE_RUNS);

  const runs: Record<EngineFigure, number[]> = {
    engineTransfersPerSec1: t.engine1,
    engineTransfersPerSec16: t.engine16,
    unixRoundTripsPerSec: t.sockets,
    engineVsUnix: t.ratio,
    scale1Mvs1K: scale.ratios,
    stepBackMs100k: tl.stepBack,
    seekMs100k: tl.seekMs,
    heapMBPer100kEvents: tl.heapMB,
  };
  const figures = Object.fromEntries((Object.keys(ENGINE_FIGURES) as EngineFigure[]).map((k) => [k, figureOf(ENGINE_FIGURES[k], runs[k])])) as Record<EngineFigure, Figure>;
  const results: EngineResults = { ...where, ...figures };
  const out = join(ROOT, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

  printTable(`lparlab bench at ${where.commit.slice(0, 10)} on ${where.machine.cpu}, ${where.machine.cores} cores, node ${where.machine.node}`, ENGINE_FIGURES, figures);
  const us = (perSec: number) => `${fmt(1e6 / perSec)} us`;
  console.log('');
  console.log(`per transfer: ${us(figures.engineTransfersPerSec1.value)} (1 page), ${us(figures.engineTransfersPerSec16.value)} (16 pages); per AF_UNIX round trip: ${us(figures.unixRoundTripsPerSec.value)}`);
  console.log(`10x AF_UNIX needs ${fmt(10 * figures.unixRoundTripsPerSec.value)} transfers/s, ${fmt(1e5 / figures.unixRoundTripsPerSec.value)} us per transfer`);
  console.log(`per transfer at 1,048,576 / 1,024 frames: ${fmt(Math.min(...scale.largeUs))}-${fmt(Math.max(...scale.largeUs))} us / ${fmt(Math.min(...scale.smallUs))}-${fmt(Math.max(...scale.smallUs))} us`);
  for (const line of tl.detail) console.log(`timeline ${line}`);
  console.log('');
  console.log(`results in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s); \`npm run bench:readme\` puts them in the README`);
}

await main();
