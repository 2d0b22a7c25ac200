// Homework that grades itself (issue 20 §2), the whole journey in Chromium: a
// teacher makes an assignment of three tasks in the page and copies its link;
// two students open it with their own ids, get their own exercise numbers,
// solve the tasks in their own names and hand in; a third stops half way, and
// a fourth hand-in is the third's edited to claim success. `lparsh --grade`
// grades all four files the pages downloaded, by replay.

import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';
import { generateExercise } from '../src/engine/index.ts';

const DESKTOP = { width: 1366, height: 768 };

/** A student's page: a fresh browser context (their own storage), the link opened. */
async function studentPage(browser: Browser, link: string): Promise<{ lab: LabPage; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  const lab = new LabPage(page);
  await lab.open(link.replace(/^https?:\/\/[^/]+\//, './'));
  await expect(page.getByTestId('assignment-title')).toHaveText('Week 5: flipping pages');
  return { lab, page, close: async () => { expect(lab.errors).toEqual([]); await context.close(); } };
}

async function signIn(page: Page, id: string): Promise<void> {
  await page.getByLabel('Your name or student id').fill(id);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('student-id')).toHaveText(id.toLowerCase());
}

/** Work a lesson or challenge task: start it, type the lines, see the page's own verdict, go back. */
async function workTask(lab: LabPage, n: number, lines: readonly string[], status: string): Promise<void> {
  await lab.page.getByRole('button', { name: new RegExp(`^(Start|Continue) task ${n}$`) }).click();
  await expect(lab.page.getByRole('region', { name: 'homework task' })).toContainText(`Homework task ${n} of 3`);
  await lab.typeAll(lines);
  await expect(lab.page.getByTestId('strip-status')).toHaveText(status);
  await lab.page.getByRole('button', { name: 'Back to the assignment' }).click();
  await expect(lab.page.getByTestId(`task-${n}-status`)).toHaveText(status);
}

/** Open the exercise task, read the student's variant, and answer it (worked out here from the variant, as the student would in the lab). */
async function answerExercise(page: Page): Promise<number> {
  await page.getByRole('button', { name: /^(Start|Continue) task 3$/ }).click();
  const variant = Number((await page.getByTestId('variant').textContent())!.replace(/\D/g, ''));
  const exercise = generateExercise('owner', variant);
  await expect(page.getByTestId('exercise-question')).toHaveText(exercise.question);
  await page.getByLabel('Your answer').fill(exercise.answer);
  await expect(page.getByTestId('task-3-status')).toHaveText('answered');
  return variant;
}

async function handIn(page: Page, dir: string): Promise<{ path: string; code: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hand in', exact: true }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const code = await page.getByTestId('handin-code').inputValue();
  return { path, code };
}

test('a teacher makes an assignment, students hand in, and lparsh --grade grades the hand-ins by replay', async ({ lab, browser }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'lparlab-homework-'));

  // the teacher
  await lab.page.setViewportSize(DESKTOP);
  await lab.open();
  await lab.page.getByRole('button', { name: 'Homework' }).click();
  await lab.page.getByRole('button', { name: 'Make an assignment' }).click();
  const maker = lab.page.locator('[data-view=homework]');
  await maker.getByLabel('Title').fill('Week 5: flipping pages');
  await maker.getByLabel('Instructions').fill('Work lesson 4, then the squeeze, then the exercise.\n\nHand in the file the lab writes.');
  await maker.getByLabel('Due (optional)').fill('Friday 12 December, 23:59');
  await maker.getByLabel('Seed').fill('2026');
  for (const task of ['lesson:flip', 'challenge:squeeze', 'exercise:owner']) {
    await maker.getByLabel('Task to add').selectOption(task);
    await maker.getByRole('button', { name: 'Add the task' }).click();
  }
  await expect(maker.getByTestId('assignment-id')).toContainText('week-5-flipping-pages');
  await lab.page.screenshot({ path: 'test-results/homework-maker-1366x768.png' });
  const [file] = await Promise.all([lab.page.waitForEvent('download'), maker.getByRole('button', { name: 'Export the file' }).click()]);
  expect(file.suggestedFilename()).toBe('week-5-flipping-pages.assignment.json');
  const assignmentPath = join(dir, file.suggestedFilename());
  await file.saveAs(assignmentPath);
  await maker.getByRole('button', { name: 'Copy the link' }).click();
  const link = await maker.getByTestId('assignment-link').inputValue();
  expect(link).toMatch(/#assignment=[A-Za-z0-9_-]+$/);

  // Ann, in her own names
  const ann = await studentPage(browser, link);
  await expect(ann.page.getByText('Due: Friday 12 December, 23:59')).toBeVisible();
  await signIn(ann.page, 'Ann');
  await expect(ann.page.getByTestId('task-1-status')).toHaveText('not started');
  await workTask(ann.lab, 1, ['@A link = connect(B)', '@B s = signal()', '@B other = permit(s)'], 'steps met: 2 of 6');
  // the work survives a reload, and Continue replays it on a fresh lab
  await ann.page.reload();
  await expect(ann.page.getByTestId('task-1-status')).toHaveText('steps met: 2 of 6');
  await workTask(ann.lab, 1, ['@A msg = area(4096)', '@A poke(msg, "hello")', '@A send(link, msg, "hi")', '@B got = recv(other)', '@B peek(got.addr, 5)', '@B free(got.addr)', '@B close(other)', '@A close(link)'], 'solved');
  await workTask(ann.lab, 2, ['policy(mem, 30)', '@A request(mem, 64)'], 'solved');
  const annVariant = await answerExercise(ann.page);
  await ann.page.screenshot({ path: 'test-results/homework-student-1366x768.png' });
  const annHandIn = await handIn(ann.page, dir);
  expect(annHandIn.path).toMatch(/ann\.week-5-flipping-pages\.lparlab\.json$/);
  expect(annHandIn.code).toMatch(/^lparlab-handin:1:[A-Za-z0-9_-]+$/);
  await ann.close();

  // Bob: other names again, another ceiling request, his own variant
  const bob = await studentPage(browser, link);
  await signIn(bob.page, 'bob');
  await workTask(bob.lab, 1, ['@A pipe = connect(B)', '@B sg = signal()', '@B rx = permit(sg)', '@A buf = area(4096)', '@A poke(buf, "hello")', '@A send(pipe, buf, "yo")', '@B m = recv(rx)', '@B peek(m.addr, 5)', '@B free(m.addr)', '@B close(rx)', '@A close(pipe)'], 'solved');
  await workTask(bob.lab, 2, ['policy(mem, 30)', '@B request(mem, 100)'], 'solved');
  const bobVariant = await answerExercise(bob.page);
  expect(bobVariant).not.toBe(annVariant);
  const bobHandIn = await handIn(bob.page, dir);
  await bob.close();

  // Carol stops half way (and backs out of a line: only the lines of the branch count)
  const carol = await studentPage(browser, link);
  await signIn(carol.page, 'carol');
  await carol.page.getByRole('button', { name: 'Start task 1' }).click();
  await carol.lab.typeAll(['@A c = connect(B)', '@B z = signal()', '@B junk = area(4096)', 'back', '@B q = permit(z)']);
  await expect(carol.page.getByTestId('strip-status')).toHaveText('steps met: 2 of 6');
  await carol.page.getByRole('button', { name: 'Back to the assignment' }).click();
  const carolHandIn = await handIn(carol.page, dir);
  await carol.close();
  const carolFile = JSON.parse(readFileSync(carolHandIn.path, 'utf8')) as { student: string; tasks: { lines: string[]; claimed: unknown }[] };
  expect(carolFile.tasks[0]!.lines).toEqual(['@A c = connect(B)', '@B z = signal()', '@B q = permit(z)']);

  // Dan hands in Carol's work edited to claim the lesson solved
  const danPath = join(dir, 'dan.week-5-flipping-pages.lparlab.json');
  writeFileSync(danPath, JSON.stringify({ ...carolFile, student: 'dan', tasks: [{ ...carolFile.tasks[0], claimed: { solved: true, stepsMet: 6 } }] }));

  const csvPath = join(dir, 'grades.csv');
  const printed = execFileSync(process.execPath, ['bin/lparsh.mjs', '--grade', assignmentPath, annHandIn.path, bobHandIn.path, carolHandIn.path, danPath, '--csv', csvPath], { encoding: 'utf8' });
  expect(printed).toContain('4 hand-ins, 4 graded by replay');
  const rows = readFileSync(csvPath, 'utf8').trim().split('\r\n');
  expect(rows).toEqual([
    'student,task,variant,solved,steps met,lines,first error,same lines as,claimed,note,file',
    'ann,1: lesson flip,,yes,6/6,11,,,"solved, 6 steps",,ann.week-5-flipping-pages.lparlab.json',
    'ann,2: challenge squeeze,,yes,1/1,2,,,"solved, 1 step",,ann.week-5-flipping-pages.lparlab.json',
    `ann,3: exercise owner,${annVariant},yes,1/1,0,,,"solved, 1 step",,ann.week-5-flipping-pages.lparlab.json`,
    'bob,1: lesson flip,,yes,6/6,11,,,"solved, 6 steps",,bob.week-5-flipping-pages.lparlab.json',
    'bob,2: challenge squeeze,,yes,1/1,2,,,"solved, 1 step",,bob.week-5-flipping-pages.lparlab.json',
    `bob,3: exercise owner,${bobVariant},yes,1/1,0,,,"solved, 1 step",,bob.week-5-flipping-pages.lparlab.json`,
    'carol,1: lesson flip,,no,2/6,3,,dan,"not solved, 2 steps",,carol.week-5-flipping-pages.lparlab.json',
    'carol,2: challenge squeeze,,no,0/1,0,,,,not handed in,carol.week-5-flipping-pages.lparlab.json',
    expect.stringMatching(/^carol,3: exercise owner,\d+,no,0\/1,0,,,,not handed in,carol/),
    'dan,1: lesson flip,,no,2/6,3,,carol,"solved, 6 steps",,dan.week-5-flipping-pages.lparlab.json',
    'dan,2: challenge squeeze,,no,0/1,0,,,,not handed in,dan.week-5-flipping-pages.lparlab.json',
    expect.stringMatching(/^dan,3: exercise owner,\d+,no,0\/1,0,,,,not handed in,dan/),
  ]);

  // the copyable code is a hand-in the grader takes too: the same rows as Ann's file
  const codePath = join(dir, 'ann-code.txt');
  writeFileSync(codePath, annHandIn.code);
  execFileSync(process.execPath, ['bin/lparsh.mjs', '--grade', assignmentPath, codePath, '--csv', join(dir, 'code.csv')], { encoding: 'utf8' });
  expect(readFileSync(join(dir, 'code.csv'), 'utf8').replaceAll('ann-code.txt', 'ann.week-5-flipping-pages.lparlab.json').trim().split('\r\n')).toEqual(rows.slice(0, 4));
});

