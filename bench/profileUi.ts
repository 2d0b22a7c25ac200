// `npm run bench:profile [stress|big|slow|long|scrub|typing]`: where the page's time goes
// during a flip-per-frame scenario. Builds an unminified copy of the site in
// dist-profile/, runs the scenario under the CDP sampling profiler, saves the
// profile (open it in Chrome DevTools) and prints the functions with the most
// time: self time, and total time including what they call.
//   stress: 4,096 frames; big: 1,048,576 frames; slow: 4,096 frames, CPU / 4;
//   long: Enter and scrub after 5,000 typed lines, CPU / 4;
//   scrub: only the scrubs of that session (to the start and back, SCRUB_ROUNDS times), CPU / 4;
//   typing: the stress's lines typed through the terminal (the typing walk);
//   load: a cold load until a typed line is answered, CPU / 4;
//   link: opening a share link of 300 typed lines, CPU / 4;
//   phone-load: the phone's cold load (390x844, touch, CPU / 6) until its line is answered.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM, ROOT } from './provenance.ts';
import type { CDPSession } from '@playwright/test';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { PHONE, PHONE_THROTTLE, watchPhoneLine } from './phonePage.ts';
import { scrubRounds, scrubSummary } from './scrubPage.ts';
import { longSession, measureFlips, newPage, openLab, PAGE_HELPERS, sessionLines, SETUP, startServer, THROTTLE, throttle, URL_BASE, watchFor } from './uiPage.ts';
import type { Browser } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const SCENARIOS = {
  stress: { frames: 4096, rate: 1 }, big: { frames: 1 << 20, rate: 1 }, slow: { frames: 4096, rate: THROTTLE }, typing: { frames: 4096, rate: 1 }, long: { frames: 256, rate: THROTTLE },
  scrub: { frames: 256, rate: THROTTLE },
  load: { frames: 256, rate: THROTTLE }, link: { frames: 256, rate: THROTTLE }, 'phone-load': { frames: 256, rate: PHONE_THROTTLE },
} as const;

/**
 * A cold load under the profiler: the page's renderer is first put on the
 * site's origin (by its icon, so no script or style of the lab is cached),
 * then the profiler starts and the page loads until
 * `init` notes the painted frame it waits for.
 */
async function coldLoad(browser: Browser, which: 'load' | 'link' | 'phone-load', start: (cdp: CDPSession) => Promise<void>, stop: (cdp: CDPSession) => Promise<void>): Promise<number> {
  const context = await browser.newContext(which === 'phone-load' ? PHONE : { viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(PAGE_HELPERS);
    const fragment = which === 'link' ? await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: sessionLines(300), lesson: null, step: null, at: null }) : '';
    await page.addInitScript(which === 'phone-load' ? watchPhoneLine('@A a = area(4096)', '= 0x') : which === 'link' ? watchFor(null, 'opened a shared lab') : watchFor('@A a = area(4096)', '= 0x'));
    await page.goto(`${URL_BASE}favicon.svg`);
    const cdp = await context.newCDPSession(page);
    await throttle(cdp, which === 'phone-load' ? PHONE_THROTTLE : THROTTLE);
    await start(cdp);
    await page.goto(which === 'link' ? `${URL_BASE}#${fragment}` : URL_BASE);
    const ready = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { polling: 100, timeout: 120_000 });
    await stop(cdp);
    return (await ready.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** Self and total milliseconds per function (a function counted once per stack, however deep it recurses). */
function summarise(profile: Profile): { self: Map<string, number>; total: Map<string, number>; all: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const root = profile.nodes[0]!;
  const walk = (node: ProfileNode, onStack: Set<string>): number => {
    const k = key(node);
    let sum = selfMs.get(node.id) ?? 0;
    self.set(k, (self.get(k) ?? 0) + sum);
    const fresh = !onStack.has(k);
    if (fresh) onStack.add(k);
    for (const c of node.children ?? []) sum += walk(byId.get(c)!, onStack);
    if (fresh) {
      onStack.delete(k);
      total.set(k, (total.get(k) ?? 0) + sum);
    }
    return sum;
  };
  const all = walk(root, new Set());
  return { self, total, all };
}

async function main(): Promise<void> {
  const which = (process.argv[2] ?? 'stress') as keyof typeof SCENARIOS;
  const scenario = SCENARIOS[which];
  if (!scenario) throw new Error(`scenario: one of ${Object.keys(SCENARIOS).join(', ')}`);
  if (!process.env.LPARLAB_PROFILE_NOBUILD) execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--minify', 'false', '--outDir', 'dist-profile', '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
  const stop = await startServer('dist-profile');
  const browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const start = async (cdp: CDPSession) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    };
    let profile: Profile | null = null;
    const stopProfile = async (cdp: CDPSession) => {
      profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile;
    };
    let summary: string;
    if (which === 'load' || which === 'link' || which === 'phone-load') {
      summary = `ready in ${(await coldLoad(browser, which, start, stopProfile)).toFixed(0)} ms`;
    } else if (which === 'long') {
      const long = await longSession(browser, 1, () => {}, { before: start, after: stopProfile });
      summary = `Enter to painted p95 ${long.enterP95[0]!.toFixed(0)} ms, scrub ${long.scrub[0]!.toFixed(0)} ms`;
    } else if (which === 'scrub') {
      let scrubs = { toStart: [] as number[], back: [] as number[] };
      await longSession(browser, 0, () => {}, { after: async (cdp) => { await start(cdp); scrubs = await scrubRounds(cdp); await stopProfile(cdp); } });
      summary = scrubSummary(scrubs);
    } else {
      const { page, cdp, close } = await newPage(browser);
      await openLab(page, scenario.frames, SETUP);
      await page.getByLabel('speed').selectOption('4');
      if (scenario.rate !== 1) await throttle(cdp, scenario.rate);
      await start(cdp);
      const run = await measureFlips(page, 4, which === 'typing' ? 'typeLine' : 'submit');
      await stopProfile(cdp);
      await close();
      summary = `${run.flips} flips, frame work p50 ${run.p50.toFixed(1)} ms, p95 ${run.p95.toFixed(1)} ms, ${run.longFrames} long frames`;
    }
    if (!profile) throw new Error('no profile');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    const out = join(ROOT, 'test-results', `profile-${which}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    const { self, total, all } = summarise(profile);
    const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
    console.log(`${which}: ${summary}; profile ${out}`);
    console.log(`\nself time (of ${all.toFixed(0)} ms sampled)`);
    for (const [k, ms] of top(self, 30)) console.log(`${ms.toFixed(1).padStart(8)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${k}`);
    console.log('\ntotal time, callees included');
    for (const [k, ms] of top(total, 45)) console.log(`${ms.toFixed(1).padStart(8)} ms ${(100 * ms / all).toFixed(1).padStart(5)}%  ${k}`);
  } finally {
    await browser.close();
    await stop();
  }
}

await main();
