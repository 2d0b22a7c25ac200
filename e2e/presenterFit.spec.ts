// Every step of every built-in lesson, presented at 1024x768 (a tablet, by
// touch), 1366x768 and 1920x1080 (issue 19): no step's text, title or caption
// is cut, no lane name of the Sequence view is cut, and every frame of the
// Memory view is on screen without scrolling.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LESSONS } from '../src/engine/index.ts';

test.use({ reducedMotion: 'reduce' });

/** What is cut or out of view on the stage now, in words. */
function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const cut = (el: Element | null, what: string): void => {
      if (!el) bad.push(`no ${what}`);
      else if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) bad.push(`${what} cut: ${el.textContent?.slice(0, 60)}`);
    };
    cut(document.querySelector('.presenter-text.current'), "the step's text");
    cut(document.querySelector('.presenter-step h2'), "the step's title");
    cut(document.querySelector('[data-testid=narration]'), 'the caption');
    for (const lane of document.querySelectorAll('.seq-lane-name')) cut(lane, 'a lane name');
    const stage = document.querySelector('.mem-stage');
    if (stage && stage.scrollHeight > stage.clientHeight + 1) bad.push('the Memory view scrolls');
    const box = stage?.getBoundingClientRect();
    const cells = [...document.querySelectorAll('[data-frame] rect')].map((r) => r.getBoundingClientRect());
    const out = cells.filter((c) => !box || c.top < box.top - 1 || c.bottom > box.bottom + 1 || c.bottom > innerHeight || c.right > innerWidth || c.left < 0).length;
    if (out) bad.push(`${out} of ${cells.length} frames out of view`);
    if (cells.length === 0) bad.push('no frames drawn');
    if (document.documentElement.scrollHeight > innerHeight + 1) bad.push('the page scrolls');
    return bad;
  });
}

/**
 * The problems that remain once the stage has settled. A step can change the
 * stage's shape (a question beside the grid, a longer text), and the Memory
 * view lays its grid out again on the next resize callback: on a busy machine
 * the check may land between the two. A cut that lasts is still reported.
 */
async function settledProblems(page: Page): Promise<string[]> {
  let found = await problems(page);
  for (let look = 0; found.length > 0 && look < 10; look++) {
    await page.waitForTimeout(200);
    found = await problems(page);
  }
  return found;
}

const SIZES = [
  { width: 1024, height: 768, touch: true },
  { width: 1366, height: 768, touch: false },
  { width: 1920, height: 1080, touch: false },
] as const;

for (const size of SIZES) {
  test.describe(`${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height }, hasTouch: size.touch });

    test('every step of every built-in lesson: nothing cut, every frame in view', async ({ lab }) => {
      test.setTimeout(900_000);
      const page = lab.page;
      const found: string[] = [];
      for (const lesson of LESSONS) {
        await page.goto(`./?present&lesson=${lesson.id}`);
        // the Memory view loads after the terminal has been drawn (lazyViews.tsx): on a busy machine that takes more than 5 s
        await expect(page.locator('[data-frame]').first()).toBeAttached({ timeout: 30_000 });
        for (let press = 0; press < 6 * lesson.steps.length + 4; press++) {
          const where = `${lesson.id} ${(await page.locator('.presenter-lesson').textContent())?.replace(/^.*step (\d+) of.*$/, 'step $1')}`;
          await expect(page.getByTestId('timeline-status')).not.toContainText('playing');
          for (const p of await settledProblems(page)) found.push(`${where}: ${p}`);
          if (await page.locator('.presenter-end').count()) break;
          await page.keyboard.press('PageDown');
        }
        await expect(page.locator('.presenter-end'), `${lesson.id} walked to its end`).toBeVisible();
      }
      expect([...new Set(found)]).toEqual([]);
    });
  });
}
