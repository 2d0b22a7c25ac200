// `npm run bench:ui`: the page under load, in Chromium.
//
// At full speed: frame work (p95) and long animation frames while a stress
// scenario runs (8 partitions, 4,096 frames, a flip every frame), the same
// while the Memory view shows 1,048,576 frames, and the gzip size of the
// JavaScript the page loads first.
//
// As a classroom laptop feels it, with Chromium's CPU throttling at rate 4
// (CDP Emulation.setCPUThrottlingRate): a cold load until a typed line is
// answered; opening a share link of 300 typed lines until the replayed moment
// shows; the stress scenario; and a long session of 5,000 typed lines, after
// which Enter to the result painted (p95) and scrubbing to the start and back
// are timed, and the JS heap growth is reported.
//
// Every figure is the median of LPARLAB_BENCH_RUNS runs (3 unless set), with
// its spread. Writes bench/ui-results.json (with the commit, date, machine).
// Figures, not assertions: the machines are shared.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { figureOf, UI_FIGURES } from './figures.ts';
import type { Figure, UiFigure, UiResults } from './figures.ts';
import { CHROMIUM, provenance, ROOT } from './provenance.ts';
import { referenceInBrowser } from './reference.ts';
import { fmt, median } from './stats.ts';
import { printTable } from './table.ts';
import {
  FLIP_SECONDS, firstLoadKBgz, LONG_SESSION_LINES, longSession, sessionLines, startServer, stress, THROTTLE, throttledOpen, URL_BASE, VIEWPORT, watchFor,
} from './uiPage.ts';
import type { FlipRun } from './uiPage.ts';

