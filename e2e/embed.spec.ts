// An embedded lesson step (?embed&lesson=flip&step=4) in a small frame: play
// plays the step, "Open in lparlab" opens the full lab at the same moment,
// and frames too small for their letters say how to enlarge them. And a lab
// opened from a file: its link opens only on this computer, so the page
// offers the file with the link inside instead.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';

const SHOTS = 'test-results/screenshots';

test('an embed at 600x400 plays its step from the beginning and opens the full lab at the same moment', async ({ lab, context }) => {
  await lab.page.setViewportSize({ width: 600, height: 400 });
  await lab.page.goto('./?embed&lesson=flip&step=4');
  await expect(lab.page.locator('.embed-caption')).toContainText('step 4: S107: the flip');
  // the playhead waits at the step's beginning: A's area is still A's, and there is something to play
  await expect(lab.page.locator('[data-frame][data-owner="A"]')).toHaveCount(33);
  const status = lab.page.getByTestId('timeline-status');
  await expect(status).toHaveText(/event (\d+) of (\d+)/);
  const [, at, of] = /event (\d+) of (\d+)/.exec((await status.textContent())!)!.map(Number);
  expect(at).toBeLessThan(of!);
  // frames of 8.75 px carry no letters: the view says how to enlarge them
  await expect(lab.page.locator('.mem-inspect')).toContainText('Frames too small: press Large frames');
  mkdirSync(SHOTS, { recursive: true });
  await lab.page.screenshot({ path: join(SHOTS, 'embed-600x400-start.png') });

  await lab.page.getByRole('button', { name: 'play', exact: true }).click();
  await expect(status).toHaveText(`event ${of} of ${of}`, { timeout: 30_000 });
  await expect(lab.page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
  await lab.page.screenshot({ path: join(SHOTS, 'embed-600x400-played.png') });

  // "Open in lparlab": the full lab, the same lesson step, the same moment
  const open = lab.page.getByRole('link', { name: 'Open in lparlab' });
  await expect(open).toHaveAttribute('href', /#/);
  const href = (await open.getAttribute('href'))!;
  expect(href).not.toContain('embed');
  const full = new LabPage(await context.newPage());
  await full.page.setViewportSize({ width: 1366, height: 768 });
  await full.open(href);
  await expect(full.page.locator('.lab-head')).toBeVisible();
  await expect(full.page.getByTestId('timeline-status')).toHaveText(`event ${of} of ${of}`);
  await expect(full.page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
  expect(full.errors).toEqual([]);
});

test('from a file, "Copy a link" says it only opens on this computer and offers the lab as a file that opens at this moment', async ({ lab, context }) => {
  test.setTimeout(240_000);
  const out = mkdtempSync(join(tmpdir(), 'lparlab-single-'));
  execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', out, '--emptyOutDir'], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
  await lab.open(pathToFileURL(join(out, 'index.html')).href);
  await lab.typeAll(['@A a = area(4096)', '@A poke(a, "from a file")']);
  await lab.finishPlayback();
  const owned = await lab.page.locator('[data-frame][data-owner="A"]').count();
  await lab.page.getByRole('button', { name: 'Share & export' }).click();
  const menu = lab.page.getByRole('group', { name: 'share and export' });
  await menu.getByRole('button', { name: 'Copy a link to this lab' }).click();
  await expect(menu.getByRole('status')).toHaveText(/only here/);
  await expect(menu.getByRole('status')).not.toContainText('Anyone who opens it');
  const [file] = await Promise.all([lab.page.waitForEvent('download'), menu.getByRole('button', { name: 'Save this lab as a file to send' }).click()]);
  expect(file.suggestedFilename()).toBe('lparlab.html');
  // another computer: the file somewhere else, opened with no address after it
  const elsewhere = mkdtempSync(join(tmpdir(), 'lparlab-sent-'));
  const sent = join(elsewhere, 'lparlab.html');
  writeFileSync(sent, readFileSync((await file.path())!));
  const other = new LabPage(await context.newPage());
  await other.open(pathToFileURL(sent).href);
  await expect(other.page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/);
  await expect(other.page.locator('[data-frame][data-owner="A"]')).toHaveCount(owned);
  await expect.poll(() => other.terminalText()).toContain('from a file');
  expect(other.errors).toEqual([]);
});
