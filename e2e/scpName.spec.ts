// Issue 19 §4: "scp" reads as secure copy to students, so every view names
// the system control program in full, "system control program (scp)", the
// first time it mentions it [0048]. This reads each view as a person does
// (its visible text, top to bottom, left to right, SVG text included) and
// checks the first mention, on the desktop and on a phone.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

const VIEWS = ['memory', 'sequence', 'sockets', 'layers', 'machine', 'costs'] as const;
type View = (typeof VIEWS)[number];
/** Views that show the program at this moment: each must name it (Costs has no partitions, so it need not). */
const MUST_MENTION: ReadonlySet<View> = new Set(['memory', 'sequence', 'sockets', 'layers', 'machine']);

/**
 * The first visible mention of the program in a view's pane, with a little
 * text after it, or null when the view does not mention it. Text nodes are
 * read in reading order (rows by their top, then left to right); text that
 * is hidden, clipped away or outside the pane is not read.
 */
function firstMention(page: Page, view: View): Promise<string | null> {
  return page.locator(`[data-view=${view}]`).evaluate((pane) => {
    const box = pane.getBoundingClientRect();
    const pieces: { top: number; left: number; text: string }[] = [];
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (!text) continue;
      const el = node.parentElement!;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = [...range.getClientRects()].find((q) => q.width > 0 && q.height > 0);
      if (!r) continue;
      if (r.bottom <= box.top || r.top >= box.bottom || r.right <= box.left || r.left >= box.right) continue;
      pieces.push({ top: Math.round(r.top / 6), left: r.left, text });
    }
    pieces.sort((a, b) => a.top - b.top || a.left - b.left);
    const read = pieces.map((p) => p.text).join(' ').replace(/\s+/g, ' ');
    const at = read.search(/system control program|\bscp\b/i);
    return at < 0 ? null : read.slice(at, at + 40);
  });
}

async function mentions(page: Page, show: (view: View) => Promise<void>): Promise<Record<View, string | null>> {
  const found = {} as Record<View, string | null>;
  for (const view of VIEWS) {
    await show(view);
    await expect(page.locator(`[data-view=${view}]`)).toBeVisible();
    found[view] = await firstMention(page, view);
  }
  return found;
}

function expectNamed(found: Record<View, string | null>): void {
  for (const view of VIEWS) {
    const first = found[view];
    if (first === null) {
      expect(MUST_MENTION.has(view), `${view} does not mention the program`).toBe(false);
      continue;
    }
    // the full name first; where the short name follows at once it is in brackets
    expect(first, `${view}'s first mention`).toMatch(/^system control program\b/i);
  }
}

const LINES = [...FIG9_SETUP, '@A send(ch, a, "mem request")', 'r = read(fd)'];

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1 });

test('on the desktop, each view names the system control program in full the first time it mentions it', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.typeAll(LINES);
  await lab.finishPlayback();
  const found = await mentions(lab.page, async (view) => {
    if (view === 'memory' || view === 'sequence') return;
    await lab.showTab(`${view[0]!.toUpperCase()}${view.slice(1)}` as 'Sockets' | 'Layers' | 'Machine' | 'Costs');
  });
  expectNamed(found);
  // the places that said a bare "scp" first: the Memory legend, the Sequence lanes' header, the Layers card, the Machine's units
  expect(found.memory).toMatch(/^system control program \(scp\)/);
  expect(found.sequence).toMatch(/^system control program \(scp\)/);
  expect(found.layers).toMatch(/^system control program \(scp\)/);
  expect(found.machine).toMatch(/^system control program \(scp\)/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('each view names the system control program in full the first time it mentions it', async ({ lab }) => {
    await lab.page.goto('./');
    const line = lab.page.getByRole('textbox', { name: /^line to run/ });
    await expect(line).toBeVisible();
    for (const text of LINES) {
      await line.fill(text);
      await lab.page.getByRole('button', { name: 'Run', exact: true }).tap();
      await expect(line).toHaveValue('');
    }
    await lab.finishPlayback();
    const found = await mentions(lab.page, async (view) => {
      if (view === 'memory') return;
      await lab.page.getByRole('tab', { name: new RegExp(`^${view}`, 'i') }).tap();
    });
    expectNamed(found);
  });
});