/** A link carrying `text` as an assignment, as the maker writes it. */
const assignmentLink = (text: string) => `./#assignment=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
const SMALL = JSON.stringify({
  format: 'lparlab-assignment', version: 1, id: 'quiz', title: 'A small quiz', instructions: 'One exercise.', seed: 7, tasks: [{ exercise: 'select' }, { challenge: 'squeeze' }],
});

test('a bad assignment link or file says why and leaves the open assignment as it was', async ({ lab }) => {
  await lab.open(assignmentLink(SMALL));
  await expect(lab.page.getByTestId('assignment-title')).toHaveText('A small quiz');
  const banner = lab.page.getByTestId('banner');
  // damaged, refused by the validator (the field named), and inflating past the limit
  const refused = JSON.stringify({ ...JSON.parse(SMALL), id: 'other', title: 'Other', tasks: [{ exercise: 'nope' }] });
  for (const [fragment, message] of [
    ['assignment=!!!', /The assignment in this link is damaged \(not base64url\)\. No assignment was opened\./],
    [assignmentLink(refused).slice(3), /cannot be used as an assignment: tasks\[0\]\.exercise must be one of owner, select/],
    [`assignment=${deflateRawSync(Buffer.alloc(2_000_000, 32)).toString('base64url')}`, /unpacks to more than 256 KiB/],
  ] as const) {
    await lab.page.evaluate((f) => { location.hash = f; }, fragment);
    await expect(banner).toContainText(message);
    await expect(lab.page.getByTestId('assignment-title')).toHaveText('A small quiz');
    await banner.getByRole('button', { name: 'dismiss the message' }).click();
  }
  // a file that is not an assignment
  await lab.page.getByTestId('assignment-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "lparlab-lesson"}') });
  await expect(banner).toContainText(/This file cannot be used as an assignment: .*format must be "lparlab-assignment"/);
  await expect(lab.page.getByTestId('assignment-title')).toHaveText('A small quiz');
  expect(lab.errors).toEqual([]);
});

test("the page's keys do nothing while a student types their id or an answer", async ({ lab }) => {
  await lab.page.setViewportSize(DESKTOP);
  // every event shown at once: the timeline stands still unless a key moves it
  await lab.page.emulateMedia({ reducedMotion: 'reduce' });
  await lab.open(assignmentLink(SMALL));
  await lab.typeAll(['@A a = area(4096)', '@A b = area(4096)']);
  const status = lab.page.getByTestId('timeline-status');
  await expect(status).toHaveText(/event (\d+) of \1\b/);
  const before = await status.textContent();
  const id = lab.page.getByLabel('Your name or student id');
  await id.click();
  await lab.page.keyboard.type('eve');
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight', 'Home', 'End']) await lab.page.keyboard.press(key);
  await expect(id).toHaveValue('eve');
  await expect(status).toHaveText(before!);
  await lab.page.keyboard.press('Enter');
  await lab.page.getByRole('button', { name: 'Start task 1' }).click();
  await lab.typeAll(['@A a = area(4096)']);
  await expect(status).toHaveText(/event (\d+) of \1\b/);
  const during = await status.textContent();
  const answer = lab.page.getByLabel('Your answer');
  await answer.click();
  await lab.page.keyboard.type('B and A');
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowRight']) await lab.page.keyboard.press(key);
  await expect(answer).toHaveValue('B and A');
  await expect(status).toHaveText(during!);
  await expect(lab.page.getByTestId('task-1-status')).toHaveText('answered');
});

test('the homework panel on a phone and on a laptop (screenshots)', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 390, height: 844 });
  await lab.open(assignmentLink(SMALL));
  const panel = lab.page.locator('[data-view=homework]');
  await expect(panel).toBeVisible();
  await panel.getByLabel('Your name or student id').fill('Zoë');
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(panel.getByTestId('student-id')).toHaveText('zoë');
  await panel.getByRole('button', { name: 'Start task 1' }).click();
  await expect(panel.getByTestId('variant')).toBeVisible();
  // nothing of the panel is wider than the phone
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await panel.screenshot({ path: 'test-results/homework-panel-390x844.png' });
  await lab.page.setViewportSize(DESKTOP);
  await expect(panel).toBeVisible();
  await lab.page.screenshot({ path: 'test-results/homework-panel-1366x768.png' });
});

test('the homework panel and the assignment form have no serious accessibility violations', async ({ lab }) => {
  await lab.page.setViewportSize(DESKTOP);
  await lab.open(assignmentLink(SMALL));
  const panel = lab.page.locator('[data-view=homework]');
  await panel.getByLabel('Your name or student id').fill('ann');
  await panel.getByRole('button', { name: 'Start', exact: true }).click();
  await panel.getByRole('button', { name: 'Start task 1' }).click();
  await panel.getByLabel('Your answer').fill('[s0]');
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page: lab.page }).include('[data-view=homework]').analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    expect(bad, what).toEqual([]);
  };
  await check('the student side');
  await panel.getByRole('button', { name: 'Make an assignment' }).click();
  await panel.getByLabel('Title').fill('Week 6');
  await panel.getByRole('button', { name: 'Add the task' }).click();
  await check('the assignment form');
});
