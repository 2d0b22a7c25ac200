// Hostile and broken input on the real page: links that once blanked the
// page, a part of the page that breaks, escape sequences that must reach the
// terminal as visible text, never as commands to it.

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import { DEFAULT_CONFIG } from '../src/engine/index.ts';

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

// ------------------------------------------------------------ escape sequences

const ESC = '\x1b';
const BEL = '\x07';
/** a raw control character (C0, DEL, C1) anywhere in the terminal's text */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

async function openLink(lab: import('./labPage.ts').LabPage, lines: readonly string[]): Promise<void> {
  const fragment = await encodeLink({ config: DEFAULT_CONFIG, lines, lesson: null, step: null, at: null });
  await lab.open(`./#${fragment}`);
  await expect.poll(() => lab.terminalText()).toContain('opened a shared lab');
}

/** the terminal's text without the spaces wrapping adds */
const flat = (text: string) => text.replace(/\s+/g, '');

test('an OSC 8 hyperlink in a comment line of a link shows as text, not as a link', async ({ lab }) => {
  await openLink(lab, [`# ${ESC}]8;;https://evil.example/${BEL}CLICK HERE${ESC}]8;;${BEL}`]);
  const text = await lab.terminalText();
  expect(flat(text)).toContain(flat('# \\x1b]8;;https://evil.example/\\x07CLICK HERE\\x1b]8;;\\x07'));
  expect(text).not.toMatch(RAW_CONTROL);
  await expect(lab.page.locator('.xterm a, .xterm [href]')).toHaveCount(0);
});

test('a clear-screen sequence in a link cannot hide the lines before it', async ({ lab }) => {
  await openLink(lab, ['@A a = area(4096)', 'lpar_end(A)', `# ${ESC}[2J${ESC}[3J${ESC}[Hlparlab: a fresh lab`, `# ${ESC}[2A${ESC}[2K`]);
  const text = await lab.terminalText();
  expect(text).toContain('scp$ lpar_end(A)');
  expect(flat(text)).toContain(flat('# \\x1b[2J\\x1b[3J\\x1b[Hlparlab: a fresh lab'));
  expect(flat(text)).toContain(flat('# \\x1b[2A\\x1b[2K'));
  expect(text).not.toMatch(RAW_CONTROL);
});

test('a C1 control (U+009B) is shown as \\u009b wherever it comes from, and the exports carry none', async ({ lab }) => {
  await openLink(lab, ['@A a = area(64)', '@A poke(a, "\u009b2Jgone")', '@A peek(a, 8)']);
  // typed (pasted) into the terminal too
  await lab.page.evaluate(() => window.lparlab?.typeLine('# pasted \u009b31mred'));
  await expect.poll(async () => flat(await lab.terminalText())).toContain(flat('# pasted \\u009b31mred'));
  const text = await lab.terminalText();
  expect(flat(text)).toContain(flat('@A poke(a, "\\u009b2Jgone")'));
  expect(text).not.toMatch(RAW_CONTROL);
  await lab.page.getByRole('button', { name: 'Share & export' }).click();
  for (const name of ['Terminal transcript (text)', 'Trace (JSON)']) {
    const [download] = await Promise.all([lab.page.waitForEvent('download'), lab.page.getByRole('button', { name }).click()]);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved.replace(/[\n\r]/g, '')).not.toMatch(RAW_CONTROL);
    expect(saved).toContain('u009b');
  }
});
