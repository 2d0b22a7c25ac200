// A teacher writes a lesson in two languages with the builder (issue 23):
// adds Japanese beside English, writes each text in both, exports the file
// (version 2, with "languages"); a student opens it in a fresh page and reads
// it in English, then switches the page to Japanese and reads the Japanese.
// Screenshots of the builder's two columns at 1366x768 and 390x844.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ reducedMotion: 'reduce' });

test('a lesson made in two languages is saved, reopened, and read in the reader\'s language', async ({ lab, context }) => {
  test.setTimeout(180_000);
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: 'Make a lesson' }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  await expect(panel.getByRole('heading', { name: 'Lesson builder' })).toBeVisible();
  await panel.getByLabel('Lesson title').fill('An area, twice told');
  // the second column appears only once the teacher adds the language
  await expect(panel.getByLabel('Lesson title (日本語)')).toHaveCount(0);
  await panel.getByLabel('add a second language for the lesson\'s words').selectOption('ja');
  await expect(panel.getByLabel('Lesson title (English)')).toHaveValue('An area, twice told');
  await expect(panel.locator('.missing')).toContainText('Next: Give the lesson a title in 日本語.');
  await panel.getByLabel('Lesson title (日本語)').fill('二度語られる領域');
  // the Japanese column on an English page gets the Japanese face, not empty boxes
  await expect.poll(() => lab.page.evaluate(() => [...document.fonts].some((f) => f.family.includes('BIZ UDGothic') && f.status === 'loaded'))).toBe(true);
  await expect(panel.getByLabel('Lesson title (日本語)')).toHaveCSS('font-family', /BIZ UDGothic/);

  await lab.type('@A a = area(4096)');
  await expect(panel.getByRole('list', { name: 'recorded lines' })).toContainText('@A a = area(4096)');
  await panel.getByLabel('Step title (English)').fill('A message area');
  await panel.getByLabel('Step title (日本語)').fill('メッセージ領域');
  await panel.getByLabel('Narration (what happens and why; a blank line starts a paragraph, `backticks` mark code) (English)').fill('A reserves a message area (S105).');
  await panel.getByLabel('Narration (what happens and why; a blank line starts a paragraph, `backticks` mark code) (日本語)').fill('A がメッセージ領域を確保する (S105)。');
  await panel.getByRole('button', { name: 'add check: message areas mapped in A is 1' }).click();
  await panel.getByLabel('First hint: the idea (which figure, who acts) (English)').fill('A acts alone.');
  await panel.getByLabel('First hint: the idea (which figure, who acts) (日本語)').fill('A だけが動く。');
  // the hint that is a line is the same in both languages: left empty in the second column, it shows what it will be
  await panel.getByLabel('Second hint: the line (English)').fill('@A a = area(4096)');
  await expect(panel.getByLabel('Second hint: the line (日本語)')).toHaveAttribute('placeholder', '@A a = area(4096)');
  await expect(panel.locator('.missing')).toContainText('Ready.');
  await panel.getByLabel('Narration (what happens and why; a blank line starts a paragraph, `backticks` mark code) (English)').scrollIntoViewIfNeeded();
  await lab.page.screenshot({ path: join(SHOTS, 'builder-two-languages-1366.png') });

  const [download] = await Promise.all([lab.page.waitForEvent('download'), panel.getByRole('button', { name: 'Export the file' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const data = JSON.parse(text) as Record<string, unknown> & { steps: Record<string, unknown>[] };
  expect(data).toMatchObject({ version: 2, languages: ['en', 'ja'], title: { en: 'An area, twice told', ja: '二度語られる領域' } });
  expect(data.steps[0]).toMatchObject({ lines: ['@A a = area(4096)'], hints: [{ en: 'A acts alone.', ja: 'A だけが動く。' }, '@A a = area(4096)'] });

  // a student opens the file in a fresh page: English first
  const student = new LabPage(await context.newPage());
  await student.page.setViewportSize({ width: 1366, height: 768 });
  await student.open();
  await student.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await student.page.getByLabel('Open a lesson file').setInputFiles({ name: 'twice.lesson.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const lesson = student.page.locator('[data-view=lesson]');
  await expect(lesson.locator('h3')).toContainText('An area, twice told');
  await expect(lesson).toContainText('A reserves a message area (S105).');
  // the reader switches the page to Japanese: the same lesson, the same step, its Japanese words
  await student.page.getByTestId('language').selectOption('ja');
  await expect(lesson.locator('h3')).toContainText('二度語られる領域');
  await expect(lesson).toContainText('A がメッセージ領域を確保する (S105)。');
  await expect(lesson).not.toContainText('A reserves a message area');
  await expect(lesson.locator('.lines code')).toHaveText(['@A a = area(4096)']);
  await student.type('@A a = area(4096)');
  await expect(lesson.locator('.checks li.todo')).toHaveCount(0);
  await student.page.screenshot({ path: join(SHOTS, 'lesson-two-languages-ja-1366.png') });
  expect(student.errors).toEqual([]);

  // the builder's two columns on a phone: one above the other, nothing wider than the screen
  await lab.page.setViewportSize({ width: 390, height: 844 });
  const title = panel.getByLabel('Step title (日本語)');
  await title.scrollIntoViewIfNeeded();
  const box = await title.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await lab.page.screenshot({ path: join(SHOTS, 'builder-two-languages-390.png') });
  expect(lab.errors).toEqual([]);
});
