// Hostile and broken input on the real page: links that once blanked the
// page, a part of the page that breaks, escape sequences that must reach the
// terminal as visible text, never as commands to it.

import { test, expect } from './fixtures.ts';

test('a link to a step past the lesson\'s end opens its last step, and a reload still works', async ({ lab }) => {
  await lab.open('./#v=1&seed=1&lesson=flip&step=7&lines=');
  await expect(lab.page.getByText('Step 6 of 6:')).toBeVisible();
  await expect(lab.page.getByTestId('banner')).toContainText('has 6 steps; it opens at the last one');
  await lab.page.reload();
  await expect(lab.page.getByText('Step 6 of 6:')).toBeVisible();
  await expect(lab.page.locator('[data-frame]').first()).toBeVisible();
});

test('the typed form of the same address reads the same way', async ({ lab }) => {
  await lab.open('./?lesson=flip&step=99');
  await expect(lab.page.getByText('Step 6 of 6:')).toBeVisible();
  await expect(lab.page.getByTestId('banner')).toContainText('has 6 steps; it opens at the last one');
});

test('a view that breaks says so and offers a clean lab that drops the link', async ({ lab }) => {
  // one fault in the Memory view's measuring, the first time only
  await lab.page.addInitScript(() => {
    const observe = ResizeObserver.prototype.observe;
    let armed = true;
    ResizeObserver.prototype.observe = function (this: ResizeObserver, target: Element, options?: ResizeObserverOptions) {
      if (armed && target.closest('[data-view="memory"]')) {
        armed = false;
        throw new Error('measuring failed (a fault injected by the test)');
      }
      observe.call(this, target, options);
    };
  });
  await lab.open('./#v=1&seed=1&lesson=flip&step=2&lines=');
  const crash = lab.page.locator('[data-view="memory"]').getByTestId('crash');
  await expect(crash).toContainText('Something went wrong in the Memory view.');
  await expect(crash).toContainText('measuring failed');
  // the rest of the page still works
  await lab.type('ps');
  await expect.poll(() => lab.terminalText()).toContain('scp$ ps');
  await crash.getByRole('button', { name: 'Start a clean lab' }).click();
  await expect(lab.page.locator('[data-view="memory"] [data-frame]').first()).toBeVisible();
  await expect(lab.page.getByTestId('crash')).toHaveCount(0);
  expect(new URL(lab.page.url()).hash).toBe('');
  await expect(lab.page.getByText(/Step \d of \d/)).toHaveCount(0);
});
