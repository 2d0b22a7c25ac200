// Lesson flip in Japanese (issue 23): a student with ?lang=ja walks it to its
// end by typing the lines the panel shows, every check passing; the lesson's
// own words (title, figures, narration, hints, question, answer, real-world
// note) are the file's Japanese, with no English left beside the command
// language; a presenter walks it too, the question for the room in Japanese.
// Screenshots at 1366x768 and 390x844 (DPR 1), light and dark, are looked at.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { typeLineJa, useTheme, type LabPage } from './labPage.ts';

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1 });

const SIZES = [[1366, 768], [390, 844]] as const;

/**
 * The English words in the lesson's text on the page: its own words and its
 * check lines (the rule library's words, from the catalog). The command
 * language (lines in <code>, calls with their arguments, constants, the
 * patent's tags), the typed strings and the names of real systems read the
 * same in every language.
 */
async function englishInLesson(page: Page, selector: string): Promise<string[]> {
  const text = await page.locator(selector).evaluateAll((els) => els.map((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('code, button, .xterm')) code.remove();
    return copy.textContent ?? '';
  }).join(' '));
  // a word of a line the student types (a call a check names: "A は connect で停止中") is the command language
  const typed = new Set((await page.locator(`${selector} code`).allTextContents()).join(' ').match(/[A-Za-z_]+/g) ?? []);
  const rest = text
    .replace(/"[^"]*"/g, ' ') // strings as typed
    .replace(/\b\w+\((?:[^()]|\([^()]*\))*\)/g, ' ') // calls as typed
    .replace(/\bS\d{3}\b/g, ' ')
    .replace(/\b\w+\.\w+\b/g, ' '); // fields: r.addr
  const allowed = new Set(['Xen', 'TLB', 'KB', 'ch', 'chb', 'sig', 'OS', 'scp']);
  return [...new Set(rest.match(/[A-Za-z][A-Za-z_]+/g) ?? [])].filter((w) => !allowed.has(w) && !typed.has(w));
}

/** Open lesson flip from the menu in Japanese and type every step's lines; returns the steps' titles. */
async function walkFlip(lab: LabPage, shot: string) {
  const { page } = lab;
  await page.getByRole('button', { name: 'レッスン', exact: true }).click();
  await page.getByRole('button', { name: /^4\. ゲストからゲストへ/ }).click();
  const panel = page.locator('[data-view=lesson]');
  await expect(panel.locator('h3').first()).toContainText('レッスン 4：ゲストからゲストへ: S101-S112とフリップ');
  await expect(panel.locator('h3 .figure').first()).toHaveText('図4〜6');
  const titles: string[] = [];
  for (let step = 0; step < 8; step++) {
    await expect(panel.locator('.checks li.todo').first()).toBeVisible();
    titles.push((await panel.locator('.step-count strong').textContent()) ?? '');
    // both hints, in Japanese (a hint that is only a line of code reads the same in every language)
    await panel.getByRole('button', { name: 'ヒント', exact: true }).click();
    await panel.getByRole('button', { name: '次のヒント' }).click();
    await expect(panel.locator('.hint')).toHaveCount(2);
    expect(await englishInLesson(page, '[data-view=lesson]'), `step ${step + 1}: the lesson's own words`).toEqual([]);
    if (step === 3) await page.screenshot({ path: `test-results/lesson-ja-${shot}-s107.png` });
    for (const line of await panel.locator('.lines code').allTextContents()) await typeLineJa(lab, line);
    await expect(panel.locator('.status')).toHaveText(/ステップ達成|レッスン完了/);
    await expect(panel.locator('.checks li.todo')).toHaveCount(0);
    const next = panel.getByRole('button', { name: '次のステップ', exact: true });
    if (await next.isDisabled()) return titles;
    await next.click();
  }
  throw new Error('lesson flip did not end');
}

