// In front of a room: what a lecturer and a class need from the page: a
// terminal everyone can read, a Memory-first stage for talks and embeds,
// screen readers and keyboards, and touch; and a live classroom whose room
// document or presence someone has tampered with (a relay started here on a
// free port). Exports for slides and offline use have their own specs
// (exports.spec.ts, offline.spec.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP, LabPage } from './labPage.ts';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import type { RelayProcess } from '../src/cli/relayProcess.ts';
import { readRoom, replaceLines, roomLines, roomMeta } from '../src/ui/classroom/room.ts';

/** Ink pixels (far from the background colour) in a rectangle of the page, read from a screenshot, not from the DOM. */
async function inkIn(page: Page, box: { x: number; y: number; width: number; height: number }, background: string): Promise<number> {
  const png = await page.screenshot({ clip: box, animations: 'disabled', caret: 'hide' });
  return page.evaluate(async ({ data, bg }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.max(Math.abs(px[i]! - r!), Math.abs(px[i + 1]! - g!), Math.abs(px[i + 2]! - b!)) > 80) ink++;
    }
    return ink;
  }, { data: png.toString('base64'), bg: background });
}

/** The screen box of the character at `offset` of `text` in the terminal row showing it, a full cell high. */
async function terminalCell(page: Page, text: string, offset: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(({ text, offset }) => {
    for (const row of document.querySelectorAll<HTMLElement>('.xterm-rows > div')) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      let seen = '';
      const nodes: { node: Text; at: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, at: seen.length });
        seen += n.textContent ?? '';
      }
      const at = seen.indexOf(text);
      if (at < 0) continue;
      const target = at + offset;
      const hit = [...nodes].reverse().find((n) => n.at <= target)!;
      const range = document.createRange();
      range.setStart(hit.node, target - hit.at);
      range.setEnd(hit.node, target - hit.at + 1);
      const r = range.getBoundingClientRect();
      const rowBox = row.getBoundingClientRect();
      return { x: r.left, y: rowBox.top, width: r.width, height: rowBox.height };
    }
    return null;
  }, { text, offset });
  expect(box, `a terminal row showing ${text}`).not.toBeNull();
  return box!;
}

test.describe('a terminal everyone can read', () => {
  test('an underscore is drawn inside its cell at device pixel ratio 1', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open();
    expect(await lab.page.evaluate(() => window.devicePixelRatio)).toBe(1);
    await lab.page.evaluate(() => document.fonts.ready);
    await lab.type('e = socket(AF_LPAR, SOCK_SEQPACKET)');
    await expect.poll(() => lab.terminalText()).toContain('= 3');
    const bg = '#fbfbf8'; // the light terminal's background
    // the cell between A-F and L of AF_LPAR holds the underscore: it has ink; the space after the comma has none
    const underscore = await terminalCell(lab.page, 'AF_LPAR', 2);
    const space = await terminalCell(lab.page, 'AF_LPAR, SOCK', 8);
    expect(await inkIn(lab.page, space, bg), 'ink in a blank cell').toBe(0);
    expect(await inkIn(lab.page, underscore, bg), 'ink of the underscore').toBeGreaterThanOrEqual(4);
    const inSeqpacket = await terminalCell(lab.page, 'SOCK_SEQPACKET', 4);
    expect(await inkIn(lab.page, inSeqpacket, bg)).toBeGreaterThanOrEqual(4);
  });

  test('the terminal uses the bundled monospace face', async ({ lab }) => {
    await lab.open();
    await lab.page.evaluate(() => document.fonts.ready);
    await expect.poll(() => lab.page.evaluate(() => document.fonts.check('14px "JetBrains Mono"'))).toBe(true);
    const family = await lab.page.locator('.xterm-rows').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toMatch(/^"?JetBrains Mono/);
  });

  test('long output wraps between words, and reads back whole', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1024, height: 768 });
    await lab.open();
    await lab.type('s = socket(AF_LPAR, SOCK_SEQPACKET)');
    await lab.type('fd = accept(s)');
    const rowsNow = async () => (await lab.page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
    await expect.poll(async () => (await rowsNow()).some((r) => r.startsWith('= -1 EINVAL'))).toBe(true);
    const rows = await rowsNow();
    const said = rows.findIndex((r) => r.startsWith('= -1 EINVAL'));
    expect(said).toBeGreaterThanOrEqual(0);
    // each row of the message ends at a word's end and the next starts a word
    const message = rows.slice(said, said + 4).filter(Boolean);
    expect(message.length, 'the message takes more than one row at this width').toBeGreaterThan(1);
    for (let i = 1; i < message.length && !message[i]!.startsWith('scp$'); i++) {
      expect(`${message[i - 1]}|${message[i]}`).not.toMatch(/[a-z]\|[a-z]/);
    }
    await expect.poll(() => lab.terminalText()).toContain('= -1 EINVAL: fd 3 is not listening: bind and listen before accept');
  });
});

