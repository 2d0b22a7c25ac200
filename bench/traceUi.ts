// `npm run bench:trace [long|scrub|link|load|slow|stress|big|typing] [dir]`: where the page's main thread
// spends its time, the browser's own work included (style, layout, paint),
// which a CPU profile shows only as "(program)". Runs the scenario on the
// built site in dir (dist unless given) under a Chromium performance trace (CDP Tracing), saves
// the trace (open it in Chrome DevTools' Performance panel) and prints the
// main thread's self time per kind of task, and for style recalculations and
// layouts how many elements they touched and which script forced them.
//   long: Enter and scrub after 5,000 typed lines, CPU / 4;
//   scrub: only the scrubs of that session (to the start and back, SCRUB_ROUNDS times), CPU / 4;
//   link: opening a share link of 300 typed lines, CPU / 4;
//   load: a cold load until a typed line is answered, CPU / 4;
//   slow: the stress scenario, CPU / 4; stress: the same at full speed;
//   big: the stress at 1,048,576 frames (the Memory grid in buckets), full speed;
//   typing: the stress's lines typed through the terminal, at full speed.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { CDPSession } from '@playwright/test';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { CHROMIUM, ROOT } from './provenance.ts';
import { scrubRounds, scrubSummary } from './scrubPage.ts';
import {
  longSession, measureFlips, newPage, openLab, sessionLines, SETUP, startServer, THROTTLE, throttle, URL_BASE, watchFor,
} from './uiPage.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** the thread's CPU time in the event (µs), where `dur` is wall time */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown>; elementCount?: number };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'].join(',');

async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The page's main thread: of the threads named CrRendererMain, the one busiest
 * in tasks. Counted by events, it was the blank tab's renderer, which a cold
 * load (load, link) leaves for the site's own process: many short tasks, and
 * 597 ms of a link opened in 2,089 ms.
 */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const named = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: 0, tid: 0 };
  let most = -1;
  for (const t of named) {
    const busy = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'RunTask').reduce((n, e) => n + (e.dur ?? 0), 0);
    if (busy > most) {
      most = busy;
      best = { pid: t.pid, tid: t.tid };
    }
  }
  return best;
}

function summarise(events: TraceEvent[]): void {
  const { pid, tid } = mainThread(events);
  const xs = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // self time: each event's duration less its children's
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const top = stack.pop()!;
      const key = label(top.e);
      self.set(key, (self.get(key) ?? 0) + (top.e.dur! - top.child) / 1000);
      if (stack.length) stack.at(-1)!.child += top.e.dur!;
    }
  };
  for (const e of xs) {
    close(e.ts);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Infinity);
  const tasks = xs.filter((e) => e.name === 'RunTask');
  const busy = tasks.reduce((n, e) => n + e.dur!, 0) / 1000;
  const long = tasks.filter((e) => e.dur! > 50_000).length;
  console.log(`main thread: ${busy.toFixed(0)} ms in ${tasks.length} tasks, ${long} over 50 ms`);
  console.log('\nself time by kind (ms)');
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(1).padStart(9)}  ${(100 * ms / busy).toFixed(1).padStart(5)}%  ${k}`);
  const styles = xs.filter((e) => e.name === 'UpdateLayoutTree');
  const elements = styles.reduce((n, e) => n + (Number(e.args?.elementCount ?? e.args?.data?.elementCount ?? 0)), 0);
  console.log(`\nstyle recalculations: ${styles.length}, ${elements} elements in all, ${(elements / Math.max(1, styles.length)).toFixed(0)} per recalculation`);
  const layouts = xs.filter((e) => e.name === 'Layout');
  const objects = layouts.reduce((n, e) => n + Number(e.args?.beginData?.dirtyObjects ?? 0), 0);
  console.log(`layouts: ${layouts.length}, ${objects} dirty objects in all`);
  // which script forced a style or layout early (a read of the geometry after a write)
  const forced = new Map<string, number>();
  for (const e of [...styles, ...layouts]) {
    const st = (e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace) as { functionName: string; url: string; lineNumber: number }[] | undefined;
    if (!st?.length) continue;
    const key = `${e.name} forced by ${st.slice(0, 3).map((f) => `${f.functionName || '(anonymous)'}:${f.lineNumber}`).join(' < ')}`;
    forced.set(key, (forced.get(key) ?? 0) + e.dur! / 1000);
  }
  if (forced.size) console.log('\nforced style and layout (ms)');
  for (const [k, ms] of [...forced].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${ms.toFixed(1).padStart(9)}  ${k}`);
  paintedWindows(events, pid, tid);
}

