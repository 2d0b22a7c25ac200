// The page under measure: a preview server for dist/, fresh browser contexts,
// the lab's set-up and flip scenarios, and the in-page timing of frames. Used
// by bench/ui.ts (the figures) and bench/profileUi.ts (where the time goes).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { ROOT } from './provenance.ts';

export const PORT = Number(process.env.LPARLAB_BENCH_PORT ?? 4191);
export const URL_BASE = `http://127.0.0.1:${PORT}/`;
export const FLIP_SECONDS = 5;
export const THROTTLE = 4;
export const VIEWPORT = { width: 1920, height: 1080 };
/** Lines of the long session: 5,000 for the figures; LPARLAB_LONG_LINES sets another to see what grows with it. */
export const LONG_SESSION_LINES = Number(process.env.LPARLAB_LONG_LINES ?? 5000);
const ENTERS_PER_RUN = 20;

/** JavaScript loaded before anything lazy: the entry script and the modules it preloads. */
export function firstLoadKBgz(): { kb: number; files: string[] } {
  const html = readFileSync(join(ROOT, 'dist', 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(ROOT, 'dist', f))).length, 0);
  return { kb: bytes / 1024, files };
}

/** Whether nothing listens on `port` now (a preview server left running by an interrupted run would be measured instead). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function startServer(outDir = 'dist'): Promise<() => Promise<void>> {
  if (!(await portIsFree(PORT))) throw new Error(`port ${PORT} is taken (a preview server left running?): stop it or set LPARLAB_BENCH_PORT`);
  const server = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', outDir], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    // with --strictPort the server exits at once when the port is taken: do not measure whatever answers there
    if (server.exitCode !== null) throw new Error(`vite preview could not start on port ${PORT} (taken?): set LPARLAB_BENCH_PORT`);
    try {
      if ((await fetch(URL_BASE)).ok) {
        await new Promise((r) => setTimeout(r, 200));
        if (server.exitCode !== null) throw new Error(`vite preview could not start on port ${PORT} (taken?): set LPARLAB_BENCH_PORT`);
        return () => new Promise<void>((resolve) => {
          if (server.exitCode !== null) return resolve();
          server.once('exit', () => resolve());
          server.kill();
        });
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

export const SETUP = [
  'lpar_create("C", 32, 1)', 'lpar_create("D", 32, 1)', 'lpar_create("E", 32, 1)', 'lpar_create("F", 32, 1)', 'lpar_create("G", 32, 1)',
  ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((p) => `limit(${p}, mem, unlimited)`),
  '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)',
];
/** One full flip: reserve, send (the flip), receive, free. */
const flipLines = (short: string) => ['@A a = area(4096)', `@A send(ch, a, "${short}")`, '@B r = recv(chb)', '@B free(r.addr)'];
/** A lesson-sized set-up on the default machine (256 frames): A and B connected by a channel. */
export const PAIR_SETUP = ['limit(A, mem, unlimited)', 'limit(B, mem, unlimited)', '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
/** A session's worth of typed lines on the default machine: A and B connected, then flips, `count` lines in all. */
export function sessionLines(count: number): string[] {
  const lines = [...PAIR_SETUP];
  for (let i = 0; lines.length < count; i++) lines.push(...flipLines(`m${i}`));
  return lines.slice(0, count);
}

/** Page-side helpers, installed before the page's own scripts. */
export const PAGE_HELPERS = `
window.__name = (f) => f;
window.__painted = (t0) => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  // a measure in the trace (bench:trace), from the action timed to its painted frame
  channel.port1.onmessage = () => { if (t0 > 0) performance.measure('bench: to painted', { start: t0 }); resolve(performance.now() - t0); };
  channel.port2.postMessage(0);
}));
/*
 * Resolves, with the time since start() (read then: a key's time is known once it is pressed), once a
 * frame that shows \`text\` in \`element\` has painted: the
 * text is seen as it is written into the DOM (a MutationObserver, not a look once per frame, which
 * saw it a frame late at best), then the painted frame is taken as __painted takes it, with one
 * exception: text written while a frame is being drawn (xterm's renderer writes its rows in an
 * animation callback) is painted by that same frame, so a message posted then runs after its
 * paint. A frame being drawn is told by a callback of our own, asked for before the text can be
 * written, so it runs first in each frame; a message posted from it marks the frame's end.
 */
window.__textPainted = (element, text, start) => new Promise((resolve) => {
  let drawing = false;
  let watching = true;
  const frame = () => {
    if (!watching) return;
    drawing = true;
    const end = new MessageChannel();
    end.port1.onmessage = () => { drawing = false; };
    end.port2.postMessage(0);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const painted = () => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const t0 = start();
      performance.measure('bench: to painted', { start: t0 });
      resolve(performance.now() - t0);
    };
    channel.port2.postMessage(0);
  };
  const seen = new MutationObserver(() => {
    if (!(element.textContent ?? '').includes(text)) return;
    seen.disconnect();
    watching = false;
    if (drawing) painted();
    else requestAnimationFrame(painted);
  });
  seen.observe(element, { childList: true, subtree: true, characterData: true });
});
`;

/**
 * Watches the page from its first script: once the terminal is up, optionally
 * types `line`, and waits until the terminal shows `expect`; then notes the
 * time (since navigation start) at which the frame showing it was painted.
 */
export const watchFor = (line: string | null, expect: string) => `
(() => {
  let typed = false;
  const look = () => {
    const lab = window.lparlab;
    if (lab && !typed && ${JSON.stringify(line)} !== null) { typed = true; lab.typeLine(${JSON.stringify(line)}); }
    if (lab && lab.terminalText().includes(${JSON.stringify(expect)})) {
      window.__painted(0).then((t) => { window.__benchReady = t; });
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
`;

/** How the flips' lines go in: straight to the store (`submit`), or through the terminal as if typed (`typeLine`). */
export type Entry = 'submit' | 'typeLine';

export interface FlipRun { p50: number; p95: number; intervalP95: number; dropped: number; longFrames: number; flips: number; behind: number; catchUpMs: number }

/**
 * One flip per animation frame for `seconds`. Two measures per frame: the
 * interval between frames (bounded below by the display: 16.7 ms at 60 Hz)
 * and the frame's work, from the start of its animation callback to a message
 * posted then, which runs once the frame's rendering is done. The work is
 * what must stay under the 16.7 ms budget; the interval shows dropped frames.
 * Then: how many events the playhead trails when the flips stop, and how long
 * it takes to reach the last one.
 */
export async function measureFlips(page: Page, seconds: number, entry: Entry = 'submit'): Promise<FlipRun> {
  const run = await page.evaluate(async ({ ms, typed }) => {
    const entries = (window as unknown as { lparlab: { submit(line: string): unknown; typeLine(line: string): void } }).lparlab;
    // the store's own entry, or the terminal's: each line echoed, answered and printed as if typed
    const lab = { submit: typed ? (line: string) => entries.typeLine(line) : (line: string) => { entries.submit(line); } };
    const long: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    try {
      observer.observe({ type: 'long-animation-frame', buffered: false });
    } catch {
      // no LoAF in this browser: count stays 0
    }
    const deltas: number[] = [];
    const work: number[] = [];
    const channel = new MessageChannel();
    let frameStart = 0;
    channel.port1.onmessage = () => work.push(performance.now() - frameStart);
    let flips = 0;
    await new Promise<void>((done) => {
      const start = performance.now();
      let last = start;
      const frame = (now: number) => {
        deltas.push(now - last);
        last = now;
        frameStart = performance.now();
        channel.port2.postMessage(0);
        lab.submit('@A a = area(4096)');
        lab.submit('@A send(ch, a, "x")');
        lab.submit('@B r = recv(chb)');
        lab.submit('@B free(r.addr)');
        flips++;
        if (now - start < ms) requestAnimationFrame(frame);
        else done();
      };
      requestAnimationFrame(frame);
    });
    observer.disconnect();
    const quantile = (xs: number[], p: number) => {
      // the first frames warm up; a run too short to spare them keeps them
      const sorted = xs.slice(Math.min(5, xs.length - 1)).sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    };
    return {
      p50: quantile(work, 0.5), p95: quantile(work, 0.95), intervalP95: quantile(deltas, 0.95),
      dropped: deltas.slice(5).filter((d) => d > 25).length, longFrames: long.length, flips,
    };
  }, { ms: seconds * 1000, typed: entry === 'typeLine' });
  const lag = await playheadLag(page);
  return { ...run, ...lag };
}

/** Events the playhead trails by now, and the time until it shows the last one (capped at 10 s). */
async function playheadLag(page: Page): Promise<{ behind: number; catchUpMs: number }> {
  return page.evaluate(async () => {
    const read = () => {
      const m = /event (\d+) of (\d+)/.exec(document.querySelector('[data-testid="timeline-status"]')?.textContent ?? '');
      return m ? Number(m[2]) - Number(m[1]) : 0;
    };
    const behind = read();
    const t0 = performance.now();
    while (read() > 0 && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
    return { behind, catchUpMs: performance.now() - t0 };
  });
}

export async function newPage(browser: Browser, init: string[] = []): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  // a new context each time: its own cache (cold), storage and heap
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(PAGE_HELPERS);
  for (const script of init) await page.addInitScript(script);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, close: () => context.close() };
}