for (const [width, height] of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`a student walks lesson flip in Japanese to its end at ${width}x${height}, ${theme}`, async ({ lab }) => {
      test.setTimeout(240_000);
      const { page } = lab;
      await page.setViewportSize({ width, height });
      await useTheme(page, theme);
      await lab.open('./?lang=ja');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const shot = `${width}x${height}-${theme}`;
      const titles = await walkFlip(lab, shot);
      expect(titles).toEqual(['S101-S102: チャネルを求める', 'S103-S104: 許可', 'S105-S106: メッセージ領域', 'S107: フリップ', 'S108-S109: 読んで破棄する', 'S110-S112: 閉じる']);
      const panel = page.locator('[data-view=lesson]');
      await expect(panel.locator('.status')).toHaveText(/レッスン完了/);
      // the real-world note of the last step, in Japanese; Xen is a name
      await expect(panel.locator('.real')).toContainText('Xenはかつて');
      expect(await englishInLesson(page, '[data-view=lesson]')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll').toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/lesson-ja-${shot}-end.png` });
      expect(lab.errors).toEqual([]);
    });
  }
}

test('a presenter walks lesson flip in Japanese, the question for the room in Japanese, to the end', async ({ lab }) => {
  test.setTimeout(180_000);
  const { page } = lab;
  const caption = page.locator('.presenter-step h2');
  const question = page.getByRole('dialog', { name: '教室への質問' });
  const status = page.getByTestId('timeline-status');
  const end = page.locator('.presenter-end');
  /** What a click changes: the timeline, the question on the stage, the end. */
  const seen = async () => `${await status.textContent()} | ${(await question.count()) ? await question.textContent() : ''} | ${await end.count()}`;
  const played = () => expect(status).toHaveText(/イベント (\d+) \/ \1$/);
  const click = async () => {
    const before = await seen();
    await page.keyboard.press('PageDown');
    await expect.poll(seen, 'a click changes what the room sees').not.toBe(before);
  };
  for (const theme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await useTheme(page, theme);
    await lab.open('./?present&lesson=flip&lang=ja');
    await expect(caption).toContainText('レッスン4 ステップ1/6:');
    await expect(caption).toContainText('S101-S102: チャネルを求める');
    await expect(page.locator('.presenter-text.current')).toContainText('A（クライアント）が制御OSに、B（サーバ）へのメッセージチャネルを要求する [0061]。');
    const captions: string[] = [];
    let asked = false;
    for (let clicks = 0; clicks < 20 && (await end.count()) === 0; clicks++) {
      await click();
      if ((await end.count()) > 0) break;
      if ((await question.count()) > 0) {
        // step 4 asks before it plays; the next click plays it with the question up, the one after answers
        await expect(caption).toContainText('S107: フリップ');
        await expect(question).toContainText('いま、メッセージのフレームを所有しているのは誰か？');
        await expect(question).toContainText('「次へ」でステップを表示する。');
        await page.screenshot({ path: `test-results/lesson-ja-presenter-${theme}-question.png` });
        await click();
        await played();
        await expect(question).toContainText('「次へ」で答えを表示する。');
        await click();
        await expect(question).toContainText('B。フレームの所有者が変わり、Aにはもうそのフレームへのマッピングがない。');
        await page.screenshot({ path: `test-results/lesson-ja-presenter-${theme}-answer.png` });
        asked = true;
      } else await played();
      captions.push((await caption.textContent()) ?? '');
    }
    expect(asked, 'the question for the room was asked').toBe(true);
    await expect(end).toHaveText('レッスンの終わり。');
    expect([...new Set(captions)]).toEqual([
      'レッスン4 ステップ1/6: S101-S102: チャネルを求める', 'レッスン4 ステップ2/6: S103-S104: 許可', 'レッスン4 ステップ3/6: S105-S106: メッセージ領域',
      'レッスン4 ステップ4/6: S107: フリップ', 'レッスン4 ステップ5/6: S108-S109: 読んで破棄する', 'レッスン4 ステップ6/6: S110-S112: 閉じる',
    ]);
    expect(await englishInLesson(page, '.presenter-step')).toEqual([]);
    await page.screenshot({ path: `test-results/lesson-ja-presenter-${theme}-end.png` });
  }
  expect(lab.errors).toEqual([]);
});
