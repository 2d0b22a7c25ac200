// `npm run bench`: how fast the engine moves messages by page flip, compared
// with real AF_UNIX round trips on this machine; how the cost scales with
// memory size; how fast time travel is on a 100,000-event history; and how
// much heap that history takes. Prints a table and writes bench/results.json.

import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_FRAMES } from '../src/engine/index.ts';
import { TransferLab } from './engineBench.ts';
import { unixRoundTripsPerSec } from './unixBench.ts';
import { buildTimeline, heapUsedAfterGc, timeTravel } from './timelineBench.ts';
import { performance } from 'node:perf_hooks';
import { fmt, median, ratePerSec, runFor, sleep } from './stats.ts';

export interface Results {
  engineTransfersPerSec1: number;
  engineTransfersPerSec16: number;
  unixRoundTripsPerSec: number;
  engineVsUnix: number;
  scale1Mvs1K: number;
  stepBackMs100k: number;
  seekMs100k: number;
  heapMBPer100kEvents: number;
}

const FRAMES = 1024;
const MB = 1024 * 1024;
const ROUNDS = { warmupMs: 500, rounds: 5, roundMs: 300 };
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Per-transfer microseconds for two memory sizes, measured round by round in alternation. */
function scaleRatio(rounds: number, roundMs: number) {
  const small = new TransferLab({ frames: FRAMES });
  const large = new TransferLab({ frames: MAX_FRAMES });
  const perTransferUs = (lab: TransferLab) => {
    const { count, elapsedMs } = runFor(() => lab.transfer(1), roundMs);
    return (elapsedMs * 1000) / count;
  };
  perTransferUs(small);
  perTransferUs(large);
  const smallUs: number[] = [];
  const largeUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // alternate which goes first, so drift during a round pair affects both alike
    if (r % 2 === 0) {
      smallUs.push(perTransferUs(small));
      largeUs.push(perTransferUs(large));
    } else {
      largeUs.push(perTransferUs(large));
      smallUs.push(perTransferUs(small));
    }
  }
  return { smallUs: median(smallUs), largeUs: median(largeUs), ratio: median(largeUs) / median(smallUs) };
}