test.describe('nothing overflows its box', () => {
  test.use({ reducedMotion: 'reduce' });
  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
    test(`Memory labels, port badges, the socket hint and the sequence lanes at ${size.width}x${size.height}`, async ({ lab }) => {
      await lab.page.setViewportSize(size);
      await lab.open();
      // the first hint, before any socket exists, sits inside its box
      await lab.showTab('Sockets');
      const hints = await lab.page.locator('.sv-empty code').evaluateAll((codes) => codes.filter((c) => {
        const box = c.closest('.sv-box') ?? c.parentElement!;
        return c.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5;
      }).map((c) => c.textContent));
      expect(hints).toEqual([]);
      await expect(lab.page.locator('.sv-empty code', { hasText: 'AF_LPAR' })).toBeVisible();

      await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")', '@A peek(a, 4)', 'r = read(fd)']);
      await lab.finishPlayback();
      const memory = await lab.page.locator('[data-testid=memory-view] svg.mem-svg:not(.mem-overlay)').evaluate((svg) => {
        const bad: string[] = [];
        const inside = (inner: DOMRect, outer: DOMRect, margin: number) =>
          inner.left >= outer.left + margin - 0.5 && inner.right <= outer.right - margin + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
        for (const block of svg.querySelectorAll('g.mem-block')) {
          const box = block.querySelector('rect')!.getBoundingClientRect();
          for (const t of block.querySelectorAll('text')) {
            if (t.textContent && !inside(t.getBoundingClientRect(), box, 2)) bad.push(`"${t.textContent}" in ${block.getAttribute('data-block')}`);
          }
        }
        for (const col of svg.querySelectorAll('g.mem-col')) {
          const backbone = col.querySelector('rect.mem-backbone')!.getBoundingClientRect();
          for (const port of col.querySelectorAll('g.mem-port')) {
            const r = port.getBoundingClientRect();
            if (r.left < backbone.left - 0.5 || r.right > backbone.right + 0.5) bad.push(`port ${port.getAttribute('data-port')} leaves its column`);
            const badge = port.querySelector('rect.mem-badge')!.getBoundingClientRect();
            // the lab's tally of merged sends sits in its own box beside the port [0063]
            const tally = port.querySelector('rect.mem-tally')!.getBoundingClientRect();
            for (const t of port.querySelectorAll('text')) {
              const box = t.classList.contains('mem-merged') ? tally : badge;
              if (t.textContent && !inside(t.getBoundingClientRect(), box, 1)) bad.push(`"${t.textContent}" leaves port ${port.getAttribute('data-port')}`);
            }
          }
          // a column's blocks stay below its port badges
          const ports = [...col.querySelectorAll('g.mem-port')].map((p) => p.getBoundingClientRect().bottom);
          const firstBlock = col.querySelector('g.mem-block rect')?.getBoundingClientRect().top;
          if (ports.length && firstBlock !== undefined && Math.max(...ports) > firstBlock) bad.push(`ports over the blocks of ${col.getAttribute('data-pid')}`);
        }
        return bad;
      });
      expect(memory).toEqual([]);

      const lanes = await lab.page.locator('.seq-scroll').evaluate((scroller) => ({ content: scroller.scrollWidth, visible: scroller.clientWidth }));
      expect(lanes.content, 'the five lanes fit the Sequence pane').toBeLessThanOrEqual(lanes.visible);
    });
  }
});

