import { expect, test } from '@playwright/test';

test('the lab loads with no console or page errors', async ({ page }) => {
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => {
    pageErrors.push(err.message);
  });

  await page.goto('./');
  await page.waitForLoadState('networkidle');
  await expect(page).toHaveTitle(/lparlab/);
  await expect(page.getByRole('heading', { level: 1, name: 'lparlab' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('smoke.png'), fullPage: true });

  expect(consoleErrors, 'console errors').toEqual([]);
  expect(pageErrors, 'page errors').toEqual([]);
});