const RUNS = Math.max(3, Number(process.env.LPARLAB_BENCH_RUNS ?? 3));
/** LPARLAB_BENCH_ONLY=stress,long ...: measure only these groups (for profiling; writes no results file) */
const ONLY = process.env.LPARLAB_BENCH_ONLY?.split(',') ?? null;
const wanted = (group: 'stress' | 'big' | 'load' | 'link' | 'slow' | 'long') => ONLY === null || ONLY.includes(group);
const progress = (line: string) => process.stderr.write(`bench:ui: ${line}\n`);

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build first: npm run build');
  const stop = await startServer();
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const runs: Partial<Record<UiFigure, number[]>> = {};
    const push = (k: UiFigure, v: number) => (runs[k] ??= []).push(v);
    const notes: string[] = [];
    const flipNote = (name: string, all: FlipRun[]) => notes.push(
      `${name}: frame work p50 ${fmt(median(all.map((m) => m.p50)))} ms, interval p95 ${fmt(median(all.map((m) => m.intervalP95)))} ms, `
      + `dropped ${all.map((m) => m.dropped).join('/')}, flips ${all.map((m) => m.flips).join('/')}; `
      + `playhead behind at the end ${all.map((m) => m.behind).join('/')} events, caught up in ${all.map((m) => fmt(m.catchUpMs)).join('/')} ms`,
    );

    progress(`reference workload in Chromium, at full speed and at CPU / ${THROTTLE} ...`);
    const browserReference = await referenceInBrowser(browser, THROTTLE);
    progress(`  reference: ${browserReference.chromium.map((v) => fmt(v)).join(', ')}; CPU / ${THROTTLE}: ${browserReference.chromiumThrottled.map((v) => fmt(v)).join(', ')}`);

    const done = (what: string, ...keys: UiFigure[]) => progress(`  ${what}: ${keys.map((k) => `${k} ${(runs[k] ?? []).map((v) => fmt(v)).join(', ')}`).join('; ')}`);

    if (wanted('stress')) {
      progress(`stress at 4,096 frames, ${RUNS} runs of ${FLIP_SECONDS} s ...`);
      const stressRuns: FlipRun[] = [];
      for (let r = 0; r < RUNS; r++) stressRuns.push(await stress(browser, 4096, 1));
      for (const m of stressRuns) { push('stressP95Ms', m.p95); push('longFramesStress', m.longFrames); }
      flipNote('stress', stressRuns);
      done('stress', 'stressP95Ms', 'longFramesStress');
    }

    if (wanted('big')) {
      progress(`1,048,576 frames, ${RUNS} runs ...`);
      const bigRuns: FlipRun[] = [];
      for (let r = 0; r < RUNS; r++) bigRuns.push(await stress(browser, 1 << 20, 1));
      for (const m of bigRuns) push('bigMemoryP95Ms', m.p95);
      flipNote('1,048,576 frames', bigRuns);
      done('big', 'bigMemoryP95Ms');
    }

    const first = firstLoadKBgz();
    push('firstLoadKBgz', first.kb);

    if (wanted('load')) {
      progress(`CPU / ${THROTTLE}: cold loads, ${RUNS} runs ...`);
      for (let r = 0; r < RUNS; r++) push('throttledLoadMs', await throttledOpen(browser, URL_BASE, watchFor('@A a = area(4096)', '= 0x')));
      done('load', 'throttledLoadMs');
    }

    if (wanted('link')) {
      progress(`CPU / ${THROTTLE}: a share link of 300 lines, ${RUNS} runs ...`);
      const fragment = await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: sessionLines(300), lesson: null, step: null, at: null });
      for (let r = 0; r < RUNS; r++) push('throttledLinkOpenMs', await throttledOpen(browser, `${URL_BASE}#${fragment}`, watchFor(null, 'opened a shared lab')));
      done('link', 'throttledLinkOpenMs');
    }

    if (wanted('slow')) {
      progress(`CPU / ${THROTTLE}: stress, ${RUNS} runs ...`);
      const slowRuns: FlipRun[] = [];
      for (let r = 0; r < RUNS; r++) slowRuns.push(await stress(browser, 4096, THROTTLE));
      for (const m of slowRuns) push('throttledStressP95Ms', m.p95);
      flipNote(`CPU / ${THROTTLE}: stress`, slowRuns);
      done('slow stress', 'throttledStressP95Ms');
    }

    if (wanted('long')) {
      progress(`CPU / ${THROTTLE}: a long session of ${LONG_SESSION_LINES.toLocaleString('en-US')} typed lines ...`);
      const long = await longSession(browser, RUNS, progress);
      for (const v of long.enterP95) push('longSessionEnterP95Ms', v);
      for (const v of long.scrub) push('longSessionScrubMs', v);
      notes.push(`long session: JS heap after a full collection grew ${fmt(long.heapGrowthMB)} MB over ${LONG_SESSION_LINES.toLocaleString('en-US')} lines, to ${fmt(long.heapAfterMB)} MB; typing them took ${fmt(long.typingMs / 1000)} s`);
      done('long session', 'longSessionEnterP95Ms', 'longSessionScrubMs');
    }

    if (ONLY !== null) {
      for (const note of notes) console.log(note);
      console.log('LPARLAB_BENCH_ONLY is set: bench/ui-results.json left as it was');
      return;
    }
    const figures = Object.fromEntries((Object.keys(UI_FIGURES) as UiFigure[]).map((k) => [k, figureOf(UI_FIGURES[k], runs[k] ?? [])])) as Record<UiFigure, Figure>;
    const results: UiResults = { ...provenance(browser.version(), browserReference), ...figures };
    writeFileSync(join(ROOT, 'bench', 'ui-results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(`lparlab bench:ui at ${results.commit.slice(0, 10)} in Chromium ${browser.version()}, ${VIEWPORT.width}x${VIEWPORT.height}`, UI_FIGURES, figures);
    console.log('');
    for (const note of notes) console.log(note);
    console.log(`first-load JavaScript: ${first.files.length} files`);
    console.log('results in bench/ui-results.json; `npm run bench:readme` puts them in the README');
  } finally {
    await browser.close();
    await stop();
  }
}

await main();