test.describe('the event port keeps no count [0063]', () => {
  test.use({ reducedMotion: 'reduce' });
  test("sends merged while pending show as the lab's tally beside the port, not on it", async ({ lab }) => {
    test.setTimeout(180_000);
    await lab.page.setViewportSize({ width: 1920, height: 1080 });
    await lab.open();
    await lab.typeAll(['@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)', '@A event_send(sp)', '@A event_send(sp)']);
    await lab.finishPlayback();
    // B's port 1 is raised by its control signal port; rp is the one A's sends reach
    const port = lab.page.locator('[data-testid=memory-view] g.mem-port[data-pending=true]', { has: lab.page.locator('text.mem-merged', { hasText: '+1' }) });
    await expect(port).toHaveAttribute('aria-label', /the lab's tally beside it: 1 more send merged while pending \(the port itself keeps no count \[0063\]\)/);
    const boxes = await port.evaluate((g) => {
      const r = (sel: string) => g.querySelector(sel)!.getBoundingClientRect();
      const [badge, tally, text] = [r('rect.mem-badge'), r('rect.mem-tally'), r('text.mem-merged')];
      return { text: g.querySelector('text.mem-merged')!.textContent, apart: tally.left > badge.right, inTally: text.left >= tally.left - 0.5 && text.right <= tally.right + 0.5 };
    });
    expect(boxes).toEqual({ text: '+1', apart: true, inTally: true });
    await lab.page.locator('[data-testid=memory-view]').screenshot({ path: 'test-results/screens/event-port-tally-1920.png' });
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every frame's box on screen, in frame order. */
function frameBoxes(page: Page): Promise<Box[]> {
  return page.locator('[data-frame] rect').evaluateAll((rects) => rects.map((r) => {
    const b = r.getBoundingClientRect();
    return { x: Math.round(b.x * 10) / 10, y: Math.round(b.y * 10) / 10, width: Math.round(b.width * 10) / 10, height: Math.round(b.height * 10) / 10 };
  }));
}

test.describe('a Fig. 5 stage for talks and embeds', () => {
  test('presenter mode at 1366x768: Memory first, frames of 24 px, the question beside the grid, asked before the flip and answered after it', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open('./?present&lesson=flip&step=4');
    const page = lab.page;
    // the flip uses no socket: only Memory and Sequence (and the presenter's terminal) are on the stage
    await expect(page.locator('[data-view=memory]')).toBeVisible();
    await expect(page.locator('[data-view=sequence]')).toBeVisible();
    await expect(page.locator('[data-view=sockets]')).toHaveCount(0);
    const cells = await frameBoxes(page);
    expect(cells).toHaveLength(256);
    expect(Math.min(...cells.map((c) => Math.min(c.width, c.height))), 'the smallest frame cell, px').toBeGreaterThanOrEqual(24);
    const memory = (await page.locator('[data-view=memory]').boundingBox())!;
    const sequence = (await page.locator('[data-view=sequence]').boundingBox())!;
    expect(memory.width, 'Memory is the larger view').toBeGreaterThan(1.5 * sequence.width);

    // asked: the view still shows the frame as A's
    await page.keyboard.press('PageDown');
    const question = page.getByRole('dialog', { name: 'question for the room' });
    await expect(question).toContainText('Who owns the frame of the message now?');
    await expect(question).not.toContainText('B: the frames changed owner');
    expect(overlaps((await question.boundingBox())!, memory), 'the question covers the Memory view').toBe(false);
    await expect(page.locator('[data-frame][data-owner="A"]')).toHaveCount(33);
    const before = await frameBoxes(page);
    const captionBefore = await page.getByTestId('narration').textContent();

    // shown: the flip plays with the question still up, then the answer comes with B owning the frame
    await page.keyboard.press('PageDown');
    await expect(question).not.toContainText('B: the frames changed owner');
    await page.keyboard.press('PageDown');
    await expect(question).toContainText('B: the frames changed owner');
    await expect(page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
    expect(await page.getByTestId('narration').textContent()).not.toBe(captionBefore);
    // the frames did not move while the caption changed
    expect(await frameBoxes(page)).toEqual(before);
    await expect(page.getByTestId('timeline-status')).not.toContainText('in the past');
  });

  test('a step that uses sockets brings the Sockets view beside Memory, not over it', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open('./?present&lesson=vfile&step=1');
    await expect(lab.page.locator('[data-view=sockets]')).toBeVisible();
    const memory = (await lab.page.locator('[data-view=memory]').boundingBox())!;
    const sockets = (await lab.page.locator('[data-view=sockets]').boundingBox())!;
    expect(overlaps(memory, sockets)).toBe(false);
  });

  test('the stage keeps its pane sizes across a reload', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open('./?present&lesson=flip&step=4');
    const divider = lab.page.getByRole('separator', { name: 'resize the Memory view and the views beside it' });
    const width = async () => (await lab.page.locator('[data-view=memory]').boundingBox())!.width;
    const start = await width();
    await divider.focus();
    for (let i = 0; i < 4; i++) await lab.page.keyboard.press('ArrowLeft');
    await expect.poll(width).toBeLessThan(start - 20);
    const resized = await width();
    await lab.page.reload();
    await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect.poll(width).toBeCloseTo(resized, 0);
  });

  test('an embed at 960x540 keeps the frames still through a step and larger than before', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 960, height: 540 });
    await lab.page.goto('./?embed&lesson=flip&step=4');
    await expect(lab.page.locator('[data-frame]')).toHaveCount(256);
    const before = await frameBoxes(lab.page);
    expect(Math.min(...before.map((c) => c.width))).toBeGreaterThanOrEqual(15);
    await lab.page.getByRole('button', { name: 'Play this step' }).click();
    await lab.finishPlayback();
    await expect(lab.page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
    expect(await frameBoxes(lab.page)).toEqual(before);
  });
});

test.describe('screen readers and keyboards', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the result of a line reaches a live log, errors included', async ({ lab }) => {
    await lab.open();
    const log = lab.page.getByRole('log', { name: 'results' });
    await expect(log).toHaveAttribute('aria-live', 'polite');
    await lab.type('frames_free()');
    await expect(log).toContainText('= 160');
    await lab.typeAll(FIG9_SETUP);
    await lab.type('@A send(ch, a, "req")');
    await lab.type('@A peek(a, 4)');
    await expect(log).toContainText('EFAULT');
  });

  test('a lesson check that ticks is announced', async ({ lab }) => {
    await lab.open();
    await lab.type('lesson flip');
    await lab.type('@A ch = connect(B)');
    await expect(lab.page.getByRole('log', { name: 'results' })).toContainText(/check passed: /);
  });

  test('Escape on the Share menu gives the focus back to its button', async ({ lab }) => {
    await lab.open();
    const button = lab.page.getByRole('button', { name: 'Share & export' });
    await button.click();
    await lab.page.getByRole('button', { name: 'Trace (JSON)' }).focus();
    await lab.page.keyboard.press('Escape');
    await expect(lab.page.getByRole('group', { name: 'share and export' })).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('arrow keys on a sequence arrow keep the focus in the chart', async ({ lab }) => {
    await lab.open();
    await lab.typeAll(FIG9_SETUP);
    await lab.finishPlayback();
    const arrows = lab.page.locator('[data-testid=sequence-chart] g.seq-arrow');
    await arrows.last().focus();
    // left and right move between arrows too (they do not step the timeline away from under the focus)
    for (const key of ['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'Home', 'End', 'ArrowLeft']) {
      await lab.page.keyboard.press(key);
      expect(await lab.page.evaluate(() => document.activeElement?.closest('[data-testid=sequence-chart] g.seq-arrow') !== null), `focus after ${key}`).toBe(true);
    }
  });

  test('the play button says play when nothing plays, and every pane divider has a name', async ({ lab }) => {
    await lab.open();
    await lab.type('@A a = area(4096)');
    await lab.finishPlayback();
    await expect(lab.page.locator('.timeline .play')).toHaveAccessibleName('play');
    const dividers = lab.page.getByRole('separator');
    expect(await dividers.count()).toBeGreaterThanOrEqual(3);
    for (const name of await dividers.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))) expect(name).toMatch(/^resize /);
  });

  for (const address of ['./?present&lesson=flip&step=4', './?embed&lesson=flip&step=4']) {
    test(`${address.slice(3, 8)} mode passes axe, landmarks included`, async ({ lab }) => {
      await lab.page.setViewportSize({ width: 1366, height: 768 });
      await lab.page.goto(address);
      await expect(lab.page.locator('[data-frame]')).toHaveCount(256);
      const { default: AxeBuilder } = await import('@axe-core/playwright');
      const results = await new AxeBuilder({ page: lab.page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    });
  }
});

test.describe('touch and small screens', () => {
  test.use({ reducedMotion: 'reduce', viewport: { width: 1024, height: 768 }, hasTouch: true });

  test('at 1024x768 Large frames gives every frame a 24 px target, and a tap on one says whose it is', async ({ lab }) => {
    await lab.open();
    const smallest = async () => Math.min(...(await frameBoxes(lab.page)).map((c) => Math.min(c.width, c.height)));
    const zoom = lab.page.getByRole('button', { name: 'Large frames' });
    if ((await zoom.getAttribute('aria-pressed')) !== 'true') await zoom.click();
    await expect(zoom).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(smallest).toBeGreaterThanOrEqual(24);
    // the last frame is reachable by scrolling inside the view
    const last = lab.page.locator('[data-frame="255"]');
    await last.scrollIntoViewIfNeeded();
    await last.tap();
    await expect(lab.page.locator('.mem-inspect')).toContainText('frame 255: free');
    // the page itself did not grow: the view scrolls inside its pane
    expect(await lab.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  });

  test('the sequence chart fits its pane at 1024 px', async ({ lab }) => {
    await lab.open();
    await lab.typeAll(FIG9_SETUP);
    await lab.finishPlayback();
    const sizes = await lab.page.locator('.seq-scroll').evaluate((s) => ({ content: s.scrollWidth, visible: s.clientWidth }));
    expect(sizes.content).toBeLessThanOrEqual(sizes.visible);
  });
});

/** A Yjs client of the room from this test (a tool, or a student's script), with the key or without. */
class RoomClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  constructor(relay: RelayProcess, key: string | null) {
    this.provider = new WebsocketProvider(relay.url, relay.room, this.doc, {
      params: key ? { key } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
  }
  synced(): Promise<void> {
    return this.provider.synced ? Promise.resolve() : new Promise((resolve) => this.provider.once('sync', () => resolve()));
  }
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Browsers log a failed websocket connection as an error: expected while a page waits for a relay, nothing else is. */
const unexpected = (errors: readonly string[]) => errors.filter((e) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[^']*' failed/.test(e));

/** The good lab the tool puts in the room before each hostile change: A's area of Fig. 5, 16 frames of its own. */
const GOOD_LINES = ['@A a = area(4096)'];
const GOOD_META = { seed: 1, frames: 256, groups: 3, units: 8, lesson: null, step: null, position: 0, playing: false, reveal: false, tally: [] };

/** Each document of issue 18 §3, written with the key into a room holding a good lab. */
const HOSTILE: readonly { readonly name: string; readonly spoil: (doc: Y.Doc) => void; readonly says: RegExp }[] = [
  { name: 'a line that is a number', spoil: (doc) => roomLines(doc).push([42 as unknown as string]), says: /line 2 is a number/ },
  { name: 'a line that is an object', spoil: (doc) => roomLines(doc).push([{ run: 'reset' } as unknown as string]), says: /line 2 is an object/ },
  { name: 'a line that is null', spoil: (doc) => roomLines(doc).push([null as unknown as string]), says: /line 2 is null/ },
  { name: 'a line that is a nested Yjs type', spoil: (doc) => roomLines(doc).push([new Y.Map() as unknown as string]), says: /line 2 is a nested Yjs type/ },
  { name: '5 frames', spoil: (doc) => roomMeta(doc).set('frames', 5), says: /frames must be a whole number from 128/ },
  { name: '256.5 frames', spoil: (doc) => roomMeta(doc).set('frames', 256.5), says: /frames must be a whole number/ },
  { name: '99 groups', spoil: (doc) => roomMeta(doc).set('groups', 99), says: /groups must be a whole number from 1 to 8/ },
  { name: 'a seed of -1', spoil: (doc) => roomMeta(doc).set('seed', -1), says: /the seed must be a whole number/ },
];

test.describe('a live classroom with a hostile room document', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.use({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });

  let relay: RelayProcess;
  let stateDir: string;
  let tool: RoomClient;

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-e2e-'));
    // port 0: the relay takes a free port (never a fixed one: another checkout may run its suite)
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
    tool = new RoomClient(relay, relay.key);
    await tool.synced();
  });

  test.afterAll(async () => {
    tool?.destroy();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** A page of its own browser context, opened at `url` and connected (a busy machine may take a while). */
  async function openPage(browser: Browser, url: string): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
    const lab = new LabPage(await context.newPage());
    await goTo(lab, url);
    return lab;
  }

  async function goTo(lab: LabPage, url: string): Promise<void> {
    await lab.page.goto(url);
    await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect.poll(() => lab.terminalText(), { timeout: 30_000 }).toContain('scp$');
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
  }

  /** The room's lab as the tool reads it, for polling. */
  const roomNow = () => {
    const read = readRoom(tool.doc);
    return read.kind === 'lab' ? read.lab.lines.join(' | ') : read.kind;
  };

  const atRest = async (lab: LabPage) => {
    await lab.finishPlayback();
    return lab.owners();
  };

  // one student's page for every case; the lecturer's page is away while the room is spoiled, then opened again on it
  let student: LabPage | null = null;
  let lecturer: LabPage | null = null;
  test.afterAll(async () => {
    for (const p of [student, lecturer]) await p?.page.context().close();
  });

  for (const hostile of HOSTILE) {
    test(`${hostile.name}: the student keeps a working lab and is told why, the lecturer's page puts its own lab back and goes on publishing`, async ({ browser }) => {
      await lecturer?.page.goto('about:blank');
      student ??= await openPage(browser, relay.studentsLink);
      const rebuilds = async () => (await student!.terminalText()).split("(the lecturer's lab: seed 1, 1 line replayed)").length;
      const before = await rebuilds();
      replaceLines(tool.doc, GOOD_LINES, GOOD_META);
      await expect.poll(rebuilds, { timeout: 30_000 }).toBeGreaterThan(before);
      const good = await atRest(student);

      // the tool spoils the room: the student's page says so, keeps its lab and stays usable
      hostile.spoil(tool.doc);
      const notice = student.page.getByTestId('classroom-notice');
      await expect(notice).toContainText("the room's lab is invalid", { timeout: 30_000 });
      await expect(notice).toContainText(hostile.says);
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(student.page.getByTestId('classroom-status')).toHaveText('connected');
      expect(await student.owners()).toEqual(good);
      await expect(student.page.getByTestId('classroom-follow')).toHaveText('following the lecturer');
      if (hostile === HOSTILE[0]) await student.page.screenshot({ path: 'test-results/room-student-1366-invalid-room.png' });

      // the lecturer's page is opened (or reloaded) on the spoiled room: it does not take it back, it replaces it
      if (lecturer) await goTo(lecturer, relay.lecturerLink);
      else lecturer = await openPage(browser, relay.lecturerLink);
      await expect(lecturer.page.getByTestId('classroom-notice')).toContainText("the room's lab was invalid", { timeout: 30_000 });
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('');
      await expect(notice).toHaveCount(0, { timeout: 30_000 });
      // and goes on publishing: its next line reaches the student
      await lecturer.type('@B b = area(8192)');
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192)');
      const taught = await atRest(lecturer);
      await expect.poll(() => atRest(student!), { timeout: 30_000 }).toEqual(taught);

      // spoiled again while the lecturer is there: the lecturer's lab is put back at once
      hostile.spoil(tool.doc);
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192)');
      await lecturer.type('@A c = area(4096)');
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192) | @A c = area(4096)');
      const later = await atRest(lecturer);
      await expect.poll(() => atRest(student!), { timeout: 30_000 }).toEqual(later);

      for (const p of [student, lecturer]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
    });
  }

  test("a step past the lesson's end opens the lesson's last step, for the student and the reloaded lecturer", async ({ browser }) => {
    await lecturer?.page.goto('about:blank');
    replaceLines(tool.doc, GOOD_LINES, { ...GOOD_META, lesson: 'flip', step: 99 });
    student ??= await openPage(browser, relay.studentsLink);
    const last = /Step (\d+) of \1\b/;
    await expect(student.page.getByText(last).first()).toBeVisible({ timeout: 30_000 });
    await expect(student.page.getByTestId('classroom-notice')).toContainText('opens at the last one');
    if (lecturer) await goTo(lecturer, relay.lecturerLink);
    else lecturer = await openPage(browser, relay.lecturerLink);
    await expect(lecturer.page.getByText(last).first()).toBeVisible({ timeout: 30_000 });
    await lecturer.type('@B b = area(8192)');
    await expect.poll(roomNow, { timeout: 30_000 }).toContain('@B b = area(8192)');
    for (const p of [student, lecturer]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });
});

test.describe('the lecturer presents in a room', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  let relay: RelayProcess;
  let stateDir: string;
  const contexts: BrowserContext[] = [];
  const clients: RoomClient[] = [];

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-present-e2e-'));
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
  });

  test.afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const c of contexts) await c.close();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  async function openPage(browser: Browser, url: string, viewport = { width: 1366, height: 768 }): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport });
    contexts.push(context);
    const lab = new LabPage(await context.newPage());
    await lab.page.goto(url);
    await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
    return lab;
  }

  /** Every event of the step shown (the presenter's stage has the timeline bar too). */
  const allShown = (lab: LabPage) => expect(lab.page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/, { timeout: 30_000 });

  test('the classroom strip never moves the stage, and the answers stay off it until the tally is revealed', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&present&lesson=flip&step=3`);
    const page = lecturer.page;
    const student = await openPage(browser, relay.studentsLink);
    await expect(page.getByTestId('classroom-count')).toHaveText('1 student connected, 1 following');

    // step 3 played, nothing asked yet
    await page.keyboard.press('PageDown');
    await allShown(lecturer);
    await expect(page.locator('[data-frame]')).toHaveCount(256);
    const before = await frameBoxes(page);
    await page.screenshot({ path: 'test-results/room-present-1366-before-question.png' });

    // the next step asks the room: the strip's row stays as it was, every frame keeps its box
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('dialog', { name: 'question for the room' })).toContainText('Who owns the frame of the message now?');
    await expect(page.getByRole('button', { name: 'Reveal the tally' })).toBeVisible();
    expect(await frameBoxes(page)).toEqual(before);

    // a student answers: the projected stage shows no count and no tally
    await expect(student.page.getByPlaceholder('your answer')).toBeVisible({ timeout: 30_000 });
    await student.page.getByPlaceholder('your answer').fill('B');
    await student.page.getByRole('button', { name: 'Answer' }).click();
    // the lecturer's own window has the count
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Lecturer view' }).click();
    const view = await popup;
    await expect(view.getByTestId('lecturer-answered')).toHaveText('1 of 1 answered', { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    await expect(page.getByText(/answered/)).toHaveCount(0);
    await expect(page.locator('.tally')).toHaveCount(0);
    await expect(page.getByText(/answers?;/)).toHaveCount(0);
    expect(await frameBoxes(page)).toEqual(before);
    await page.screenshot({ path: 'test-results/room-present-1366-asked.png' });
    await view.screenshot({ path: 'test-results/room-lecturer-view.png' });

    // revealed from the lecturer's window: the room sees the tally, laid over the stage; the grid stays put
    await view.getByRole('button', { name: 'Reveal the tally' }).click();
    const shown = page.getByRole('group', { name: "the room's answers, revealed" });
    await expect(shown.locator('.tally-bars li').first()).toHaveAttribute('data-answer', 'B');
    await expect(student.page.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    expect(await frameBoxes(page)).toEqual(before);
    await page.screenshot({ path: 'test-results/room-present-1366-revealed.png' });
    await student.page.screenshot({ path: 'test-results/room-student-1366.png' });

    // the step plays and the frames stay where they were
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('dialog', { name: 'question for the room' })).toContainText('B: the frames changed owner');
    expect(await frameBoxes(page)).toEqual(before);
    await expect.poll(() => student.owners(), { timeout: 60_000 }).toEqual(await lecturer.owners());

    for (const p of [lecturer, student]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });

  test('presence of another shape is nobody, and a flood of presence changes counts one student once', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&lesson=flip&step=4`);
    const count = lecturer.page.getByTestId('classroom-count');
    // the previous test's pages are closed: the room is empty but for this lecturer
    for (const c of contexts.slice(0, -1)) await c.close();
    await expect(count).toHaveText('0 students connected, 0 following', { timeout: 30_000 });

    const announce = async (state: Record<string, unknown>) => {
      const client = new RoomClient(relay, null);
      clients.push(client);
      await client.synced();
      client.provider.awareness.setLocalState(state);
      return client;
    };
    const answer = (text: string) => ({ question: 'flip:3', text });
    // each from a connection of its own, as a script in a student's console would
    await announce({ role: 'student', name: 7, following: true, step: 3, answer: null });
    await announce({ role: 'student', name: 'Long', following: true, step: 3, answer: answer('B'.repeat(500)) });
    await announce({ role: 'student', name: 'N'.repeat(41), following: true, step: 3, answer: answer('B') });
    await announce({ role: 'student', name: 'Odd', following: 'yes', step: 3, answer: answer('B') });
    await announce({ role: 'student', name: 'Deep', following: true, step: 3, answer: { question: 'flip:3', text: { toString: 'B' } } });
    const bot = await announce({ role: 'student', name: 'Bot', following: false, step: 3, answer: answer('The control OS') });
    await expect(count).toHaveText('1 student connected, 0 following', { timeout: 30_000 });

    // one connection changes its answer 500 times as fast as it can (the relay may pass only some of
    // them): still one student, one answer
    for (let i = 0; i < 500; i++) bot.provider.awareness.setLocalStateField('answer', answer(`The control OS ${i}`));
    const popup = lecturer.page.waitForEvent('popup');
    await lecturer.page.getByRole('button', { name: 'Lecturer view' }).click();
    const view = await popup;
    await expect(view.locator('.tally-bars li')).toHaveCount(1, { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-answer', /^The control OS \d+$/, { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    await expect(view.getByTestId('lecturer-answered')).toHaveText('1 of 1 answered');
    await expect(count).toHaveText('1 student connected, 0 following');
    // and the lecturer's page still teaches
    await lecturer.type('@A x = area(4096)');
    await expect.poll(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(bot.doc));
      return roomLines(doc).toArray().at(-1);
    }, { timeout: 30_000 }).toBe('@A x = area(4096)');
    expect(unexpected(lecturer.errors), 'console errors and page errors').toEqual([]);
  });
});

