// Issue 19 §4: the patent's tags (S107, [0063], "lab") are the point of a talk
// on S05P1247 and noise in an OS class. The reader chooses: the patent's tags,
// the figures' step numbers only, or none; every view follows (Sequence, the
// narration, the timeline, exported pictures), the choice survives a reload,
// and a link or a lesson file may ask for one.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { LabPage } from './labPage.ts';

const FLIP = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "hello")'];

/** What the page prints for tags: the Sequence arrows' tag texts, the narration's tag, the scrubber's spoken value. */
async function tagsShown(lab: LabPage) {
  const page = lab.page;
  const arrows = await page.locator('[data-testid="sequence-chart"] .seq-tag').evaluateAll((ts) => ts.map((t) => t.textContent ?? ''));
  const narration = await page.getByTestId('narration').locator('.tag').allTextContents();
  const scrubber = (await page.getByRole('slider', { name: 'scrub through the events' }).getAttribute('aria-valuetext')) ?? '';
  return { arrows, narration, scrubber };
}

async function chooseTags(page: Page, label: string): Promise<void> {
  await page.getByLabel('Patent tags').selectOption({ label });
}

test.describe('the patent tags setting', () => {
  test.beforeEach(async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
  });

  test('every view follows the choice, and it is kept across a reload', async ({ lab }) => {
    await lab.open();
    await lab.typeAll(FLIP);
    await lab.finishPlayback();
    // as before: the patent's steps, its paragraphs and "lab"
    let shown = await tagsShown(lab);
    expect(shown.arrows.some((t) => /^S\d/.test(t))).toBe(true);
    expect(shown.arrows.some((t) => /^\[\d{4}\]$/.test(t) || t === 'lab')).toBe(true);
    // the send ends with the area waiting at B's message port: a paragraph, [0064]
    expect(shown.narration).toEqual(['[0064]']);
    expect(shown.scrubber).toMatch(/: \[0064\]$/);

    await chooseTags(lab.page, 'step numbers only');
    await expect.poll(async () => (await tagsShown(lab)).arrows.some((t) => /^\[\d{4}\]$/.test(t) || t === 'lab')).toBe(false);
    shown = await tagsShown(lab);
    expect(shown.arrows.filter(Boolean).length).toBeGreaterThan(0);
    expect(shown.arrows.filter(Boolean).every((t) => /^S[\d-]/.test(t))).toBe(true);
    expect(shown.narration).toEqual([]);
    expect(shown.scrubber).toMatch(/^event \d+ of \d+$/);
    // two events back (the area queued at B's port, B's event port raised), the flip itself: a step of Fig. 6
    await lab.timelineButton('step back one event').click();
    await lab.timelineButton('step back one event').click();
    await expect.poll(async () => (await tagsShown(lab)).narration).toEqual(['S107']);
    await lab.finishPlayback();

    await chooseTags(lab.page, 'hidden');
    await expect.poll(async () => (await tagsShown(lab)).arrows.filter(Boolean)).toEqual([]);
    shown = await tagsShown(lab);
    expect(shown.narration).toEqual([]);
    expect(shown.scrubber).toMatch(/^event \d+ of \d+$/);
    // the arrows keep their words, without a tag before them
    await expect(lab.page.locator('[data-testid="sequence-chart"] .seq-label').last()).toHaveText('event (merged)');
    await expect(lab.page.getByTestId('narration')).not.toContainText('S107');

    await lab.page.reload();
    await expect(lab.page.getByLabel('Patent tags')).toHaveValue('none');
    await lab.type('@A send(ch, a, "again")');
    await lab.finishPlayback();
    await expect.poll(async () => (await tagsShown(lab)).arrows.length).toBeGreaterThan(0);
    expect((await tagsShown(lab)).arrows.filter(Boolean)).toEqual([]);
  });

  test('a link asks for a way of showing them for the visit; a bad value gets a message and changes nothing', async ({ lab }) => {
    await lab.open('./?tags=steps');
    await expect(lab.page.getByLabel('Patent tags')).toHaveValue('steps');
    // asked by the link, not chosen by the reader: not kept for the next visit
    expect(await lab.page.evaluate(() => localStorage.getItem('lparlab.tags'))).toBeNull();

    await lab.open('./?tags=paragraphs');
    await expect(lab.page.getByTestId('banner')).toContainText('tags must be patent, steps or none, not "paragraphs"');
    await expect(lab.page.getByLabel('Patent tags')).toHaveValue('patent');

    // a share link made with tags hidden opens with them hidden
    await chooseTags(lab.page, 'hidden');
    await lab.typeAll(FLIP.slice(0, 1));
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    await lab.page.getByRole('button', { name: 'Copy a link to this lab' }).click();
    const url = await lab.page.getByRole('textbox', { name: 'share link' }).inputValue();
    expect(url).toContain('tags=none');
    await lab.page.evaluate(() => localStorage.setItem('lparlab.tags', 'patent'));
    await lab.page.goto('about:blank');
    await lab.open(url);
    await expect(lab.page.getByLabel('Patent tags')).toHaveValue('none');

    // a share link with a way of showing tags this lab does not know is refused as a whole, as a bad seed is
    await lab.open('./#v=1&seed=1&tags=all&lines=');
    await expect(lab.page.getByTestId('banner')).toContainText('tags must be patent, steps or none, not "all"');
  });

  test("a teacher's lesson file that hides the tags opens with them hidden", async ({ lab }) => {
    await lab.open();
    const exported = JSON.stringify({
      format: 'lparlab-lesson', version: 1, id: 'os-class', title: 'Pages change hands', figures: 'Fig. 5', summary: 'A flip, for an OS class.', tags: 'none',
      steps: [{ title: 'Connect', narration: 'A asks B for a channel.', lines: ['@A ch = connect(B)'], checks: [{ rule: 'tag', tag: 'S101' }], hints: ['A asks.', '@A ch = connect(B)'] }],
    });
    const fragment = await lab.page.evaluate(async (text) => {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return `lessonfile=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    }, exported);
    await lab.page.goto(`./#${fragment}`);
    await expect(lab.page.locator('[data-view=lesson]')).toContainText('Pages change hands');
    await expect(lab.page.getByLabel('Patent tags')).toHaveValue('none');
    await lab.type('@A ch = connect(B)');
    await lab.finishPlayback();
    await expect.poll(async () => (await tagsShown(lab)).arrows.length).toBeGreaterThan(0);
    expect((await tagsShown(lab)).arrows.filter(Boolean)).toEqual([]);
    // the reader may still change it while the lesson is open
    await chooseTags(lab.page, 'patent steps and paragraphs');
    await expect.poll(async () => (await tagsShown(lab)).arrows).toContain('S101');
  });
});

test.describe('log and the lesson builder follow the tags setting', () => {
  test('log prints the tags as the views do: all, step numbers only, or none', async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open();
    await lab.typeAll(FLIP);
    await lab.finishPlayback();
    // the last event of the send: the area waiting at B's message port, a paragraph [0064]; the flip before it a step
    // the rows of the n-th `log 6`: each starts with its event's number (a row the terminal wraps goes on without one)
    const rows = async (n: number) => {
      const parts = (await lab.terminalText()).split('$ log 6');
      if (parts.length <= n) return [];
      return parts[n]!.split('\n').slice(1).filter((l) => /^\s*\d+ /.test(l)).map((l) => l.trim()).slice(0, 6);
    };
    let asked = 0;
    const logged = async () => {
      asked += 1;
      await lab.type('log 6');
      await expect.poll(async () => (await rows(asked)).length).toBe(6);
      return rows(asked);
    };
    const patent = await logged();
    expect(patent.some((l) => /^\d+ \[0064\]/.test(l))).toBe(true);
    expect(patent.some((l) => /^\d+ S107\b/.test(l))).toBe(true);
    await chooseTags(lab.page, 'step numbers only');
    const steps = await logged();
    expect(steps.some((l) => l.includes('[0064]'))).toBe(false);
    expect(steps.some((l) => /^\d+ S107\b/.test(l))).toBe(true);
    await chooseTags(lab.page, 'hidden');
    const none = await logged();
    expect(none.some((l) => /\[\d{4}\]|\bS\d{3}\b/.test(l))).toBe(false);
    expect(none.length).toBe(6);
  });

  test("the builder sets a lesson file's tags, and no page shortcut acts while its field has the focus", async ({ lab }) => {
    await lab.page.setViewportSize({ width: 1366, height: 768 });
    await lab.open();
    await lab.typeAll(FLIP.slice(0, 2));
    await lab.finishPlayback();
    await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await lab.page.getByRole('button', { name: 'Make a lesson' }).click();
    const panel = lab.page.locator('[data-view=lesson]');
    await panel.getByLabel('edit a built-in lesson').selectOption('flip');
    const field = panel.getByLabel('Tags in this lesson');
    await expect(field).toHaveValue('');
    await field.selectOption({ label: 'hidden' });
    await expect(field).toHaveValue('none');
    // the timeline's keys (Space, ArrowLeft, ArrowRight) do nothing while the field has the focus
    const status = lab.page.getByTestId('timeline-status');
    // the player at rest first: the typed lines may still be playing, and would move the status without any key
    await lab.finishPlayback();
    await expect(status).not.toContainText('playing');
    const before = await status.textContent();
    await field.focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', ' ', 'ArrowRight', 'Home']) await lab.page.keyboard.press(key);
    await expect(field).toBeFocused();
    await expect(status).toHaveText(before!);
    // (Space opened the field's list and the arrows moved in it: close it, then choose again)
    await lab.page.keyboard.press('Escape');
    // the lesson file written says so
    await field.selectOption({ label: 'hidden' });
    await expect(field).toHaveValue('none');
    await field.blur();
    const download = lab.page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the file' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of file) chunks.push(c as Buffer);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).tags).toBe('none');
    // back to "as each reader has them": the file says nothing
    await field.selectOption({ label: 'as each reader has them' });
    const again = lab.page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the file' }).click();
    const chunks2: Buffer[] = [];
    for await (const c of await (await again).createReadStream()) chunks2.push(c as Buffer);
    expect(JSON.parse(Buffer.concat(chunks2).toString('utf8'))).not.toHaveProperty('tags');
  });
});
