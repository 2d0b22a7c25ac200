// What a cold page loads before it is usable (issue 22): the terminal's code
// first; the Memory and Sequence views (and d3, which only they and the Costs
// view use) once the terminal has been drawn; the picture exports and the
// handout only when asked for; the lesson panel and the builder when opened
// (issue 23). Checked by the order of the page's requests, not by time.

import { test, expect } from './fixtures.ts';
import { createLab } from '../src/engine/index.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';

test('a cold page asks for the terminal first, the views after it, and the exports not at all', async ({ lab }) => {
  const asked: string[] = [];
  lab.page.on('request', (r) => {
    const file = /\/assets\/([^/?]+\.js)/.exec(r.url())?.[1];
    if (file) asked.push(file);
  });
  await lab.open();
  // the views still come, whole
  await expect(lab.page.locator('[data-frame]')).toHaveCount(256);
  await expect(lab.page.locator('g.seq-arrow').first()).toBeAttached();
  await lab.type('frames_free()');
  await expect.poll(() => lab.lastOutput()).toBe('= 160');

  const first = (prefix: string) => asked.findIndex((f) => f.startsWith(prefix));
  const terminal = first('labTerminal-');
  expect(terminal, asked.join(' ')).toBeGreaterThanOrEqual(0);
  for (const later of ['MemoryView-', 'SequenceView-', 'd3-']) {
    expect(first(later), `${later} in ${asked.join(' ')}`).toBeGreaterThan(terminal);
  }
  for (const never of ['exportMemory-', 'picture-', 'handout-', 'LessonPanel-', 'BuilderPanel-']) expect(first(never), asked.join(' ')).toBe(-1);
});

test('a share link is replayed before the page is first drawn: no empty lab drawn first, then the replayed one', async ({ lab }) => {
  const fragment = await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: ['@A ch = connect(B)', '@A a = area(4096)'], lesson: null, step: null, at: null });
  // every text the timeline's status ever shows, from the page's first drawing on
  await lab.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __statuses: string[] }).__statuses = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="timeline-status"]')?.textContent ?? null;
      if (text !== null && text !== seen.at(-1)) seen.push(text);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await lab.open(`./#${fragment}`);
  await expect.poll(() => lab.terminalText()).toContain('opened a shared lab');
  const statuses = await lab.page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
  expect(statuses[0], statuses.join(' | ')).toMatch(/^event [1-9]\d* of [1-9]\d*/);
  expect(statuses.some((s) => /of 0\b/.test(s)), statuses.join(' | ')).toBe(false);
});

test('a share link that never finishes reading does not hold back the page', async ({ lab }) => {
  const fragment = await encodeLink({ config: createLab({ seed: 1 }).state.config, lines: ['@A ch = connect(B)'], lesson: null, step: null, at: null });
  // the browser's inflater stalls: the link's lines never come out
  await lab.page.addInitScript(() => {
    window.DecompressionStream = class {
      readonly writable = new WritableStream<Uint8Array>();
      readonly readable = new ReadableStream<Uint8Array>();
    } as unknown as typeof DecompressionStream;
  });
  await lab.open(`./#${fragment}`);
  await lab.type('frames_free()');
  await expect.poll(() => lab.lastOutput()).toBe('= 160');
});