export const throttle = (cdp: CDPSession, rate: number) => cdp.send('Emulation.setCPUThrottlingRate', { rate });

export async function openLab(page: Page, frames: number | null, setup: readonly string[]): Promise<void> {
  await page.goto(frames === null ? URL_BASE : `${URL_BASE}?frames=${frames}`);
  await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
  await page.waitForFunction(() => typeof (window as unknown as { lparlab?: { submit?: unknown } }).lparlab?.submit === 'function');
  await page.evaluate((lines) => {
    const lab = (window as unknown as { lparlab: { submit(line: string): unknown } }).lparlab;
    for (const line of lines) lab.submit(line);
  }, setup);
}

/**
 * The stress scenario on a fresh page: set up, the player at 4x, then a flip
 * every frame (CPU slowed by `rate`). With `entry` 'typeLine' it is the
 * typing walk of issue 22: the same lines through the terminal's entry.
 */
export async function stress(browser: Browser, frames: number, rate: number, entry: Entry = 'submit'): Promise<FlipRun> {
  const { page, cdp, close } = await newPage(browser);
  try {
    await openLab(page, frames, SETUP);
    // the player reveals each command's micro-steps at 4x; the flips keep it busy
    await page.getByLabel('speed').selectOption('4');
    if (rate !== 1) await throttle(cdp, rate);
    return await measureFlips(page, FLIP_SECONDS, entry);
  } finally {
    await close();
  }
}

