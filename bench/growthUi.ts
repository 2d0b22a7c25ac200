// `npm run bench:growth -- [long|scrub] [short] [long] [pairs] [dir]`: what
// grows with the session's length (issue 22). The long session of
// bench/uiPage.ts at two lengths (500 and 5,000 typed lines unless given),
// alternated `pairs` times (3 unless given) in one run on the build in dir
// (dist unless given), with the machine's reference score measured in the same
// run: Enter to painted p95 (long) or scrub to painted (scrub), each length's
// median and the ratio long / short. Per-line work that is constant in the
// session's length gives a ratio near 1 whatever the machine's load; the
// absolute times say how loaded it was, the reference score how fast.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, ROOT } from './provenance.ts';
import { referenceInBrowser } from './reference.ts';
import { fmt, median } from './stats.ts';
import { longSession, startServer, THROTTLE } from './uiPage.ts';

const [scenario = 'long', shortArg = '500', longArg = '5000', pairsArg = '3', dir = 'dist'] = process.argv.slice(2);
const lengths = [Number(shortArg), Number(longArg)] as const;
const pairs = Number(pairsArg);

async function main(): Promise<void> {
  if (scenario !== 'long' && scenario !== 'scrub') throw new Error(`scenario: long or scrub, not ${scenario}`);
  if (!lengths.every((n) => Number.isInteger(n) && n > 0) || !(pairs > 0)) throw new Error('lengths and pairs: positive whole numbers');
  if (!existsSync(join(ROOT, dir, 'index.html'))) throw new Error(`no build in ${dir}/`);
  const stop = await startServer(dir);
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const runs = new Map<number, number[]>(lengths.map((n) => [n, []]));
  try {
    const reference = await referenceInBrowser(browser, THROTTLE);
    console.log(`reference score in this run: Chromium ${fmt(median(reference.chromium))}; CPU / ${THROTTLE} ${fmt(median(reference.chromiumThrottled))}`);
    for (let p = 0; p < pairs; p++) {
      // alternate which length goes first, so a load that drifts over the run falls on both
      for (const n of p % 2 === 0 ? lengths : [...lengths].reverse()) {
        const long = await longSession(browser, 1, () => {}, {}, n);
        const value = scenario === 'long' ? long.enterP95[0]! : long.scrub[0]!;
        runs.get(n)!.push(value);
        process.stderr.write(`bench:growth: ${scenario} after ${n} lines: ${fmt(value)} ms\n`);
      }
    }
  } finally {
    await browser.close();
    await stop();
  }
  const [short, long] = lengths.map((n) => median(runs.get(n)!));
  for (const n of lengths) console.log(`${scenario} after ${n} lines: median ${fmt(median(runs.get(n)!))} ms (${runs.get(n)!.map((v) => fmt(v)).join(', ')})`);
  console.log(`${scenario}: ${lengths[1]} / ${lengths[0]} lines = ${fmt(long! / short!)}`);
}

await main();
