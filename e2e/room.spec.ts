// In front of a room: what a lecturer and a class need from the page: a
// terminal everyone can read, a Memory-first stage for talks and embeds,
// exports for slides, screen readers and keyboards, touch, and offline use.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

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
    const rows = (await lab.page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
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

