// The page's terminal in the reader's language (issue 23): with ?lang=ja a
// typed line's error, `help` and `lpars` print Japanese, the table's columns
// lined up in terminal cells; the screen reader's log of results says the
// same; in English nothing changed; a switch applies to the lines after it.

import { expect, test } from './fixtures.ts';
import type { LabPage } from './labPage.ts';

/** The terminal's lines from the one that starts with `echo` (a typed line after its prompt) to the next prompt. */
async function outputOf(lab: LabPage, echo: string): Promise<string[]> {
  const lines = (await lab.terminalText()).split('\n');
  const at = lines.map((l) => l.endsWith(echo)).lastIndexOf(true);
  const end = lines.findIndex((l, i) => i > at && /^\S+\$( |$)/.test(l));
  return lines.slice(at + 1, end < 0 ? undefined : end);
}

/** The cell each column of a row starts at, counting a wide (Japanese) character as two, as the terminal draws it. */
const starts = (line: string): number[] => {
  const cells: number[] = [];
  let col = 0;
  let before = ' ';
  for (const c of line) {
    if (before === ' ' && c !== ' ') cells.push(col);
    col += /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1;
    before = c;
  }
  return cells;
};

test('with ?lang=ja the terminal prints errors, help and lpars in Japanese, the columns lined up; screenshots at 1366x768 and 390x844', async ({ lab }) => {
  for (const [width, height, name] of [[1366, 768, 'desktop'], [390, 844, 'phone']] as const) {
    await lab.page.setViewportSize({ width, height });
    await lab.open('./?lang=ja');
    // a phone shows the terminal behind its tab
    if (name === 'phone') await lab.page.getByRole('tab', { name: 'ターミナル' }).click();
    await lab.type('sned(ch)');
    await expect.poll(() => outputOf(lab, 'sned(ch)')).toEqual([expect.stringMatching(/^= -1 ENOENT: 呼び出し sned\(\) はありません/)]);
    // the screen reader hears the same words
    await expect(lab.page.getByRole('log').filter({ hasText: 'ENOENT' })).toContainText('呼び出し sned() はありません');
    await lab.type('help');
    await expect.poll(async () => (await outputOf(lab, 'help'))[0]).toMatch(/システム制御プログラム/);
    expect((await outputOf(lab, 'help')).join('\n')).toContain('人のためのコマンド');
    await lab.type('lpars');
    await expect.poll(async () => (await outputOf(lab, 'lpars'))[0]).toMatch(/^ID 名前 モード +状態 +フレーム/);
    const table = await outputOf(lab, 'lpars');
    expect(table.join('\n')).toContain('スーパバイザ');
    // a cell of Japanese reads back whole, wherever its row wrapped
    expect(table.filter((row) => /^\d /.test(row)).every((row) => row.includes('稼働中')), table.join('\n')).toBe(true);
    if (name === 'desktop') {
      // each column starts where its header does (the first six: a row wider than the pane wraps
      // between columns, and reads back with one space for the blanks that ended its row)
      for (const row of table.slice(1, 4)) expect(starts(row).slice(0, 6), row).toEqual(starts(table[0]!).slice(0, 6));
    }
    await lab.page.evaluate(() => document.fonts.ready);
    await lab.page.screenshot({ path: `test-results/terminal-ja-${name}.png` });
  }
});

test('in English the terminal prints what it always printed', async ({ lab }) => {
  await lab.open();
  await lab.type('sned(ch)');
  await expect.poll(() => outputOf(lab, 'sned(ch)')).toEqual(['= -1 ENOENT: unknown call sned(); did you mean seed? (help lists the calls)']);
  await expect(lab.page.getByRole('log').filter({ hasText: 'ENOENT' })).toContainText('unknown call sned()');
  await lab.type('help');
  await expect.poll(async () => (await outputOf(lab, 'help'))[0]).toBe('In the system control program (scp, problem mode) you can call:');
  await lab.type('lpars');
  await expect.poll(async () => (await outputOf(lab, 'lpars'))[0]).toBe('id name mode     state  frames cpus mem   ports wait');
  // a row wider than the pane wraps at a space, and reads back with one space for the blanks that ended its row
  expect((await outputOf(lab, 'lpars'))[1]).toMatch(/^1 {2}scp {2}problem {2}active 16 {5}1 {4}0\/∞ +1\/∞ +-$/);
});

test('switching the language changes the lines printed after it, not those before', async ({ lab }) => {
  await lab.open();
  await lab.type('lpars');
  await expect.poll(async () => (await outputOf(lab, 'lpars'))[0]).toMatch(/^id name mode/);
  await lab.page.getByTestId('language').selectOption('ja');
  await expect(lab.page.getByRole('button', { name: 'レッスン' })).toBeVisible();
  await lab.type('ps');
  await expect.poll(async () => (await outputOf(lab, 'ps'))[0]).toMatch(/^scp +システム制御プログラム +実行中$/);
  // the English table above stays as it was printed
  expect(await lab.terminalText()).toContain('id name mode     state  frames cpus mem   ports wait');
});
