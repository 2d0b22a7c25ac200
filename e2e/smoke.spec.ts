import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

/** Collect console errors and page errors for the whole test. */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return errors;
}

const owners = (page: Page) =>
  page.locator('[data-frame]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-owner')));

test('the lab loads with no console or page errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveTitle(/lparlab/);
  await expect(page.getByRole('heading', { level: 1, name: 'lparlab' })).toBeVisible();
  await expect(page.locator('[data-frame]')).toHaveCount(256);
  await expect(page.locator('[data-partition]')).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('smoke.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('the buttons drive Fig. 6: the flip moves the frame to B, the old address faults, step back restores it', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  const click = (name: RegExp) => page.getByRole('button', { name }).click();
  await click(/A asks B for a channel/);
  await click(/B picks up the signal/);
  await click(/B permits/);
  await click(/A reserves a 4 KiB area/);
  const before = await owners(page);
  await click(/A writes "hello"/);
  await click(/A sends the area to B/);
  const after = await owners(page);
  const moved = before.map((o, i) => [o, after[i]]).filter(([o, n]) => o !== n);
  expect(moved).toEqual([['A', 'B']]);
  await expect(page.getByText('S107').first()).toBeVisible();

  await click(/A touches its old address/);
  await expect(page.locator('.outcome.error')).toContainText('EFAULT');

  await page.getByRole('button', { name: 'Step back' }).click();
  expect(await owners(page)).toEqual(before.map((o) => o));
  await page.screenshot({ path: test.info().outputPath('after-step-back.png'), fullPage: true });
  expect(errors).toEqual([]);
});
