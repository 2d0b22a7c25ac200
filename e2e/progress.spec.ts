// Progress never goes missing: two tabs of the lab add up instead of
// overwriting each other, storage that is full or blocked is reported with
// the export at hand, a file naming steps a lesson does not have is
// refused, and stored progress with parts the lab cannot read keeps the
// rest, with a copy of what was stored kept aside before anything is written.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';

const progressFile = (lessons: Record<string, number[]>, challenges: string[] = []) =>
  Buffer.from(JSON.stringify({ format: 'lparlab-progress', version: 1, lessons, challenges }));

async function importProgress(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('progress file to import').setInputFiles({ name, mimeType: 'application/json', buffer });
}

const lessonRow = (page: Page, title: RegExp) => page.locator('[data-view=lesson] li').filter({ hasText: title });

test('two tabs keep each other\'s progress', async ({ lab, context }) => {
  await lab.open();
  const other = new LabPage(await context.newPage());
  await other.open();
  for (const tab of [lab, other]) await tab.page.getByRole('button', { name: 'Lessons', exact: true }).click();

  // the second tab passes two steps of lesson 4, then the first tab, which never saw them, passes one of lesson 5
  await importProgress(other.page, 'tab2.json', progressFile({ flip: [0, 1] }));
  await expect(other.page.locator('[data-view=lesson] .status')).toContainText('Progress loaded');
  await importProgress(lab.page, 'tab1.json', progressFile({ fault: [0] }, ['squeeze']));
  await expect(lab.page.locator('[data-view=lesson] .status')).toContainText('Progress loaded');

  // each tab shows both, and the stored progress holds both
  for (const tab of [lab, other]) {
    await expect(lessonRow(tab.page, /Guest to guest/)).toContainText('2/6 steps');
    await expect(lessonRow(tab.page, /After the flip/)).toContainText(/1\/\d+ steps/);
  }
  // each tab's copy of storage catches up asynchronously; the tabs settle on the union in both
  for (const tab of [lab, other]) {
    await expect
      .poll(() => tab.page.evaluate(() => JSON.parse(localStorage.getItem('lparlab.progress') ?? 'null') as unknown))
      .toMatchObject({ lessons: { flip: [0, 1], fault: [0] }, challenges: ['squeeze'] });
  }
  expect(other.errors).toEqual([]);
});

test('storage that is full says so, never "Progress loaded", and offers the export', async ({ lab }) => {
  await lab.page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
  });
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await importProgress(lab.page, 'mine.json', progressFile({ flip: [0, 1, 2] }));
  const status = lab.page.locator('[data-view=lesson] .status');
  await expect(status).toContainText('was read (3 lesson steps and 0 challenges passed), but it was not saved');
  await expect(status).toContainText('storage for this site is full');
  await expect(status).not.toContainText('Progress loaded');
  const banner = lab.page.getByTestId('storage-banner');
  await expect(banner).toContainText('Your progress was not saved');
  const [download] = await Promise.all([lab.page.waitForEvent('download'), banner.getByRole('button', { name: 'Export progress' }).click()]);
  expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toMatchObject({ lessons: { flip: [0, 1, 2] } });
});

test('a progress file ticking a step the lesson does not have is refused, and nothing changes', async ({ lab }) => {
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await importProgress(lab.page, 'odd.json', progressFile({ flip: [99] }));
  await expect(lab.page.locator('[data-view=lesson] .status.error')).toContainText('step 100 of lesson flip, which has 6 steps');
  await expect(lessonRow(lab.page, /Guest to guest/)).not.toContainText('steps');
  expect(await lab.page.evaluate(() => localStorage.getItem('lparlab.progress'))).toBeNull();
});

// issue 18: one unreadable entry dropped all stored progress, and the next tick wrote over it
for (const c of [
  {
    what: 'an unknown lesson and a step past a lesson\'s end',
    raw: JSON.stringify({ format: 'lparlab-progress', version: 1, lessons: { flip: [0, 1], 'next-year': [0], fault: [99] }, challenges: [] }),
    says: 'Part of the progress stored in this browser could not be read (the steps of a lesson this lab does not have, "next-year"; a step of lesson fault that it does not have',
    flip: '2/6 steps',
  },
  {
    what: 'JSON cut short',
    raw: '{"format":"lparlab-progress","version":1,"lessons":{"flip":[0,1],"fau',
    says: 'The progress stored in this browser could not be read (it is not JSON, perhaps cut short)',
    flip: null,
  },
]) {
  test(`stored progress with ${c.what}: the rest is loaded, a copy is kept aside and offered, the next save keeps it`, async ({ lab }) => {
    await lab.open();
    await lab.page.evaluate((raw) => localStorage.setItem('lparlab.progress', raw), c.raw);
    await lab.open();
    const banner = lab.page.getByTestId('set-aside-banner');
    await expect(banner).toContainText(c.says);
    await expect(banner).toContainText('A copy of it as it was stored is kept under "lparlab.progress.unreadable"');
    expect(await lab.page.evaluate(() => localStorage.getItem('lparlab.progress.unreadable'))).toBe(c.raw);

    await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    if (c.flip) await expect(lessonRow(lab.page, /Guest to guest/)).toContainText(c.flip);
    // the next save (here an import) adds to what was read; the copy stays as it was
    await importProgress(lab.page, 'more.json', progressFile({ fault: [0] }));
    await expect(lab.page.locator('[data-view=lesson] .status')).toContainText('Progress loaded');
    const stored = await lab.page.evaluate(() => JSON.parse(localStorage.getItem('lparlab.progress') ?? 'null') as unknown);
    expect(stored).toMatchObject({ lessons: { ...(c.flip ? { flip: [0, 1] } : {}), fault: [0] } });
    expect(await lab.page.evaluate(() => localStorage.getItem('lparlab.progress.unreadable'))).toBe(c.raw);

    const [download] = await Promise.all([lab.page.waitForEvent('download'), banner.getByRole('button', { name: 'Download the copy' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(c.raw);
    await lab.page.screenshot({ path: `test-results/set-aside-${c.flip ? 'partial' : 'cut'}.png` });
    await banner.getByRole('button', { name: 'dismiss the message about unreadable progress' }).click();
    await expect(banner).toHaveCount(0);
  });
}
