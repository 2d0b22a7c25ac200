// Parts of the page whose code loads when first used (issue 22/23): while
// their chunk is on its way they say so, and a chunk that cannot be fetched
// (offline before a first visit cached it) is said in words where it was
// asked for; the rest of the lab goes on working.

import { test, expect } from './fixtures.ts';
import type { LabPage } from './labPage.ts';

/** Hold back the chunks matching `file` until the returned function is called. */
async function hold(lab: LabPage, file: RegExp): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await lab.page.route(file, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The browser's own console error for a fetch the test refused, which the page cannot prevent. */
function forgetRefusedFetches(lab: LabPage): void {
  const kept = lab.errors.filter((e) => !/Failed to load resource/.test(e));
  lab.errors.splice(0, lab.errors.length, ...kept);
}

test('the Share menu says it is loading until its contents arrive', async ({ lab }) => {
  const release = await hold(lab, /\/assets\/ShareMenuBody-[^/]+\.js$/);
  await lab.open();
  await lab.page.getByRole('button', { name: 'Share & export' }).click();
  const menu = lab.page.getByRole('group', { name: 'share and export' });
  await expect(menu.getByRole('status')).toHaveText('Loading the Share menu…');
  release();
  await expect(menu.getByRole('button', { name: 'Copy a link to this lab' })).toBeVisible();
  await expect(menu).not.toContainText('Loading the Share menu');
});

test('a Share menu whose code cannot load says so inside the menu, and the lab goes on', async ({ lab }) => {
  await lab.page.route(/\/assets\/ShareMenuBody-[^/]+\.js$/, (route) => route.abort());
  await lab.open();
  await lab.page.getByRole('button', { name: 'Share & export' }).click();
  const menu = lab.page.getByRole('group', { name: 'share and export' });
  await expect(menu.getByRole('alert')).toContainText('the Share menu');
  await lab.type('frames_free()');
  await expect.poll(() => lab.lastOutput()).toBe('= 160');
  forgetRefusedFetches(lab);
});

test('a Homework button whose code cannot load says so in the banner, and the lab goes on', async ({ lab }) => {
  await lab.page.route(/\/assets\/homeworkStore-[^/]+\.js$/, (route) => route.abort());
  await lab.open();
  await lab.page.getByRole('button', { name: 'Homework' }).click();
  await expect(lab.page.getByText('The homework could not load')).toBeVisible();
  await lab.type('frames_free()');
  await expect.poll(() => lab.lastOutput()).toBe('= 160');
  forgetRefusedFetches(lab);
});
