// Every view at laptop and projector size, in both themes: saved as
// screenshots under test-results/screenshots/ for people to look at, and
// checked: no element spills out of its pane, and text has enough contrast
// against what is behind it (axe's color-contrast rule, WCAG AA).

import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

const SIZES = [
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ reducedMotion: 'reduce' });

/**
 * Elements of the pane that reach outside its box, unless an ancestor inside
 * the pane clips or scrolls them (then they are cut, not spilled). At most five.
 */
async function spilled(page: Page, pane: string): Promise<string[]> {
  return page.locator(pane).evaluate((root) => {
    const box = root.getBoundingClientRect();
    const clips = (el: Element) => {
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/auto|scroll|hidden|clip/.test(`${s.overflowX} ${s.overflowY}`)) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none' || s.position === 'fixed') continue;
      if (clips(el)) continue;
      const out1 = r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
      if (out1) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} [${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}] outside [${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}]`);
      if (out.length >= 5) break;
    }
    return out;
  });
}

async function lowContrast(page: Page, pane: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(pane).withRules(['color-contrast']).analyze();
  return results.violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every view at ${size.width}x${size.height}, ${theme}: nothing spills out of its pane, text is readable`, async ({ lab }) => {
      await lab.page.setViewportSize({ width: size.width, height: size.height });
      await lab.open();
      await lab.setTheme(theme);
      await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")', '@A peek(a, 4)', 'r = read(fd)', 'v = open(r.vfile)']);
      await lab.finishPlayback();
      const shot = (what: string) => join(SHOTS, `${size.name}-${theme}-${what}.png`);
      await lab.page.screenshot({ path: shot('page') });
      const check = async (pane: string, what: string) => {
        await lab.page.locator(pane).screenshot({ path: shot(what) });
        expect(await spilled(lab.page, pane), `${what}: elements outside the pane`).toEqual([]);
        expect(await lowContrast(lab.page, pane), `${what}: text below AA contrast`).toEqual([]);
      };
      await check('[data-view=memory]', 'memory');
      await check('[data-view=sequence]', 'sequence');
      await lab.page.locator('.terminal-view').screenshot({ path: shot('terminal') });
      for (const tab of ['Sockets', 'Layers', 'Machine', 'Costs'] as const) {
        await lab.showTab(tab);
        await check(`[data-view=${tab.toLowerCase()}]`, tab.toLowerCase());
      }
    });
  }
}

test('the spill check bites: an element pushed out of its pane is reported', async ({ lab }) => {
  await lab.open();
  await lab.page.locator('[data-view=memory]').evaluate((pane) => {
    const stray = document.createElement('div');
    stray.className = 'stray';
    stray.style.cssText = 'position: absolute; left: 0; top: 0; width: 20px; height: 20px; transform: translateX(-4000px)';
    pane.append(stray);
  });
  expect((await spilled(lab.page, '[data-view=memory]')).join()).toMatch(/div\.stray/);
});
