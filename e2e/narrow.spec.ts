// Issue 19 §3: small screens. A window as small as a phone held sideways
// (844x390) with a mouse got the desktop's header, which wrapped to three
// lines and pushed the language menu off the screen; and on a phone (390x844)
// Fig. 3 with five partitions scrolled sideways with every number cut.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1 });

/** The header's controls that wrap inside themselves or stand outside the window, named. */
function headerProblems(page: Page): Promise<string[]> {
  return page.locator('header.lab-head').evaluate((head) => {
    const bad: string[] = [];
    for (const el of head.querySelectorAll<HTMLElement>('button, select, summary, h1')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
      if (r.right > window.innerWidth + 1 || r.left < -1) bad.push(`${name}: outside the window`);
      const s = getComputedStyle(el);
      const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.3;
      const inner = r.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
      if (inner > line * 1.6) bad.push(`${name}: wraps to ${Math.round(inner / line)} lines`);
    }
    return bad;
  });
}

test('at 844x390 with a mouse the header keeps every control on one line, in the window', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 844, height: 390 });
  await lab.page.goto('./');
  await expect(lab.page.getByRole('heading', { level: 1, name: 'lparlab' })).toBeAttached();
  await expect(lab.page.locator('header.lab-head')).toBeVisible();
  expect(await headerProblems(lab.page)).toEqual([]);
  // and nothing scrolls sideways
  expect(await lab.page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // every setting is still reachable: the language and the tags
  const settings = lab.page.locator('details.phone-settings');
  if ((await settings.count()) > 0) await settings.locator('summary').click();
  await expect(lab.page.getByLabel('Patent tags')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('Fig. 3 with five partitions fits the width: no sideways scroll, every number whole', async ({ lab }) => {
    await lab.page.goto('./');
    const line = lab.page.getByRole('textbox', { name: /^line to run/ });
    for (const text of ['lpar_create("C", 16, 1)', 'lpar_create("D", 16, 1)']) {
      await line.fill(text);
      await lab.page.getByRole('button', { name: 'Run', exact: true }).tap();
      await expect(line).toHaveValue('');
    }
    await lab.finishPlayback();
    await lab.page.getByRole('tab', { name: /^Layers/ }).tap();
    const view = lab.page.locator('.layers-view');
    await expect(view.locator('.lv-lpar')).toHaveCount(5);
    const fit = await view.evaluate((v) => {
      const box = v.getBoundingClientRect();
      const cut = [...v.querySelectorAll<HTMLElement>('.lv-value, .lv-name')].filter((el) => {
        const r = el.getBoundingClientRect();
        return el.scrollWidth > el.clientWidth + 1 || r.right > box.right + 1 || r.left < box.left - 1;
      }).map((el) => `${el.closest('[data-partition]')?.getAttribute('data-partition')}: ${el.textContent}`);
      return { sideways: v.scrollWidth - v.clientWidth, cut };
    });
    expect(fit.sideways).toBeLessThanOrEqual(0);
    expect(fit.cut).toEqual([]);
  });
});
