// Students on their phones (issue 19 §2): a mobile
// viewport with touch, in the suite's own Chromium (only the viewport and
// touch of a phone: the layout is chosen by the viewport, never by the user
// agent). A self-study student walks the flip lesson typing on the phone's
// line; a student in a classroom follows the lecturer's Fig. 6 flip, answers
// the poll, tries a line alone and follows again. The page never scrolls
// sideways, and every control and frame is a 24 px target. Screenshots at
// three sizes in both themes are saved under test-results/screenshots/.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP, LabPage } from './labPage.ts';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import { findFreePort } from '../scripts/e2ePort.ts';

const PHONE = { width: 390, height: 844 };
const SIZES = [PHONE, { width: 360, height: 740 }, { width: 844, height: 390 }] as const;
const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 1, reducedMotion: 'reduce' });

/** How far the document reaches past the screen's right edge (0: no sideways scroll). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Controls on screen smaller than a 24 px target (WCAG 2.2, 2.5.8), named so a failure says which. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    // frames are targets once Large frames is on; fitted to the width they are a picture of Fig. 5
    const frames = document.querySelector('.mem-zoomed') ? ', [data-frame]' : '';
    for (const el of document.querySelectorAll<HTMLElement>(`button, input, select, textarea, a[href], [role=tab]${frames}`)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.sr-only, .xterm')) continue;
      if (el.matches('input[type=file]') && getComputedStyle(el).display === 'none') continue;
      if (r.width < 23.5 || r.height < 23.5) small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
    return small;
  });
}

const line = (page: Page) => page.getByRole('textbox', { name: /^line to run/ });

/** Type a line on the phone's field, character by character as a keyboard does, and tap Run. */
async function phoneType(page: Page, text: string): Promise<void> {
  await line(page).tap();
  await line(page).fill('');
  await line(page).pressSequentially(text);
  await page.getByRole('button', { name: 'Run', exact: true }).tap();
  await expect(line(page)).toHaveValue('');
}

test('the phone layout: one column, Memory first, no sideways scroll, 24 px targets, at 390x844, 360x740 and 844x390', async ({ lab }) => {
  for (const size of SIZES) {
    await lab.page.setViewportSize(size);
    await lab.open();
    await expect(lab.page.locator('.lab.phone')).toBeVisible();
    expect(await sideways(lab.page), `sideways scroll at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
    // one column: Memory, the narration, the line, the tabs, each the screen's width, one under the other
    const boxes = await Promise.all(['[data-view=memory]', '[data-testid=narration]', '.phone-console', '.phone-tabs'].map(async (s) => (await lab.page.locator(s).boundingBox())!));
    for (let i = 0; i < boxes.length; i++) {
      expect(boxes[i]!.width, `box ${i} spans the screen`).toBeGreaterThanOrEqual(size.width - 2);
      if (i > 0) expect(boxes[i]!.y, `box ${i} is under box ${i - 1}`).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
    }
    expect(boxes[0]!.y, 'Memory near the top').toBeLessThan(120);
    // Fig. 5 fitted to the width, whole: the last frame inside the view without scrolling
    const large = lab.page.getByRole('button', { name: 'Large frames' });
    await expect(large).toHaveAttribute('aria-pressed', 'false');
    const stage = (await lab.page.locator('[data-view=memory] .mem-stage').boundingBox())!;
    const last = (await lab.page.locator('[data-frame="255"]').boundingBox())!;
    expect(last.y + last.height, 'the last frame is in the view').toBeLessThanOrEqual(stage.y + stage.height + 0.5);
    expect(await smallTargets(lab.page)).toEqual([]);
    // Large frames: every frame a 24 px target, reachable by scrolling the view (not the page)
    await large.tap();
    await expect(large).toHaveAttribute('aria-pressed', 'true');
    await expect(lab.page.locator('.mem-zoomed')).toHaveCount(1);
    expect(await smallTargets(lab.page)).toEqual([]);
    await lab.page.locator('[data-frame="255"]').scrollIntoViewIfNeeded();
    await lab.page.locator('[data-frame="255"]').tap();
    await expect(lab.page.locator('.mem-inspect')).toContainText('frame 255');
    expect(await sideways(lab.page)).toBeLessThanOrEqual(0);
    // the timeline is at the bottom of the screen, under the thumb
    const timeline = (await lab.page.getByRole('group', { name: 'timeline', exact: true }).boundingBox())!;
    expect(timeline.y + timeline.height).toBeGreaterThan(size.height - 4);
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(size.height + 1);
  }
  // every tab of the narrowest phone keeps to the screen's width, with sockets and a virtual file to show
  await lab.page.setViewportSize({ width: 360, height: 740 });
  for (const text of [...FIG9_SETUP, '@A send(ch, a, "mem request")', 'r = read(fd)']) await phoneType(lab.page, text);
  await lab.finishPlayback();
  for (const tab of ['Sequence', 'Sockets', 'Layers', 'Machine', 'Costs', 'Terminal'] as const) {
    await lab.page.getByRole('tab', { name: tab }).tap();
    const panel = lab.page.locator(`#phone-${tab.toLowerCase()}-panel`);
    await expect(panel).toBeVisible();
    await panel.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await lab.page.screenshot({ path: join(SHOTS, `phone-360x740-light-tab-${tab.toLowerCase()}.png`) });
    expect(await sideways(lab.page), `sideways scroll with the ${tab} tab`).toBeLessThanOrEqual(0);
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth), `the ${tab} tab is wider than the screen`).toBeLessThanOrEqual(0);
    expect(await smallTargets(lab.page), `small targets with the ${tab} tab`).toEqual([]);
  }
  // the desktop layout at 1366x768 is the desktop's, with the same touch screen
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await expect(lab.page.locator('.lab.phone')).toHaveCount(0);
  await expect(lab.page.locator('.lab-head .narration')).toBeVisible();
});