/**
 * Per action timed to its painted frame (the page's "bench: to painted"
 * measures: a scrub's clicks, the Enters): its wall time, and the main
 * thread's CPU time in the tasks it overlaps (thread time, `tdur`), which
 * counts the work done whatever else the machine runs, where wall time on a
 * loaded machine mostly counts the waiting.
 */
function paintedWindows(events: TraceEvent[], pid: number, tid: number): void {
  const marks = events.filter((e) => e.name === 'bench: to painted' && (e.ph === 'b' || e.ph === 'e')).sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined);
  const rows: string[] = [];
  for (let i = 0; i + 1 < marks.length; i += 2) {
    const [from, to] = [marks[i]!.ts, marks[i + 1]!.ts];
    const cpu = tasks.filter((e) => e.ts < to && e.ts + e.dur! > from).reduce((n, e) => n + (e.tdur ?? 0), 0);
    rows.push(`${((to - from) / 1000).toFixed(0)} ms (main thread CPU ${(cpu / 1000).toFixed(1)} ms)`);
  }
  if (rows.length) console.log(`
timed to painted, in order: ${rows.join('; ')}`);
}

/** A task's kind: its name, and for script the function or timer it ran. */
function label(e: TraceEvent): string {
  if (e.name === 'FunctionCall') {
    const d = e.args?.data as { functionName?: string; url?: string; lineNumber?: number } | undefined;
    return `FunctionCall ${d?.functionName || '(anonymous)'} ${d?.url?.split('/').pop() ?? ''}:${d?.lineNumber ?? ''}`;
  }
  return e.name;
}

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'long';
  const dir = process.argv[3] ?? 'dist';
  if (!existsSync(join(ROOT, dir, 'index.html'))) throw new Error(`build first: no ${dir}/index.html`);
  const stop = await startServer(dir);
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let trace: TraceEvent[] = [];
  let summary: string;
  try {
    if (which === 'long') {
      const long = await longSession(browser, 1, () => {}, { before: startTrace, after: async (cdp) => { trace = await stopTrace(cdp); } });
      summary = `Enter to painted p95 ${long.enterP95[0]!.toFixed(0)} ms, scrub ${long.scrub[0]!.toFixed(0)} ms`;
    } else if (which === 'scrub') {
      let scrubs = { toStart: [] as number[], back: [] as number[] };
      await longSession(browser, 0, () => {}, { after: async (cdp) => { await startTrace(cdp); scrubs = await scrubRounds(cdp); trace = await stopTrace(cdp); } });
      summary = scrubSummary(scrubs);
    } else if (which === 'link' || which === 'load') {
      const fragment = await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: sessionLines(300), lesson: null, step: null, at: null });
      const { page, cdp, close } = await newPage(browser, [which === 'link' ? watchFor(null, 'opened a shared lab') : watchFor('@A a = area(4096)', '= 0x')]);
      await throttle(cdp, THROTTLE);
      await startTrace(cdp);
      await page.goto(which === 'link' ? `${URL_BASE}#${fragment}` : URL_BASE);
      const ready = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { polling: 50, timeout: 60_000 });
      summary = `opened in ${Number(await ready.jsonValue()).toFixed(0)} ms`;
      trace = await stopTrace(cdp);
      await close();
    } else if (which === 'slow' || which === 'stress' || which === 'big' || which === 'typing') {
      const { page, cdp, close } = await newPage(browser);
      await openLab(page, which === 'big' ? 1 << 20 : 4096, SETUP);
      await page.getByLabel('speed').selectOption('4');
      if (which === 'slow') await throttle(cdp, THROTTLE);
      await startTrace(cdp);
      const run = await measureFlips(page, 4, which === 'typing' ? 'typeLine' : 'submit');
      trace = await stopTrace(cdp);
      await close();
      summary = `${run.flips} flips, frame work p95 ${run.p95.toFixed(1)} ms, ${run.longFrames} long frames, behind ${run.behind} events, caught up in ${run.catchUpMs.toFixed(0)} ms`;
    } else {
      throw new Error(`scenario: long, scrub, link, load, slow, stress, big or typing, not ${which}`);
    }
  } finally {
    await browser.close();
    await stop();
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const out = join(ROOT, 'test-results', `trace-${which}.json`);
  writeFileSync(out, JSON.stringify({ traceEvents: trace }));
  console.log(`${which}: ${summary}; trace ${out}`);
  summarise(trace);
}

await main();
