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
// The typing walk (issue 22): the stress's flips, each line typed through
// the terminal's entry (echoed, answered and printed as a typed line is):
// flips per second, frame work p95 and long animation frames.
//
// As a phone in a class (bench/phonePage.ts): CPU slowed 6x at 390x844,
// mobile and touch: a cold load until a line typed on the phone's input line
// is answered; and a lecturer's line (the lecturer's page at full speed)
// through the classroom relay until a following student's phone paints its
// Memory view with the new owner (p95 of 10 lines a run).
//
// Every figure is the median of LPARLAB_BENCH_RUNS runs (3 unless set), with
// its spread. Writes bench/ui-results.json (with the commit, date, machine).
// Figures, not assertions: the machines are shared.
//
// LPARLAB_BENCH_ONLY=phone,... measures only those groups and writes nothing;
// with LPARLAB_BENCH_MERGE=1 too, their figures go into the existing
// bench/ui-results.json with the commit, date and reference score of this
// run (shown apart in the README), the other figures left as measured.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { figureOf, mergeApart, UI_FIGURES } from './figures.ts';
import type { Figure, UiFigure, UiResults } from './figures.ts';
import { CHROMIUM, provenance, ROOT } from './provenance.ts';
import { referenceInBrowser } from './reference.ts';
import { PHONE_THROTTLE, PHONE_VIEWPORT, phoneFollow, phoneLoad } from './phonePage.ts';
import { fmt, median } from './stats.ts';
import { printTable } from './table.ts';
import {
  FLIP_SECONDS, firstLoadKBgz, LONG_SESSION_LINES, longSession, sessionLines, startServer, stress, THROTTLE, throttledOpen, URL_BASE, VIEWPORT, watchFor,
} from './uiPage.ts';
import type { FlipRun } from './uiPage.ts';

const RUNS = Math.max(3, Number(process.env.LPARLAB_BENCH_RUNS ?? 3));
/** LPARLAB_BENCH_ONLY=stress,long ...: measure only these groups (for profiling; writes no results file) */
const ONLY = process.env.LPARLAB_BENCH_ONLY?.split(',') ?? null;
const MERGE = process.env.LPARLAB_BENCH_MERGE === '1';
const wanted = (group: 'stress' | 'big' | 'load' | 'link' | 'slow' | 'long' | 'typing' | 'phone') => ONLY === null || ONLY.includes(group);
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

    progress(`reference workload in Chromium, at full speed, at CPU / ${THROTTLE} and at CPU / ${PHONE_THROTTLE} ...`);
    const browserReference = await referenceInBrowser(browser, THROTTLE, PHONE_THROTTLE);
    progress(`  reference: ${browserReference.chromium.map((v) => fmt(v)).join(', ')}; CPU / ${THROTTLE}: ${browserReference.chromiumThrottled.map((v) => fmt(v)).join(', ')}; CPU / ${PHONE_THROTTLE}: ${(browserReference.chromiumPhone ?? []).map((v) => fmt(v)).join(', ')}`);

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

    if (wanted('typing')) {
      progress(`typing walk at 4,096 frames (the stress's lines through the terminal), ${RUNS} runs of ${FLIP_SECONDS} s ...`);
      const typingRuns: FlipRun[] = [];
      for (let r = 0; r < RUNS; r++) typingRuns.push(await stress(browser, 4096, 1, 'typeLine'));
      for (const m of typingRuns) { push('typingFlipsPerSec', m.flips / FLIP_SECONDS); push('typingP95Ms', m.p95); push('typingLongFrames', m.longFrames); }
      flipNote('typing walk', typingRuns);
      done('typing walk', 'typingFlipsPerSec', 'typingP95Ms', 'typingLongFrames');
    }

    if (wanted('phone')) {
      progress(`phone (${PHONE_VIEWPORT.width}x${PHONE_VIEWPORT.height}, touch, CPU / ${PHONE_THROTTLE}): cold loads, ${RUNS} runs ...`);
      for (let r = 0; r < RUNS; r++) push('phoneLoadMs', await phoneLoad(browser));
      done('phone load', 'phoneLoadMs');
      progress(`phone (CPU / ${PHONE_THROTTLE}) following a lecturer through the relay, ${RUNS} runs ...`);
      const follow = await phoneFollow(browser, RUNS, progress);
      for (const v of follow.p95) push('phoneFollowP95Ms', v);
      notes.push(`phone following a lecturer: every line ${follow.all.map((v) => fmt(v)).join(', ')} ms`);
      done('phone classroom', 'phoneFollowP95Ms');
    }

    if (ONLY !== null) {
      for (const note of notes) console.log(note);
      const measured = Object.fromEntries((Object.keys(runs) as UiFigure[]).filter((k) => k !== 'firstLoadKBgz').map((k) => [k, figureOf(UI_FIGURES[k], runs[k]!)]));
      for (const [k, f] of Object.entries(measured)) console.log(`${UI_FIGURES[k as UiFigure].label}: ${fmt(f.value)} ${f.unit} (${f.runs}: ${fmt(f.min)} - ${fmt(f.max)})`);
      if (!MERGE) {
        console.log('LPARLAB_BENCH_ONLY is set: bench/ui-results.json left as it was (LPARLAB_BENCH_MERGE=1 puts these figures in it)');
        return;
      }
      const path = join(ROOT, 'bench', 'ui-results.json');
      const { commit, date, reference } = provenance(browser.version(), browserReference);
      const merged = mergeApart(JSON.parse(readFileSync(path, 'utf8')) as UiResults, measured, { commit, date, ...(reference ? { reference } : {}) });
      writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`);
      console.log(`merged ${Object.keys(measured).join(', ')} into bench/ui-results.json, measured apart; \`npm run bench:readme\` puts them in the README`);
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
