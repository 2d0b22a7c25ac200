// Exercises and homework in Japanese (issue 23): with ?lang=ja a generated
// exercise's question, answer and why in the lesson panel, the homework
// panel's exercise task and the terminal's note on a task's fresh lab read in
// Japanese, the script as the command language; a student who answers in
// Japanese hands in, and `lparsh --grade` counts the answer right.
// Screenshots at 1366x768 (light and dark) and 390x844, DPR 1.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { LabPage } from './labPage.ts';
import { generateExercise, variantSeed } from '../src/engine/index.ts';
import { englishIn } from '../src/i18n/englishIn.ts';

test.use({ deviceScaleFactor: 1, reducedMotion: 'reduce' });

/** The Japanese question of an owner exercise about area `area` (the catalog's own words are checked against the engine in src/i18n/exerciseWords.test.ts). */
const ownerQuestion = (area: string) => `これらの呼び出しの後、A が ${area} として確保した領域のフレームを持っているのはどれでしょう？ A、B、空きメモリのどれですか？`;
const areaOf = (question: string) => question.match(/reserved as (a\d+):/)![1]!;

/** Open the lab as LabPage.open does, with time for a machine shared by many test runs. */
async function open(lab: LabPage, path: string): Promise<void> {
  await lab.page.goto(path);
  await expect(lab.page.getByRole('heading', { level: 1, name: 'lparlab' })).toBeAttached({ timeout: 60_000 });
  await expect.poll(() => lab.terminalText(), { timeout: 60_000 }).toContain('scp$');
}

/** The English words in what a panel shows, its script (the command language, in <code>) and its typed answer aside. */
async function englishOn(page: Page, selector: string, typed: string): Promise<string[]> {
  const text = await page.locator(selector).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('code, input, .xterm')) code.remove();
    // line by line, as the reader sees them
    return [...copy.querySelectorAll('h3, h4, p, label, button, li')].map((e) => e.childElementCount === 0 || e.tagName === 'P' ? e.textContent ?? '' : '').join('\n');
  });
  return text.split('\n').flatMap((line) => englishIn(line, typed));
}

