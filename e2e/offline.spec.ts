// Offline, for talks on bad wifi: after one visit the service worker serves the
// lab with the network off, and build:single makes one file that runs from file://.

import { test, expect } from './fixtures.ts';

test.describe('offline, for talks on bad wifi', () => {
  test('after one visit the lab loads and answers with the network off', async ({ lab, context }) => {
    await lab.open();
    // the service worker has cached the build and controls the page
    await lab.page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => lab.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.setOffline(true);
    try {
      await lab.page.reload();
      await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
      await expect.poll(() => lab.terminalText()).toContain('scp$');
      await lab.type('frames_free()');
      await expect.poll(() => lab.terminalText()).toContain('= 160');
      // a presenter's address is the same page, from the cache too
      await lab.page.goto('./?present&lesson=flip&step=4');
      await expect(lab.page.getByRole('heading', { level: 2, name: /S107: the flip/ })).toBeVisible();
    } finally {
      await context.setOffline(false);
    }
  });

  test('the offline copy is made only once the terminal is up, not while a first visit loads (issue 22)', async ({ lab }) => {
    const page = lab.page;
    await page.addInitScript(() => {
      const register = ServiceWorkerContainer.prototype.register;
      ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
        (window as unknown as { __swAsked?: boolean }).__swAsked = true;
        return register.apply(this, args);
      };
    });
    // the terminal's code held back: the page loads, without a terminal
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/labTerminal-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await page.waitForLoadState('load');
    // an idle moment and a frame after the load event: the page had its chance to register
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => (window as unknown as { __swAsked?: boolean }).__swAsked ?? false)).toBe(false);
    release();
    await page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __swAsked?: boolean }).__swAsked ?? false)).toBe(true);
    await page.evaluate(() => navigator.serviceWorker.ready);
  });

  test('npm run build:single writes one HTML file that works from file://', async ({ lab }) => {
    test.setTimeout(240_000);
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, readdirSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const out = mkdtempSync(join(tmpdir(), 'lparlab-single-'));
    execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', out, '--emptyOutDir'], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
    expect(readdirSync(out)).toEqual(['index.html']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
    await lab.open(pathToFileURL(join(out, 'index.html')).href);
    await lab.type('@A a = area(4096)');
    await expect.poll(() => lab.terminalText()).toContain('= 0x100000');
    await lab.page.evaluate(() => document.fonts.ready);
    expect(await lab.page.evaluate(() => document.fonts.check('14px "JetBrains Mono"'))).toBe(true);
    // the Costs view's worker is inlined too
    await lab.showTab('Costs');
    await lab.page.getByRole('button', { name: 'Measure this browser' }).click();
    await expect(lab.page.locator('[data-view=costs]')).toContainText('Measured. After each transfer', { timeout: 60_000 });
  });
});
