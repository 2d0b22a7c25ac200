// `npm run bench:ab -- <scenario> [dirA] [dirB] [pairs]`: two builds of the
// site side by side in one run, for before/after comparisons on a shared
// machine. Serves dirA and dirB (dist-base and dist unless given) in turn,
// alternating A, B, A, B ... `pairs` times (4 unless given), and prints each
// build's median and the ratio B / A.
//   scenario: stress | big | slow (frame work p95), typing (the stress typed
//   through the terminal: frame work p95), typing-flips (its flips per second),
//   load | link (CPU / 4, ms),
//   long | scrub (CPU / 4 after 5,000 typed lines: Enter to painted p95, scrub),
//   phone-load | phone-follow (the phone at CPU / 6: cold load to an answered
//   line; a lecturer's line to the following phone's painted Memory view, p95)
// Build the "before" with: npx vite build --outDir dist-base

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { CHROMIUM, ROOT } from './provenance.ts';
import { PHONE_THROTTLE, phoneFollow, phoneLoad } from './phonePage.ts';
import { referenceInBrowser } from './reference.ts';
import { fmt, median } from './stats.ts';
import { FLIP_SECONDS, longSession, sessionLines, startServer, stress, THROTTLE, throttledOpen, URL_BASE, watchFor } from './uiPage.ts';
import type { Browser } from '@playwright/test';

const [scenario = 'stress', dirA = 'dist-base', dirB = 'dist', pairsArg = '4'] = process.argv.slice(2);
const pairs = Number(pairsArg);

async function measure(browser: Browser): Promise<number> {
  switch (scenario) {
    case 'stress': return (await stress(browser, 4096, 1)).p95;
    case 'big': return (await stress(browser, 1 << 20, 1)).p95;
    case 'slow': return (await stress(browser, 4096, THROTTLE)).p95;
    case 'typing': return (await stress(browser, 4096, 1, 'typeLine')).p95;
    case 'typing-flips': return (await stress(browser, 4096, 1, 'typeLine')).flips / FLIP_SECONDS;
    case 'load': return throttledOpen(browser, URL_BASE, watchFor('@A a = area(4096)', '= 0x'));
    case 'link': {
      const fragment = await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: sessionLines(300), lesson: null, step: null, at: null });
      return throttledOpen(browser, `${URL_BASE}#${fragment}`, watchFor(null, 'opened a shared lab'));
    }
    case 'phone-load': return phoneLoad(browser);
    case 'phone-follow': return (await phoneFollow(browser, 1)).p95[0]!;
    case 'long': return (await longSession(browser, 1)).enterP95[0]!;
    case 'scrub': return (await longSession(browser, 1)).scrub[0]!;
    default: throw new Error(`scenario: stress, big, slow, typing, typing-flips, load, link, long, scrub, phone-load or phone-follow, not ${scenario}`);
  }
}

async function main(): Promise<void> {
  for (const dir of [dirA, dirB]) if (!existsSync(join(ROOT, dir, 'index.html'))) throw new Error(`no build in ${dir}/`);
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const runs: Record<string, number[]> = { [dirA]: [], [dirB]: [] };
  try {
    // how fast the machine was in this run: a figure is only comparable with its reference score
    const reference = await referenceInBrowser(browser, THROTTLE, PHONE_THROTTLE);
    const scores = (xs: readonly number[]) => `${fmt(median(xs))} (${fmt(Math.min(...xs))} - ${fmt(Math.max(...xs))})`;
    console.log(`reference score in this run: Chromium ${scores(reference.chromium)}; CPU / ${THROTTLE} ${scores(reference.chromiumThrottled)}; CPU / ${PHONE_THROTTLE} ${scores(reference.chromiumPhone ?? [])}`);
    for (let p = 0; p < pairs; p++) {
      for (const dir of p % 2 === 0 ? [dirA, dirB] : [dirB, dirA]) {
        const stop = await startServer(dir);
        try {
          runs[dir]!.push(await measure(browser));
        } finally {
          await stop();
        }
        process.stderr.write(`bench:ab: ${scenario} ${dir}: ${fmt(runs[dir]!.at(-1)!)} ms\n`);
      }
    }
  } finally {
    await browser.close();
  }
  const a = median(runs[dirA]!);
  const b = median(runs[dirB]!);
  console.log(`${scenario}: A ${dirA} median ${fmt(a)} ms (${runs[dirA]!.map((v) => fmt(v)).join(', ')})`);
  console.log(`${scenario}: B ${dirB} median ${fmt(b)} ms (${runs[dirB]!.map((v) => fmt(v)).join(', ')})`);
  console.log(`${scenario}: B / A = ${fmt(b / a)}`);
}

await main();