test('an exercise in the lesson panel reads in Japanese: question, answer and why, the script as it is; 1366x768 light and dark, and a phone', async ({ lab }) => {
  test.setTimeout(300_000);
  const { page } = lab;
  for (const [width, height, theme] of [[1366, 768, 'light'], [1366, 768, 'dark'], [390, 844, 'light']] as const) {
    await page.setViewportSize({ width, height });
    // the reader's saved theme, as the theme button keeps it (src/ui/app/prefs.ts); the last script added runs last
    await page.addInitScript((t) => window.localStorage.setItem('lparlab.theme', t), theme);
    await open(lab, './?lang=ja');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.getByRole('button', { name: 'レッスン', exact: true }).click();
    const panel = page.locator('[data-view=lesson]');
    const menu = panel.locator('.menu');
    await menu.getByLabel('種類').selectOption('owner');
    await menu.getByLabel('シード').fill('23');
    await menu.getByRole('button', { name: '作る', exact: true }).click();
    const e = generateExercise('owner', 23);
    await expect(panel.getByTestId('exercise-question')).toHaveText(ownerQuestion('a3'));
    await expect(panel.locator('ol.script code')).toHaveText([...e.script]);
    await panel.getByRole('button', { name: '答えを見る' }).click();
    await expect(panel.locator('.answer')).toHaveText('答え：空きメモリ。 a3 は一度も送られず、A が解放しました。そのフレームは空きメモリに戻りました（ラボの free、lab:free。S109 は受け手による破棄です）。（3 個の領域のうち 1 個が送られました。）');
    expect(await englishOn(page, '[data-view=lesson] .lesson', e.script.join('\n'))).toEqual([]);
    await page.screenshot({ path: `test-results/exercise-ja-${width}x${height}-${theme}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll').toBeLessThanOrEqual(0);
    // another one, in Japanese too
    await panel.getByRole('button', { name: '別の問題' }).click();
    await expect(panel.getByTestId('exercise-question')).toHaveText(ownerQuestion(areaOf(generateExercise('owner', 24).question)));
  }
  expect(lab.errors).toEqual([]);
});

const ASSIGNMENT = {
  format: 'lparlab-assignment', version: 1, id: 'week-6', title: '第6週', instructions: '練習問題に答えて提出してください。', seed: 11, tasks: [{ lesson: 'flip' }, { exercise: 'owner' }],
};

test('a homework exercise in Japanese: the question, the fresh lab\'s note, an answer in Japanese that lparsh --grade counts right', async ({ lab }) => {
  test.setTimeout(300_000);
  const { page } = lab;
  await page.setViewportSize({ width: 1366, height: 768 });
  // a student whose variant's answer is free memory, so the answer is words, not a name
  const student = Array.from({ length: 300 }, (_, i) => `st${i}`).find((s) => generateExercise('owner', variantSeed(ASSIGNMENT, s, 1)).answer === 'free memory')!;
  const variant = variantSeed(ASSIGNMENT, student, 1);
  const text = JSON.stringify(ASSIGNMENT);
  await open(lab, `./?lang=ja#assignment=${deflateRawSync(Buffer.from(text)).toString('base64url')}`);
  const homework = page.locator('[data-view=homework]');
  await expect(homework.getByTestId('assignment-title')).toHaveText('第6週');
  await homework.getByLabel('名前または学籍番号').fill(student);
  await homework.getByRole('button', { name: '始める' }).click();

  // the lesson task's fresh lab, said in the terminal in Japanese (the task's name is the command that opens it)
  await homework.getByTestId('task-1').getByRole('button').click();
  await expect.poll(() => lab.terminalText()).toContain('（宿題のタスク 1（lesson flip）のための新しいラボ）');
  await lab.type('@A ch = connect(B)');
  await page.getByRole('region', { name: '宿題のタスク' }).getByRole('button', { name: '課題に戻る' }).click();
  await homework.getByTestId('task-1').getByRole('button').click();
  await expect.poll(() => lab.terminalText()).toContain('（宿題のタスク 1（lesson flip）のための新しいラボ。あなたが打った 1 行をもう一度実行しました）');
  await page.getByRole('region', { name: '宿題のタスク' }).getByRole('button', { name: '課題に戻る' }).click();

  await homework.getByTestId('task-2').getByRole('button').click();
  await expect(homework.getByTestId('variant')).toHaveText(`バリエーション ${variant}`);
  const e = generateExercise('owner', variant);
  await expect(homework.getByTestId('exercise-question')).toHaveText(ownerQuestion(areaOf(e.question)));
  await homework.getByLabel('あなたの答え').fill('空きメモリ');
  await expect(homework.getByTestId('task-2-status')).toHaveText('回答済み');
  expect(await englishOn(page, '[data-view=homework] .homework-exercise', e.script.join('\n'))).toEqual([]);
  await page.screenshot({ path: 'test-results/homework-exercise-ja-1366x768-light.png' });

  const dir = mkdtempSync(join(tmpdir(), 'lparlab-exercise-ja-'));
  const [download] = await Promise.all([page.waitForEvent('download'), homework.getByRole('button', { name: '提出する', exact: true }).click()]);
  const handIn = join(dir, download.suggestedFilename());
  await download.saveAs(handIn);
  const handed = JSON.parse(readFileSync(handIn, 'utf8')) as { tasks: { task: number; answer?: string; claimed?: { solved: boolean } }[] };
  // the page's own verdict takes the Japanese answer as the grader does
  expect(handed.tasks.find((t) => t.task === 1)).toMatchObject({ answer: '空きメモリ', claimed: { solved: true } });
  const assignmentPath = join(dir, 'week-6.assignment.json');
  writeFileSync(assignmentPath, text);
  const csvPath = join(dir, 'grades.csv');
  execFileSync(process.execPath, ['bin/lparsh.mjs', '--grade', assignmentPath, handIn, '--csv', csvPath], { encoding: 'utf8' });
  const rows = readFileSync(csvPath, 'utf8').trim().split('\r\n');
  expect(rows[2]).toMatch(new RegExp(`^${student},2: exercise owner,${variant},yes,1/1,`));
  expect(lab.errors).toEqual([]);
});