/** Navigation start to the painted frame that shows what `init` waits for, CPU slowed by THROTTLE. */
export async function throttledOpen(browser: Browser, url: string, init: string): Promise<number> {
  const { page, cdp, close } = await newPage(browser, [init]);
  try {
    await throttle(cdp, THROTTLE);
    await page.goto(url);
    const ready = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { polling: 50, timeout: 60_000 });
    return (await ready.jsonValue()) as number;
  } finally {
    await close();
  }
}

export async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}

/**
 * A long session: 5,000 lines (or `length`) typed into the terminal (at full speed, in
 * batches, a frame between batches), the playhead brought to the end; then,
 * CPU slowed by THROTTLE, `runs` runs of: ENTERS_PER_RUN receives typed and
 * timed from Enter to the frame that shows their answer; and a scrub to the
 * start and back to the end, each timed from the click to the painted frame.
 */
export interface MeasureHooks {
  /** called once the session is set up and the CPU slowed, before the timed part */
  before?(cdp: CDPSession): Promise<void>;
  /** called after the timed part, while the page is still open */
  after?(cdp: CDPSession): Promise<void>;
}

export async function longSession(browser: Browser, runs: number, progress: (line: string) => void = () => {}, hooks: MeasureHooks = {}, length = LONG_SESSION_LINES) {
  const { page, cdp, close } = await newPage(browser);
  try {
    await openLab(page, null, []);
    const heapBefore = await heapMB(cdp);
    const lines = sessionLines(length);
    const typingStart = Date.now();
    for (let i = 0; i < lines.length; i += 100) {
      await page.evaluate(async (batch) => {
        const lab = (window as unknown as { lparlab: { typeLine(line: string): void } }).lparlab;
        for (const line of batch) lab.typeLine(line);
        await new Promise((r) => requestAnimationFrame(r));
      }, lines.slice(i, i + 100));
      if ((i + 100) % 1000 === 0) progress(`  ${i + 100} lines typed, ${((Date.now() - typingStart) / 1000).toFixed(0)} s`);
    }
    // the player may still trail the typing: bring the playhead to the end
    // looked at and clicked in one step: the player may reach the end (and disable the button) between the two
    await page.evaluate(() => {
      const latest = document.querySelector<HTMLButtonElement>('button[aria-label="go to the latest event"]');
      if (latest && !latest.disabled) latest.click();
    });
    await page.waitForTimeout(500);
    const failed = await page.evaluate(() => (window as unknown as { lparlab: { terminalText(): string } }).lparlab.terminalText().match(/= -1 E[A-Z]+.*$/m)?.[0] ?? null);
    if (failed) throw new Error(`bench: a line of the long session failed: ${failed}`);
    const typingMs = Date.now() - typingStart;
    const heapAfter = await heapMB(cdp);
    await throttle(cdp, THROTTLE);
    await hooks.before?.(cdp);
    const enterP95: number[] = [];
    const scrub: number[] = [];
    let flip = lines.length;
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      for (let k = 0; k < ENTERS_PER_RUN; k++, flip++) {
        const short = `e${flip}`;
        // the line typed and Enter pressed at the keyboard, as a student does (and e2e): xterm treats them as
        // user input; the time is taken from the Enter key's keydown (when the browser got it)
        await page.locator('.xterm-helper-textarea').focus();
        await page.keyboard.type('@B r = recv(chb)');
        await page.evaluate(async (s) => {
          const w = window as unknown as {
            lparlab: { submit(line: string): unknown };
            __textPainted(element: Element, text: string, start: () => number): Promise<number>;
            __enterPainted?: Promise<number>;
          };
          w.lparlab.submit('@A a = area(4096)');
          w.lparlab.submit(`@A send(ch, a, "${s}")`);
          await new Promise((res) => setTimeout(res, 50));
          const rows = document.querySelector('.xterm-rows') ?? document.querySelector('.xterm-screen')!;
          let enter = 0;
          addEventListener('keydown', (e) => { enter = e.timeStamp; }, { capture: true, once: true });
          // the answer names the short message: the frame that shows it, once painted
          w.__enterPainted = w.__textPainted(rows, `"${s}"`, () => enter);
        }, short);
        await page.keyboard.press('Enter');
        times.push(await page.evaluate(async () => {
          const w = window as unknown as { lparlab: { submit(line: string): unknown }; __enterPainted: Promise<number> };
          const ms = await w.__enterPainted;
          w.lparlab.submit('@B free(r.addr)');
          return ms;
        }));
        await page.waitForTimeout(100);
      }
      times.sort((a, b) => a - b);
      enterP95.push(times[Math.min(times.length - 1, Math.floor(0.95 * times.length))]!);
      const timeClick = (name: string) => page.evaluate(async (label) => {
        const w = window as unknown as { __painted(t0: number): Promise<number> };
        const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;
        const t0 = performance.now();
        button.click();
        return w.__painted(t0);
      }, name);
      const toStart = await timeClick('go to the start');
      await page.waitForTimeout(300);
      const back = await timeClick('go to the latest event');
      await page.waitForTimeout(300);
      scrub.push(Math.max(toStart, back));
    }
    await hooks.after?.(cdp);
    return { enterP95, scrub, heapGrowthMB: heapAfter - heapBefore, heapAfterMB: heapAfter, typingMs };
  } finally {
    await close();
  }
}

