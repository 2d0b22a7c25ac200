// The guard of issue 23's "no English left when Japanese is chosen": with
// ?lang=ja the page is walked through lesson flip typed in the terminal
// (`lesson flip` and its first step's lines), the lesson builder, and the Memory view at 1,048,576 frames (buckets, one
// pointed at). At each stop every word the reader sees (the page's
// innerText and the terminal's buffer) is checked with englishIn, the unit
// tests' rule: only the command language may stay as it is (call names,
// constants such as SOCK_SEQPACKET, errno names, the patent's tags, numbers,
// and the lines typed). Screenshots at 1366x768, DPR 1, are looked at.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { useTheme, type LabPage } from './labPage.ts';
import { findLesson, solutionOf } from '../src/engine/index.ts';
import { englishIn } from '../src/i18n/englishIn.ts';

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1, viewport: { width: 1366, height: 768 } });

const flip = findLesson('flip')!;
/** The lines lesson flip has a student type, and its id: the command language the page shows back. */
const FLIP_LINES = flip.steps.flatMap((s) => [...s.type, ...solutionOf(s), ...s.hints.filter((h) => /^[@\w]+.*[(=]/.test(h))]);
/**
 * What reads the same in every language beyond englishIn's own list: the
 * lines typed and the lesson's id, the lab's name, the page's key names
 * (Tab, Enter, Esc, Shift), the units a reader reads in any language, the
 * names of code the Sockets view shows (fd_table, the standard streams), RAM
 * (read as it is in Japanese, like the Machine view's DRAM) and the language
 * menu's English, named in its own language.
 */
const COMMAND_LANGUAGE = [...FLIP_LINES, 'flip', 'lparlab', 'Tab', 'Enter', 'Esc', 'Shift', 'KiB', 'SVG', 'PNG', 'GIF', 'WebM', 'JSON', 'HTML', 'PDF', 'px',
  'fd_table', 'stdin', 'stdout', 'stderr', 'RAM', 'English'].join(' ');

/** Every line the reader sees now, the page's and the terminal's, with the English words englishIn finds in it. */
async function englishOnPage(lab: LabPage, typed: readonly string[] = []): Promise<string[]> {
  const text = await lab.page.evaluate(() => document.body.innerText);
  const terminal = await lab.terminalText();
  const own = [COMMAND_LANGUAGE, ...typed].join(' ');
  const lines = [...text.split('\n'), ...terminal.split('\n')].map((l) => l.trim()).filter((l) => l !== '');
  return [...new Set(lines.flatMap((l) => englishIn(l, own).map((w) => `${w}  <-  ${l.slice(0, 120)}`)))];
}

async function inJapanese(lab: LabPage, path: string): Promise<Page> {
  // not lab.open: a shared lab's terminal may end in another context's prompt than scp's
  await lab.page.goto(path);
  await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
  await expect(lab.page.getByRole('button', { name: 'レッスン', exact: true })).toBeVisible();
  return lab.page;
}

test('lesson flip from the terminal reads in Japanese, its listing and notes included', async ({ lab }) => {
  test.setTimeout(180_000);
  const page = await inJapanese(lab, './?lang=ja');
  await lab.type('lesson flip');
  const panel = page.locator('[data-view=lesson]');
  await expect(panel.locator('h3').first()).toContainText('レッスン 4');
  // the terminal's listing of the lesson: its title and steps in Japanese, its lines as typed
  await expect.poll(() => lab.terminalText()).toContain('レッスン4: ');
  await expect.poll(() => lab.terminalText()).toContain('のためのまっさらなラボ');
  for (const line of flip.steps[0]!.type) await lab.type(line);
  await expect(panel.locator('.status')).toHaveText(/ステップ達成/);
  await page.screenshot({ path: 'test-results/no-english-ja-flip.png' });
  expect(await englishOnPage(lab, ['lesson flip'])).toEqual([]);
});

test('the lesson builder reads in Japanese, its notes in the terminal too', async ({ lab }) => {
  test.setTimeout(120_000);
  const page = await inJapanese(lab, './?lang=ja');
  await page.getByRole('button', { name: 'レッスン', exact: true }).click();
  await page.getByRole('button', { name: 'レッスンを作る' }).click();
  await expect.poll(() => lab.terminalText()).toContain('新しいレッスンのためのまっさらなラボ');
  await lab.type('@A a = area(4096)');
  await expect(page.locator('[data-view=lesson]').getByRole('list')).not.toHaveCount(0);
  await page.screenshot({ path: 'test-results/no-english-ja-builder.png' });
  expect(await englishOnPage(lab, ['@A a = area(4096)'])).toEqual([]);
});

test('the Memory view at 1,048,576 frames reads in Japanese, a bucket pointed at included', async ({ lab }) => {
  test.setTimeout(120_000);
  const page = await inJapanese(lab, './?lang=ja&frames=1048576');
  const inspect = page.locator('.mem-inspect');
  await expect(inspect).toContainText('1つのセルは複数のフレームのまとまり');
  // the first bucket, reached from the keyboard as a reader of a screen reader would
  await page.locator('rect.mem-hit').focus();
  await expect(inspect).toContainText(/^フレーム 0〜[\d,]+: /);
  await expect(inspect).toContainText('制御OS');
  await page.screenshot({ path: 'test-results/no-english-ja-buckets.png' });
  expect(await englishOnPage(lab)).toEqual([]);
});

/**
 * Issue 23: what the page says of a bad link or of storage, opened with
 * ?lang=ja. Each address is opened on a fresh page, and the banner it shows
 * must hold no English but what the address itself carried (a lesson's
 * name) and the units every language writes.
 */
const BAD_ADDRESSES: readonly [string, string, string][] = [
  ['a share link whose machine cannot be built', './?lang=ja#v=1&seed=1&groups=1&lines=', ''],
  ['a share link whose commands are damaged', './?lang=ja#v=1&seed=1&lines=AAAAAAAAAAAAAAAA_w', ''],
  ['a share link with an unknown way of showing tags', './?lang=ja#v=1&seed=1&tags=paragraphs&lines=', 'patent steps none paragraphs'],
  ['?frames out of range', './?lang=ja&frames=5', ''],
  ['?tags unknown', './?lang=ja&tags=all', 'patent steps none all'],
  ['?lesson unknown', './?lang=ja&lesson=nope', 'nope'],
  ['?step out of range', './?lang=ja&lesson=flip&step=0', ''],
  ['an assignment link that is damaged', './?lang=ja#assignment=%25%25%25', ''],
  ['a lesson link that is damaged', './?lang=ja#lessonfile=AAAAAAAAAAAAAAAA_w', ''],
];

test('a bad link of every kind is refused in Japanese', async ({ lab }) => {
  test.setTimeout(240_000);
  const said: string[] = [];
  for (const [what, address, kept] of BAD_ADDRESSES) {
    await lab.page.goto('about:blank');
    const page = await inJapanese(lab, address);
    const banner = page.getByTestId('banner');
    await expect(banner, what).toBeVisible();
    const text = await banner.locator('span').first().innerText();
    said.push(...englishIn(text, `${COMMAND_LANGUAGE} ${kept}`).map((w) => `${w}  <-  ${what}: ${text}`));
    // 閉じる has no space to break at: a long sentence beside it once squeezed it onto two lines
    const buttonLines = await banner.getByRole('button').evaluate((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(buttonLines, `${what}: the dismiss button's lines`).toBe(1);
    if (what.startsWith('a share link whose machine')) await page.screenshot({ path: 'test-results/no-english-ja-bad-link.png' });
  }
  expect(said).toEqual([]);
});

test('stored progress that cannot be read, and storage that refuses it, are told in Japanese', async ({ lab }) => {
  test.setTimeout(120_000);
  // progress of a lesson this lab does not have, stored before the page opens; then every write refused as a full storage
  await lab.page.addInitScript(() => {
    localStorage.setItem('lparlab.progress', JSON.stringify({ format: 'lparlab-progress', version: 1, lessons: { 'next-year': [1] }, challenges: [] }));
    const refuse = () => { throw new DOMException('full', 'QuotaExceededError'); };
    Storage.prototype.setItem = refuse;
  });
  const page = await inJapanese(lab, './?lang=ja&lesson=flip');
  const setAside = page.getByTestId('set-aside-banner');
  await expect(setAside).toBeVisible();
  // a step passed: its save is refused
  for (const line of flip.steps[0]!.type) await lab.type(line);
  const storage = page.getByTestId('storage-banner');
  await expect(storage).toBeVisible();
  await page.screenshot({ path: 'test-results/no-english-ja-storage.png' });
  const own = `${COMMAND_LANGUAGE} next-year lparlab.progress.unreadable`;
  const texts = [await setAside.locator('span').first().innerText(), await storage.locator('span').first().innerText()];
  expect(texts.flatMap((t) => englishIn(t, own).map((w) => `${w}  <-  ${t}`))).toEqual([]);
});

/** The terminal's screen rows as drawn (a row the terminal wrapped is two rows here). */
const screenRows = (page: Page) => page.locator('.terminal-view .xterm-rows > div').allTextContents().then((rows) => rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()));

for (const theme of ['light', 'dark'] as const) {
  test(`the lpars table fits the terminal in Japanese at 1366x768 (${theme})`, async ({ lab }) => {
    test.setTimeout(120_000);
    await useTheme(lab.page, theme);
    const page = await inJapanese(lab, './?lang=ja');
    // after a refused call, as a first session meets it; a call still waiting would write its name in 待ち, which wraps in English too
    await lab.type('@A ch = connect(7)');
    await lab.type('lpars');
    await expect.poll(async () => (await screenRows(page)).some((r) => r.includes('スーパバイザ'))).toBe(true);
    const rows = await screenRows(page);
    // each row of the table on one screen row: the header to its last column, each partition to its waiting call or dash
    expect(rows.some((r) => /^ID +名前 +モード +状態 +フレーム +CPU +メモリ +ポート +待ち$/.test(r)), rows.join('\n')).toBe(true);
    expect(rows.filter((r) => /^[23] +[AB] +スーパバイザ +稼働中 +32 +2 +\S+ +\S+ +\S+$/.test(r)), rows.join('\n')).toHaveLength(2);
    await page.screenshot({ path: `test-results/ja-lpars-1366-${theme}.png` });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `test-results/ja-lpars-1920-${theme}.png` });
  });
}