test.describe("a student's page in a room", () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  let relay: RelayProcess;
  let stateDir: string;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-student-e2e-'));
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
  });

  test.afterAll(async () => {
    for (const c of contexts) await c.close();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }, phone = false): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport, deviceScaleFactor: 1, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
    contexts.push(context);
    const lab = new LabPage(await context.newPage());
    await lab.page.goto(url);
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
    return lab;
  }

  /** The Memory view's box in the document (a phone's page may scroll to follow the frames: that is not the layout moving), to the pixel. */
  const memoryBox = (lab: LabPage) => lab.page.getByTestId('memory-view').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  });

  test('the question row and the tally never push the Memory view down, at 1366x768 and on a phone at 390x844', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&present&lesson=flip&step=3`, { width: 1366, height: 768 });
    const page = lecturer.page;
    const students = [
      { name: '1366', lab: await openPage(browser, relay.studentsLink, { width: 1366, height: 768 }) },
      { name: '390', lab: await openPage(browser, relay.studentsLink, { width: 390, height: 844 }, true) },
    ];
    await expect(page.getByTestId('classroom-count')).toHaveText('2 students connected, 2 following', { timeout: 30_000 });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/, { timeout: 30_000 });
    const before: Record<string, Awaited<ReturnType<typeof memoryBox>>> = {};
    for (const s of students) {
      await expect(s.lab.page.getByTestId('student-question')).toContainText('No question from the lecturer yet');
      before[s.name] = await memoryBox(s.lab);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-before.png` });
    }

    // asked
    await page.keyboard.press('PageDown');
    for (const s of students) {
      await expect(s.lab.page.getByTestId('student-question')).toContainText('Who owns the frame of the message now?', { timeout: 30_000 });
      expect(await memoryBox(s.lab), `${s.name}: asked`).toEqual(before[s.name]);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-asked.png` });
    }

    // answered
    for (const s of students) {
      await s.lab.page.getByPlaceholder('your answer').fill('B');
      await s.lab.page.getByRole('button', { name: 'Answer', exact: true }).click();
      await expect(s.lab.page.getByTestId('student-question')).toContainText('sent: B');
      expect(await memoryBox(s.lab), `${s.name}: answered`).toEqual(before[s.name]);
    }

    // revealed: the tally lies over the page, and can be closed and opened again
    await page.getByRole('button', { name: 'Reveal the tally' }).click();
    for (const s of students) {
      const tally = s.lab.page.getByRole('group', { name: "the room's answers, revealed" });
      await expect(tally.locator('.tally-bars li').first()).toHaveAttribute('data-count', '2', { timeout: 30_000 });
      expect(await memoryBox(s.lab), `${s.name}: revealed`).toEqual(before[s.name]);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-revealed.png` });
      await tally.getByRole('button', { name: 'Close' }).click();
      await expect(tally).toHaveCount(0);
      await s.lab.page.getByRole('button', { name: "The room's answers" }).click();
      await expect(tally).toBeVisible();
      expect(await memoryBox(s.lab), `${s.name}: tally opened again`).toEqual(before[s.name]);
      // no sideways scroll on the phone
      if (s.name === '390') expect(await s.lab.page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
    }
    for (const p of [lecturer, ...students.map((s) => s.lab)]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });
});