test('the Layers tab fits the screen and scrolls with the page, not inside itself, at 360x740 and 390x844', async ({ lab }) => {
  for (const size of [{ width: 360, height: 740 }, PHONE]) {
    await lab.page.setViewportSize(size);
    await lab.open();
    // a third guest makes four partitions side by side, the widest Fig. 3 a lesson draws
    await phoneType(lab.page, 'lpar_create("C", 32, 2)');
    await lab.finishPlayback();
    await lab.page.getByRole('tab', { name: 'Layers' }).tap();
    const panel = lab.page.locator('#phone-layers-panel');
    await expect(panel.locator('.lv-lpar')).toHaveCount(4);
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await lab.page.screenshot({ path: join(SHOTS, `phone-${size.width}x${size.height}-light-layers.png`), fullPage: true });
    // nothing inside the tab scrolls: every box shows all it holds
    const inner = await panel.evaluate((root) => [root, ...root.querySelectorAll('*')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .filter((el) => /auto|scroll/.test(`${getComputedStyle(el).overflowX} ${getComputedStyle(el).overflowY}`))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`));
    expect(inner, `scroll boxes in the Layers tab at ${size.width}x${size.height}`).toEqual([]);
    // every partition's column is on the screen
    for (const box of await panel.locator('.lv-lpar').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(size.width);
    expect(await sideways(lab.page), `sideways scroll at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
  }
});

test('the phone line runs through the terminal: history, chips, the result shown under it', async ({ lab }) => {
  const page = lab.page;
  await lab.open();
  // tap chips: the context, then a call; type its argument
  await line(page).tap();
  await page.getByRole('group', { name: /suggestions/ }).getByRole('button', { name: '@A', exact: true }).tap();
  await expect(line(page)).toHaveValue('@A ');
  await line(page).pressSequentially('a = ar');
  await page.getByRole('group', { name: /suggestions/ }).getByRole('button', { name: 'area(', exact: true }).tap();
  await expect(line(page)).toHaveValue('@A a = area(');
  await expect(line(page)).toBeFocused();
  await line(page).pressSequentially('4096)');
  await page.getByRole('button', { name: 'Run', exact: true }).tap();
  await expect(page.getByTestId('phone-result').locator('.echo')).toHaveText('@A a = area(4096)');
  await expect(page.getByTestId('phone-result')).toContainText('= 0x');
  // the same shell path as the terminal: the terminal echoed the line and its result
  await expect.poll(() => lab.terminalText()).toContain('scp$ @A a = area(4096)');
  await expect(page.locator('[data-frame][data-owner="A"]')).toHaveCount(33);
  // an error comes back as the terminal prints it
  await phoneType(page, '@A peek(zz, 4)');
  await expect(page.getByTestId('phone-result').locator('.error')).toContainText('zz');
  // history: up recalls the lines typed, newest first; down goes back to the empty line
  await page.getByRole('button', { name: 'previous line' }).tap();
  await expect(line(page)).toHaveValue('@A peek(zz, 4)');
  await page.getByRole('button', { name: 'previous line' }).tap();
  await expect(line(page)).toHaveValue('@A a = area(4096)');
  await page.getByRole('button', { name: 'next line' }).tap();
  await page.getByRole('button', { name: 'next line' }).tap();
  await expect(line(page)).toHaveValue('');
  // a page shortcut does nothing while the focus is in the field: ArrowLeft edits, the timeline stays
  const status = await page.getByTestId('timeline-status').textContent();
  await line(page).fill('abc');
  await line(page).press('ArrowLeft');
  await line(page).press(' ');
  await expect(line(page)).toHaveValue('ab c');
  expect(await page.getByTestId('timeline-status').textContent()).toBe(status);
  // `lesson flip` typed on the phone opens the lesson, as in the terminal
  await phoneType(page, 'lesson flip');
  await expect(page.locator('[data-view=lesson]')).toContainText('Step 1 of 6');
});

test('the terminal behind its tab stays laid out, off screen and hidden, so xterm can measure its glyphs once', async ({ lab }) => {
  const page = lab.page;
  await lab.open();
  await phoneType(page, '@A a = area(4096)');
  await expect.poll(() => lab.terminalText()).toContain('scp$ @A a = area(4096)');
  const panel = page.locator('#phone-terminal-panel');
  // hidden to the reader, a screen reader and the keyboard
  await expect(panel).toBeHidden();
  expect(await panel.evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
  // yet laid out at the screen's width, outside it: xterm's measures of glyph widths are not 0 (display: none gave 0, never cached)
  const box = await panel.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  expect(box.width).toBeGreaterThan(PHONE.width * 0.9);
  expect(box.x + box.width).toBeLessThanOrEqual(0);
  // xterm's own measuring spans (its width cache): what a glyph measures now
  const measured = await page.locator('#phone-terminal-panel .xterm-width-cache-measure-container').evaluate((el) => Math.max(0, ...[...el.children].map((c) => (c as HTMLElement).offsetWidth)));
  expect(measured).toBeGreaterThan(0);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  // shown by its tab, it is where the tabs' panels are, with what was typed
  await page.getByRole('tab', { name: 'Terminal' }).tap();
  await expect(panel).toBeVisible();
  const shown = (await panel.boundingBox())!;
  expect(shown.x).toBeGreaterThanOrEqual(-1);
  await expect(panel.locator('.xterm-rows')).toContainText('@A a = area(4096)');
});

test('a self-study student completes lesson flip on a phone, typing on the phone line', async ({ lab }) => {
  const page = lab.page;
  await lab.open();
  await page.getByRole('button', { name: 'Lessons', exact: true }).tap();
  await page.getByRole('button', { name: /4\. Guest to guest/ }).tap();
  const panel = page.locator('[data-view=lesson]');
  let steps = 0;
  for (; steps < 12; steps++) {
    await expect(panel.locator('.checks li.todo').first()).toBeVisible();
    for (const text of await panel.locator('.lines code').allTextContents()) await phoneType(page, text);
    await expect(panel.locator('.status')).toHaveText(/Step done|Lesson complete/);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    const next = panel.getByRole('button', { name: 'Next step' });
    if (await next.isDisabled()) break;
    await next.tap();
  }
  expect(steps + 1).toBe(6);
  await expect(panel.locator('.status')).toHaveText('Lesson complete. Well done.');
  // every line went through the one terminal, as typed there
  await expect.poll(() => lab.terminalText()).toContain('scp$ @A send(ch, a, "hi")');
  await page.getByRole('tab', { name: 'Terminal' }).tap();
  await expect(page.locator('.terminal-host')).toBeVisible();
  expect(await smallTargets(page)).toEqual([]);
});

test.describe('a student on a phone in a classroom', () => {
  test.describe.configure({ timeout: 180_000 });

  test('follows the lecturer\'s Fig. 6 flip, answers the poll, tries a line alone and follows again', async ({ lab, browser, baseURL }) => {
    const stateDir = mkdtempSync(join(tmpdir(), 'lparlab-phone-e2e-'));
    const relay = await spawnRelay({ port: findFreePort(), stateDir, page: baseURL!, fresh: true });
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
    const lecturer = new LabPage(await context.newPage());
    try {
      // the lecturer at the flip lesson's S107 step (S101-S106 done), whose question goes to the room
      await lecturer.open(`${relay.lecturerLink}&lesson=flip&step=4`);
      await expect(lecturer.page.getByTestId('classroom-status')).toHaveText('connected');
      const student = lab;
      const page = student.page;
      await student.open(relay.studentsLink);
      await expect(page.locator('.lab.phone')).toBeVisible();
      await expect(page.getByTestId('classroom-status')).toHaveText('connected');
      await expect(page.getByTestId('classroom-follow')).toHaveText('following the lecturer');
      // the strip is on top, above Memory
      const strip = (await page.getByRole('region', { name: 'classroom' }).boundingBox())!;
      const memory = (await page.locator('[data-view=memory]').boundingBox())!;
      expect(strip.y + strip.height).toBeLessThanOrEqual(memory.y + 1);

      await expect(page.getByText('Step 4 of')).toBeVisible();
      // the lecturer's flip (Fig. 6, S107) reaches the phone
      await lecturer.type('@A send(ch, a, "hi")');
      await lecturer.finishPlayback();
      const flipped = await lecturer.owners();
      await expect.poll(() => student.owners(), { timeout: 60_000 }).toEqual(flipped);
      await expect(page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
      await page.getByRole('tab', { name: 'Sequence' }).tap();
      await expect.poll(() => student.sequenceTags()).toContain('S107');
      expect(await sideways(page)).toBeLessThanOrEqual(0);

      // the poll, answered on the phone
      await page.getByPlaceholder('your answer').tap();
      await page.getByPlaceholder('your answer').pressSequentially('B');
      await page.getByRole('button', { name: 'Answer', exact: true }).tap();
      await expect(page.locator('.classroom-given')).toHaveText('sent: B');
      await expect(lecturer.page.getByText('1 of 1 answered')).toBeVisible();
      expect(await smallTargets(page)).toEqual([]);
      // the strip and its poll at each size: on top, inside the screen's width
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SHOTS, `phone-classroom-${size.width}x${size.height}.png`) });
        expect(await sideways(page), `sideways scroll in the room at ${size.width}x${size.height}`).toBeLessThanOrEqual(0);
        expect(await smallTargets(page)).toEqual([]);
      }
      await page.setViewportSize(PHONE);

      // alone for a moment: a line of the student's own, on the phone line
      await page.getByRole('button', { name: 'Try it yourself' }).tap();
      await expect(page.getByTestId('classroom-follow')).toHaveText('on your own');
      await phoneType(page, '@A b = area(8192)');
      await expect(page.getByTestId('phone-result').locator('.echo')).toHaveText('@A b = area(8192)');
      await expect.poll(() => student.owners()).not.toEqual(flipped);
      await expect.poll(() => lecturer.owners()).toEqual(flipped);

      // the lecturer goes on; the student follows again and has the lecturer's lab
      await lecturer.type('@B r = recv(chb)');
      await lecturer.finishPlayback();
      const received = await lecturer.owners();
      await page.getByRole('button', { name: 'Follow again' }).tap();
      await expect(page.getByTestId('classroom-follow')).toHaveText('following the lecturer');
      await expect.poll(() => student.owners(), { timeout: 60_000 }).toEqual(received);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(lecturer.errors).toEqual([]);
    } finally {
      // the pages leave the room before the relay stops (a refused reconnection would be logged as an error)
      await lab.page.goto('about:blank');
      await context.close();
      await relay.stop();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

/** Screenshots for people to look at: the lab after the flip, and a classroom strip with its poll, at each size and theme. */
for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots at ${size.width}x${size.height}, ${theme}`, async ({ lab }) => {
      const page = lab.page;
      await page.setViewportSize(size);
      await lab.open('./?lesson=flip&step=4');
      await lab.setTheme(theme);
      await phoneType(page, '@A send(ch, a, "hi")');
      await lab.finishPlayback();
      await expect(page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
      const name = (what: string) => join(SHOTS, `phone-${size.width}x${size.height}-${theme}-${what}.png`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: name('top') });
      // Large frames: the view brings the message's frame (B's newest) into sight
      await page.getByRole('button', { name: 'Large frames' }).tap();
      const message = await page.locator('[data-frame][data-owner="B"]').evaluateAll((cells) => Math.max(...cells.map((c) => Number(c.getAttribute('data-frame')))));
      const stage = page.locator('[data-view=memory] .mem-stage');
      await expect.poll(async () => {
        const view = (await stage.boundingBox())!;
        const cell = (await page.locator(`[data-frame="${message}"]`).boundingBox())!;
        return cell.y >= view.y - 0.5 && cell.y + cell.height <= view.y + view.height + 0.5;
      }, { message: 'the message frame is in the view' }).toBe(true);
      await page.screenshot({ path: name('large') });
      await page.locator('.phone-console').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: name('line') });
      await page.locator('.phone-tabs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: name('tabs') });
      expect(await sideways(page)).toBeLessThanOrEqual(0);
    });
  }
}