async function main() {
  const started = performance.now();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine = `${cpu}, ${os.cpus().length} cores, node ${process.version}, ${os.platform()} ${os.arch()}`;
  if (!globalThis.gc) progress('global.gc is not available (run node with --expose-gc): the heap figure will be noisy');

  progress('engine transfers, 1 page and 16 pages ...');
  const lab1 = new TransferLab({ frames: FRAMES });
  const engine1 = ratePerSec(() => lab1.transfer(1), ROUNDS);
  const lab16 = new TransferLab({ frames: FRAMES });
  const engine16 = ratePerSec(() => lab16.transfer(16), ROUNDS);

  progress('AF_UNIX round trips, 4 KiB ...');
  const unix = await unixRoundTripsPerSec(ROUNDS);
  await sleep(10);

  progress('memory size: 1,048,576 frames against 1,024, interleaved ...');
  const scale = scaleRatio(10, 150);

  progress('timeline of 100,000 events ...');
  const heapBefore = heapUsedAfterGc();
  const built = buildTimeline(FRAMES);
  const heapAfter = heapUsedAfterGc();
  const heapBytes = heapAfter - heapBefore;
  const travel = timeTravel(built.timeline, 1500);

  const stepBackMs = Math.max(travel.backFromEnd.median, travel.backFromRandom.median);
  const results: Results = {
    engineTransfersPerSec1: engine1.median,
    engineTransfersPerSec16: engine16.median,
    unixRoundTripsPerSec: unix.median,
    engineVsUnix: engine1.median / unix.median,
    scale1Mvs1K: scale.ratio,
    stepBackMs100k: stepBackMs,
    seekMs100k: travel.seekFromEnd.median,
    heapMBPer100kEvents: (heapBytes / MB) * (100_000 / built.events),
  };
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

  const yes = (met: boolean) => (met ? 'yes' : 'NO');
  const rows: [string, string, string, string][] = [
    ['engine transfers/s, 1 page', fmt(results.engineTransfersPerSec1), '-', ''],
    [`  (${fmt(1e6 / results.engineTransfersPerSec1)} us per transfer)`, '', '', ''],
    ['engine transfers/s, 16 pages', fmt(results.engineTransfersPerSec16), '-', ''],
    [`  (${fmt(1e6 / results.engineTransfersPerSec16)} us per transfer)`, '', '', ''],
    ['AF_UNIX round trips/s, 4 KiB', fmt(results.unixRoundTripsPerSec), '-', ''],
    [`  (${fmt(1e6 / results.unixRoundTripsPerSec)} us per round trip)`, '', '', ''],
    ['engine / AF_UNIX', `${fmt(results.engineVsUnix)}x`, '>= 10x', yes(results.engineVsUnix >= 10)],
    [`  (10x needs ${fmt(10 * results.unixRoundTripsPerSec)} transfers/s, ${fmt(1e5 / results.unixRoundTripsPerSec)} us per transfer)`, '', '', ''],
    ['per transfer, 1,048,576 / 1,024 frames', `${fmt(results.scale1Mvs1K)}x`, '<= 1.2x', yes(results.scale1Mvs1K <= 1.2)],
    [`  (${fmt(scale.largeUs)} us / ${fmt(scale.smallUs)} us per transfer)`, '', '', ''],
    ['step back one moment (larger median below)', `${fmt(results.stepBackMs100k)} ms`, '< 16 ms', yes(results.stepBackMs100k < 16)],
    [`  from the end: median ${fmt(travel.backFromEnd.median)} ms, p95 ${fmt(travel.backFromEnd.p95)} ms`, '', '', ''],
    [`  from random moments: median ${fmt(travel.backFromRandom.median)} ms, p95 ${fmt(travel.backFromRandom.p95)} ms`, '', '', ''],
    ['seek to a random moment, 100k events', `${fmt(results.seekMs100k)} ms`, '< 100 ms', yes(results.seekMs100k < 100)],
    [`  p95 ${fmt(travel.seekFromEnd.p95)} ms`, '', '', ''],
    ['heap per 100k events (MB = 2^20 bytes)', `${fmt(results.heapMBPer100kEvents)} MB`, '-', ''],
    [`  ${built.events.toLocaleString('en-US')} events in ${built.timeline.length.toLocaleString('en-US')} moments: ${fmt(heapBytes / MB)} MB${globalThis.gc ? '' : ' (no gc: noisy)'}`, '', '', ''],
  ];
  const head: [string, string, string, string] = ['measure', 'value', 'goal', 'met'];
  const width = [0, 1, 2, 3].map((c) => Math.max(head[c]!.length, ...rows.filter((r) => r[1] !== '' || c === 0).map((r) => (c === 0 && r[1] === '' ? 0 : r[c]!.length))));
  const line = (r: readonly string[]) => (r[1] === '' && r[2] === ''
    ? r[0]!
    : `${r[0]!.padEnd(width[0]!)}  ${r[1]!.padStart(width[1]!)}  ${r[2]!.padEnd(width[2]!)}  ${r[3]!}`).trimEnd();

  console.log('');
  console.log(`lparlab bench on ${machine}`);
  console.log(`engine: full path per transfer (area.reserve, channel.send, channel.recv, area.free), ${FRAMES} frames unless stated`);
  console.log('');
  console.log(line(head));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log('');
  const goals = [results.engineVsUnix >= 10, results.scale1Mvs1K <= 1.2, results.stepBackMs100k < 16, results.seekMs100k < 100];
  console.log(`${goals.filter(Boolean).length} of ${goals.length} goals met; results in ${out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

await main();
