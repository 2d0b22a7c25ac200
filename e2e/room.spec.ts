// In front of a room: what a lecturer and a class need from the page: a
// terminal everyone can read, a Memory-first stage for talks and embeds,
// screen readers and keyboards, and touch. A live classroom (a relay, a
// tampered room document, the lecturer presenting in a room) is
// roomLive.spec.ts; exports for slides and offline use have their own specs
// (exports.spec.ts, offline.spec.ts).

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';
import { frameBoxes, type Box } from './frameBoxes.ts';

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

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

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
    // a person reads the step's checks before typing its line: a check is said when it ticks while shown
    await expect(lab.page.getByRole('list', { name: 'checks' })).toBeVisible();
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
