// The machine's yardstick: a fixed pure-JavaScript CPU workload measured in
// the same run as the figures, in Node and in Chromium (at full speed and with
// the CPU slowed as the throttled figures are), so that two results files can
// be compared: a figure that is 2x worse on a machine whose reference score is
// 2x lower says the machine was slower, not the lab.
//
// The workload is the kind of work the lab does per line: allocate small
// records, sort them, group them in a Map, build strings and round-trip JSON.
// It is written as source text, not a function, so Node and the page run the
// very same code (a compiled function can carry the compiler's helpers, which
// the page would not have). Its checksum is fixed: a test pins it, so a change
// to the workload, which would make old scores incomparable, cannot go unseen.

import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';

/** One unit of work; returns a checksum that depends on every step. */
export const REFERENCE_UNIT_SOURCE = `
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const records = [];
  for (let i = 0; i < 2000; i++) records.push({ id: i, owner: next() % 8, page: next() % 4096, tag: 'S' + (100 + (next() % 13)) });
  records.sort((a, b) => a.owner - b.owner || a.page - b.page || a.id - b.id);
  const byOwner = new Map();
  for (const r of records) {
    const list = byOwner.get(r.owner);
    if (list) list.push(r.page); else byOwner.set(r.owner, [r.page]);
  }
  let text = '';
  for (const [owner, pages] of byOwner) text += owner + ':' + pages.length + ':' + pages.slice(0, 16).join(',') + ';';
  const copy = JSON.parse(JSON.stringify(records.slice(0, 500)));
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (Math.imul(sum, 31) + text.charCodeAt(i)) >>> 0;
  for (const r of copy) sum = (sum + r.page * (r.owner + 1) + r.tag.length) >>> 0;
  return sum;
`;

/** The checksum one unit returns on every engine (pinned by bench/reference.test.ts). */
export const REFERENCE_CHECKSUM = 182_625_003;

/**
 * Source of a function that runs units for `roundMs` milliseconds, `rounds`
 * times, and returns units per second for each round (the score), after a
 * warm-up. Self-contained, so the page can evaluate it.
 */
export const REFERENCE_RUN_SOURCE = `(function (rounds, roundMs, warmupMs) {
  const unit = function () { ${REFERENCE_UNIT_SOURCE} };
  const now = () => performance.now();
  let check = 0;
  const runFor = (ms) => {
    let count = 0;
    const start = now();
    let elapsed;
    do { check ^= unit(); count++; elapsed = now() - start; } while (elapsed < ms);
    return (count / elapsed) * 1000;
  };
  runFor(warmupMs);
  const scores = [];
  for (let r = 0; r < rounds; r++) scores.push(runFor(roundMs));
  return { scores, check };
})`;

export interface ReferenceRuns {
  /** units of the reference workload per second, one per round */
  readonly scores: number[];
}

const ROUNDS = 5;
const ROUND_MS = 300;
const WARMUP_MS = 300;

/** One unit in this process (for the checksum test). */
export function referenceUnit(): number {
  return (new Function(REFERENCE_UNIT_SOURCE) as () => number)();
}

/**
 * The reference workload in Node, in a process of its own: units per second,
 * round by round. Not in the bench's process, where it would change what it
 * measures: run before the engine's rounds in the same process, it made them
 * about 8x slower (seen with `npm run bench`; V8's state is shared by all
 * the code a process runs), and the engine's work would change its score.
 */
export function referenceInNode(rounds = ROUNDS, roundMs = ROUND_MS): ReferenceRuns {
  const script = `process.stdout.write(JSON.stringify(${REFERENCE_RUN_SOURCE}(${rounds}, ${roundMs}, ${WARMUP_MS})))`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { scores: (JSON.parse(out) as { scores: number[] }).scores };
}

/** The reference workload in a page (already throttled by the caller as wanted). */
export async function referenceInPage(page: Page, rounds = ROUNDS, roundMs = ROUND_MS): Promise<ReferenceRuns> {
  const result = await page.evaluate(`${REFERENCE_RUN_SOURCE}(${rounds}, ${roundMs}, ${WARMUP_MS})`) as { scores: number[] };
  return { scores: result.scores };
}

/** Chromium's scores at full speed, with the CPU slowed by `rate`, and by `phoneRate` when given (a fresh blank page each). */
export async function referenceInBrowser(browser: Browser, rate: number, phoneRate?: number): Promise<{ chromium: number[]; chromiumThrottled: number[]; chromiumPhone?: number[] }> {
  const scoresAt = async (cpuRate: number) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto('about:blank');
      if (cpuRate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      return (await referenceInPage(page)).scores;
    } finally {
      await context.close();
    }
  };
  const chromium = await scoresAt(1);
  const chromiumThrottled = await scoresAt(rate);
  return phoneRate === undefined ? { chromium, chromiumThrottled } : { chromium, chromiumThrottled, chromiumPhone: await scoresAt(phoneRate) };
}
