// The Sequence view follows the arrow at the playhead (issue 22): it keeps the
// newest arrow in view after the page is resized, leaves the chart where the
// reader scrolled it while nothing new comes, and reads no geometry in an
// animation frame (there, after the views have written, a read forced a
// second layout of the whole page on every step a following phone revealed).

import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';
import type { Page } from '@playwright/test';

test.use({ reducedMotion: 'reduce' });

/** Counts reads of layout on the Sequence view's elements made inside requestAnimationFrame callbacks. */
async function countFrameReads(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { seqFrameReads: number };
    w.seqFrameReads = 0;
    let inFrame = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => {
      inFrame++;
      try {
        cb(t);
      } finally {
        inFrame--;
      }
    });
    const inChart = (el: unknown) => el instanceof Element && el.closest('[data-testid="sequence-chart"]') !== null;
    const wrap = (proto: object, name: string) => {
      const d = Object.getOwnPropertyDescriptor(proto, name)!;
      Object.defineProperty(proto, name, {
        ...d,
        get(this: Element) {
          if (inFrame > 0 && inChart(this)) w.seqFrameReads++;
          return d.get!.call(this) as unknown;
        },
      });
    };
    wrap(Element.prototype, 'scrollTop');
    wrap(Element.prototype, 'clientHeight');
    wrap(HTMLElement.prototype, 'offsetHeight');
    wrap(HTMLElement.prototype, 'offsetTop');
    const rect = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      if (inFrame > 0 && inChart(this)) w.seqFrameReads++;
      return rect.call(this);
    };
  });
}

/** Whether the newest arrow lies inside the chart's scrolled view, below its sticky lane headers. */
function newestInView(page: Page): Promise<boolean> {
  return page.locator('[data-testid="sequence-chart"] .seq-scroll').evaluate((scroller) => {
    const arrows = scroller.querySelectorAll('g.seq-arrow[data-seq]');
    const newest = arrows[arrows.length - 1];
    const head = scroller.querySelector('.seq-head');
    if (!newest || !head) return false;
    const view = scroller.getBoundingClientRect();
    const row = newest.getBoundingClientRect();
    return row.top >= head.getBoundingClientRect().bottom - 1 && row.bottom <= view.bottom + 1;
  });
}

const scrollTop = (page: Page) => page.locator('[data-testid="sequence-chart"] .seq-scroll').evaluate((s) => s.scrollTop);

test('the chart follows the newest arrow, after a resize too, and reads no geometry in an animation frame', async ({ lab }) => {
  await countFrameReads(lab.page);
  await lab.open();
  await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "x")']);
  await lab.finishPlayback();
  // the chart is longer than its pane, so following means scrolling
  expect(await scrollTop(lab.page)).toBeGreaterThan(0);
  await expect.poll(() => newestInView(lab.page)).toBe(true);

  await lab.page.setViewportSize({ width: 1000, height: 560 });
  await lab.typeAll(['r = read(fd)', 'v = open(r.vfile)']);
  await lab.finishPlayback();
  await expect.poll(() => newestInView(lab.page)).toBe(true);

  expect(await lab.page.evaluate(() => (window as unknown as { seqFrameReads: number }).seqFrameReads)).toBe(0);
});

test('once the reader has scrolled the chart up, it stays there while no new step comes', async ({ lab }) => {
  await lab.open();
  await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "x")']);
  await lab.finishPlayback();
  await expect.poll(() => newestInView(lab.page)).toBe(true);

  const scroller = lab.page.locator('[data-testid="sequence-chart"] .seq-scroll');
  await scroller.evaluate((s) => s.scrollTo({ top: 0 }));
  // a resize redraws the chart; with no new step it must not pull the chart back down
  await lab.page.setViewportSize({ width: 1100, height: 640 });
  await lab.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await scrollTop(lab.page)).toBe(0);

  // a new step is followed again
  await lab.type('r = read(fd)');
  await lab.finishPlayback();
  await expect.poll(() => newestInView(lab.page)).toBe(true);
});
