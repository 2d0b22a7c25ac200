// A phone as a class has them, for `npm run bench:ui`: Chromium's CPU slowed
// 6x (CDP Emulation.setCPUThrottlingRate), a 390x844 viewport, mobile and
// touch (the layout is chosen by the viewport: src/ui/app/phone.ts). Two
// figures: a cold load until a line typed on the phone's own input line is
// answered; and, in a classroom (the relay started as `npm run classroom`
// starts it, on a free port), a lecturer's line (the lecturer's page at full
// speed on a laptop's viewport) until a following student's phone paints its
// Memory view with the new owner.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import { PAGE_HELPERS, PAIR_SETUP, throttle, URL_BASE } from './uiPage.ts';
import type { MeasureHooks } from './uiPage.ts';

export const PHONE_THROTTLE = 6;
export const PHONE_VIEWPORT = { width: 390, height: 844 };
/** Timed lines per run of the classroom figure; its p95 is the run's value. */
const FOLLOWS_PER_RUN = 10;

export const PHONE: BrowserContextOptions = { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

/**
 * Watches the page from its first script: once the phone's line is on the
 * screen, types `line` into it as the phone's keyboard does (an input event
 * per change, then the form submitted as Run does), and waits until the
 * result under the line shows `expect`; then notes when the frame showing it
 * was painted (since navigation start).
 */
export const watchPhoneLine = (line: string, expect: string) => `
(() => {
  let typed = false;
  const look = () => {
    const field = document.querySelector('.phone-line input');
    if (field && !typed) {
      typed = true;
      // React's controlled field: set the value as the browser does, then say so
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, ${JSON.stringify(line)});
      field.dispatchEvent(new Event('input', { bubbles: true }));
      // Run: on the next frame, once React has the value
      requestAnimationFrame(() => field.form.requestSubmit());
    }
    const result = document.querySelector('[data-testid="phone-result"]');
    if (result && (result.textContent || '').includes(${JSON.stringify(expect)})) {
      window.__painted(0).then((t) => { window.__benchReady = t; });
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();
`;

/** Navigation start to the painted frame that answers a line typed on the phone's line, CPU slowed 6x. */
export async function phoneLoad(browser: Browser): Promise<number> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(PAGE_HELPERS);
    await page.addInitScript(watchPhoneLine('@A a = area(4096)', '= 0x'));
    await throttle(await context.newCDPSession(page), PHONE_THROTTLE);
    await page.goto(URL_BASE);
    const ready = await page.waitForFunction(() => (window as unknown as { __benchReady?: number }).__benchReady, null, { polling: 100, timeout: 120_000 });
    return (await ready.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function openInRoom(browser: Browser, url: string, options: BrowserContextOptions): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(url);
  await page.getByTestId('classroom-status').filter({ hasText: /^connected$/ }).waitFor({ timeout: 120_000 });
  return { page, close: () => context.close() };
}

/** Frames the page's Memory view shows as owned by `owner`. */
const ownedBy = (page: Page, owner: string) => page.locator(`[data-frame][data-owner="${owner}"]`).count();

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`bench: phone classroom: ${what} did not happen in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The classroom figure, `runs` runs on one room: a relay, a lecturer's page at
 * full speed (1366x768) and a student's phone (CPU slowed 6x), following.
 * Motion reduced on both, so the figure is the way to the student's screen,
 * not the player's pace. Each timed line is the lecturer's send of an area
 * from A to B (the flip of Fig. 6, S107): from the lecturer's Enter to the
 * student's frame, painted, whose Memory view shows one more frame owned by B
 * (a MutationObserver on the view's owners, then the next frame's paint).
 * Both times are the epoch (performance.timeOrigin + now): one browser, one
 * clock. Returns each run's p95 of FOLLOWS_PER_RUN lines, and all the times.
 */
export async function phoneFollow(browser: Browser, runs: number, progress: (line: string) => void = () => {}, hooks: MeasureHooks = {}): Promise<{ p95: number[]; all: number[] }> {
  const stateDir = mkdtempSync(join(tmpdir(), 'lparlab-bench-phone-'));
  const relay = await spawnRelay({ stateDir, page: URL_BASE, fresh: true });
  const closers: (() => Promise<void>)[] = [];
  try {
    const lecturer = await openInRoom(browser, relay.lecturerLink, { viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
    closers.push(lecturer.close);
    await lecturer.page.waitForFunction(() => typeof (window as unknown as { lparlab?: { typeLine?: unknown } }).lparlab?.typeLine === 'function', null, { timeout: 60_000 });
    const student = await openInRoom(browser, relay.studentsLink, { ...PHONE, reducedMotion: 'reduce' });
    closers.push(student.close);
    await student.page.locator('.lab.phone').waitFor();
    await student.page.getByTestId('classroom-follow').filter({ hasText: 'following the lecturer' }).waitFor();
    const type = (line: string) => lecturer.page.evaluate((l) => {
      const t0 = performance.timeOrigin + performance.now();
      (window as unknown as { lparlab: { typeLine(line: string): void } }).lparlab.typeLine(l);
      return t0;
    }, line);
    for (const line of PAIR_SETUP) await type(line);
    const cdp = await student.page.context().newCDPSession(student.page);
    await throttle(cdp, PHONE_THROTTLE);
    await hooks.before?.(cdp);
    const p95: number[] = [];
    const all: number[] = [];
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      for (let k = 0; k < FOLLOWS_PER_RUN; k++, n++) {
        await type('@A a = area(4096)');
        const a = await ownedBy(lecturer.page, 'A');
        await waitFor('the area on the phone', async () => (await ownedBy(student.page, 'A')) === a);
        const b = await ownedBy(student.page, 'B');
        await student.page.evaluate((target) => {
          const w = window as unknown as { __followed?: Promise<number> };
          w.__followed = new Promise((resolve) => {
            const owned = () => document.querySelectorAll('[data-frame][data-owner="B"]').length >= target;
            const observer = new MutationObserver(() => {
              if (!owned()) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
                channel.port2.postMessage(0);
              });
            });
            observer.observe(document.querySelector('[data-view=memory]')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-owner'] });
          });
        }, b + 1);
        await new Promise((r) => setTimeout(r, 200));
        const t0 = await type(`@A send(ch, a, "f${n}")`);
        const painted = await student.page.evaluate(() => (window as unknown as { __followed: Promise<number> }).__followed);
        times.push(painted - t0);
        // back to where it was: B receives and frees, on both pages
        await type('@B r = recv(chb)');
        await type('@B free(r.addr)');
        const freed = await ownedBy(lecturer.page, 'B');
        await waitFor('the free on the phone', async () => (await ownedBy(student.page, 'B')) === freed);
      }
      all.push(...times);
      times.sort((x, y) => x - y);
      p95.push(times[Math.min(times.length - 1, Math.floor(0.95 * times.length))]!);
      progress(`  phone classroom run ${r + 1}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    }
    await hooks.after?.(cdp);
    return { p95, all };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
    await relay.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
}
