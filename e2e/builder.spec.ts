// A teacher's whole journey with the lesson builder: record a four-step
// lesson around the flip, add checks by picking them from what the machine
// just did, export the file and copy a link; then, in fresh pages, open it
// from the file and from the link, walk it as a student, and open it in
// presenter mode. Also: a lesson's buttons stay in view on small screens.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ reducedMotion: 'reduce' });

async function recordStep(lab: LabPage, step: { title: string; narration: string; lines: string[]; pick: (string | RegExp)[]; hints: [string, string]; ask?: [string, string] }) {
  const panel = lab.page.locator('[data-view=lesson]');
  await lab.typeAll(step.lines);
  const recorded = panel.getByRole('list', { name: 'recorded lines' });
  for (const line of step.lines) await expect(recorded).toContainText(line);
  await panel.getByLabel('Step title').fill(step.title);
  await panel.getByLabel(/^Narration/).fill(step.narration);
  for (const says of step.pick) {
    const offer = panel.getByRole('button', { name: typeof says === 'string' ? `add check: ${says}` : new RegExp(`add check: ${says.source}`) }).first();
    await offer.click();
  }
  await expect(panel.getByRole('list', { name: 'chosen checks' }).locator('li')).toHaveCount(step.pick.length);
  await panel.getByLabel(/^First hint/).fill(step.hints[0]);
  await panel.getByLabel(/^Second hint/).fill(step.hints[1]);
  if (step.ask) {
    await panel.getByLabel(/^Question for the room/).fill(step.ask[0]);
    await panel.getByLabel('Its answer').fill(step.ask[1]);
  }
}

/** Walk the open lesson as a student: type each step's lines, see it pass, go on. Returns the steps walked. */
async function walkOpenLesson(lab: LabPage): Promise<number> {
  const panel = lab.page.locator('[data-view=lesson]');
  for (let step = 0; step < 12; step++) {
    await expect(panel.locator('.step-count')).toContainText(`Step ${step + 1} of`);
    const lines = await panel.locator('.lines code').allTextContents();
    for (const line of lines) await lab.type(line);
    await expect(panel.locator('.status')).toHaveText(/Step done|Lesson complete/);
    await expect(panel.locator('.checks li.todo')).toHaveCount(0);
    const next = panel.getByRole('button', { name: 'Next step' });
    if (await next.isDisabled()) return step + 1;
    await next.click();
  }
  throw new Error('the lesson did not end');
}

async function freshLab(page: Page, path = './'): Promise<LabPage> {
  const lab = new LabPage(page);
  await lab.open(path);
  return lab;
}

test('a teacher records a four-step lesson around the flip, shares it, and a student walks it from the file, from a link, and in presenter mode', async ({ lab, context }) => {
  test.setTimeout(240_000);
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: 'Make a lesson' }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  await expect(panel.getByRole('heading', { name: 'Lesson builder' })).toBeVisible();
  await expect(panel.getByRole('button', { name: /Recording/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('.missing')).toContainText('Next: Give the lesson a title.');
  await panel.getByLabel('Lesson title').fill('The flip, my way');
  await panel.getByLabel('Figures').fill('Fig. 5');

  await recordStep(lab, {
    title: 'A channel', narration: 'A asks for a channel to B, and B permits it (S101-S104).',
    lines: ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'],
    pick: ['the machine has done S104', 'message channels is 1'], hints: ['A asks, then B answers.', '@A ch = connect(B), then signal and permit in B'],
  });
  await panel.getByRole('button', { name: 'New step' }).click();
  await recordStep(lab, {
    title: 'An area', narration: 'A reserves a message area and writes into it: state 1 of `Fig. 5`.',
    lines: ['@A a = area(4096)', '@A poke(a, "hello")'],
    pick: ['message areas mapped in A is 1'], hints: ['A reserves the area.', '@A a = area(4096)'],
  });
  await panel.getByRole('button', { name: 'New step' }).click();
  await recordStep(lab, {
    title: 'The flip', narration: 'A sends: the frames become B\'s (S107).',
    lines: ['@A send(ch, a, "hi")'],
    pick: ['the machine has done S107 (area.flip)', /frame \d+ is owned by B/], hints: ['Watch the Memory view as A sends.', '@A send(ch, a, "hi")'],
    ask: ['Who owns the frame now?', 'B does.'],
  });
  await panel.getByRole('button', { name: 'New step' }).click();
  await recordStep(lab, {
    title: 'B reads', narration: 'B receives and reads the very same frames.',
    lines: ['@B r = recv(chb)', '@B peek(r.addr, 5)'],
    pick: ['peek in B got = "hello"'], hints: ['B takes the message from its port.', '@B r = recv(chb), then @B peek(r.addr, 5)'],
  });
  await expect(panel.locator('.missing')).toContainText('Ready.');
  await lab.page.screenshot({ path: join(SHOTS, 'builder-1366.png') });

  // export the file
  const [download] = await Promise.all([lab.page.waitForEvent('download'), panel.getByRole('button', { name: 'Export the file' }).click()]);
  expect(download.suggestedFilename()).toBe('the-flip-my-way.lesson.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const data = JSON.parse(text) as { format: string; steps: { checks: { rule: string }[]; question?: unknown }[] };
  expect(data.format).toBe('lparlab-lesson');
  expect(data.steps.length).toBe(4);
  expect(data.steps[2]!.checks.map((c) => c.rule)).toEqual(['tag', 'owner']);
  expect(data.steps[2]!.question).toEqual({ ask: 'Who owns the frame now?', answer: 'B does.' });

  // copy a link
  await panel.getByRole('button', { name: 'Copy a link' }).click();
  const link = await panel.getByLabel('link to this lesson').inputValue();
  expect(link).toMatch(/#lessonfile=[A-Za-z0-9_-]+$/);

  // preview as a student
  await panel.getByRole('button', { name: 'Preview as a student' }).click();
  await expect(panel.locator('.step-count')).toContainText('Step 1 of 4: A channel');

  // a fresh page, from the file
  const fromFile = await freshLab(await context.newPage());
  await fromFile.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await fromFile.page.getByLabel('Open a lesson file').setInputFiles({ name: 'the-flip-my-way.lesson.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fromFile.page.locator('[data-view=lesson] h3')).toContainText('The flip, my way');
  expect(await walkOpenLesson(fromFile)).toBe(4);
  // the student's progress on it is kept like any other
  await fromFile.page.getByRole('button', { name: 'All lessons' }).click();
  await expect(fromFile.page.locator('[data-view=lesson] p', { hasText: 'The flip, my way' })).toContainText('✓ done');
  expect(fromFile.errors).toEqual([]);

  // a fresh page, from the link
  const fromLink = new LabPage(await context.newPage());
  await fromLink.page.goto(link);
  await expect(fromLink.page.locator('[data-view=lesson] .step-count')).toContainText('Step 1 of 4: A channel');
  await fromLink.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
  expect(await walkOpenLesson(fromLink)).toBe(4);
  expect(fromLink.errors).toEqual([]);

  // presenter mode, from the same link
  const present = new LabPage(await context.newPage());
  await present.page.setViewportSize({ width: 1920, height: 1080 });
  const url = new URL(link);
  url.search = '?present';
  await present.page.goto(url.toString());
  await expect(present.page.getByRole('heading', { level: 2, name: /A channel$/ })).toBeVisible();
  await expect(present.page.locator('.presenter-lesson')).toContainText('The flip, my way, step 1 of 4');
  await present.page.screenshot({ path: join(SHOTS, 'builder-presenter.png') });
  expect(present.errors).toEqual([]);
  expect(lab.errors).toEqual([]);
});

test('a built-in lesson opens in the builder to edit, and a broken lesson file or link is refused with the field named', async ({ lab }) => {
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: 'Make a lesson' }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  await panel.getByLabel('edit a built-in lesson').selectOption('flip');
  // the built-in lessons are in English and Japanese: the builder shows both columns (issue 23)
  await expect(panel.getByLabel('Lesson title (English)')).toHaveValue('Guest to guest: S101-S112 and the flip');
  await expect(panel.getByLabel('Lesson title (日本語)')).toHaveValue('ゲストからゲストへ: S101-S112とフリップ');
  await expect(panel.getByRole('button', { name: 'Step 6', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('.missing')).toContainText('Ready.');
  await panel.getByLabel('Open a lesson file to edit').setInputFiles({ name: 'bad.lesson.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "lparlab-lesson", "version": 1, "id": "x", "title": "x", "figures": "x", "summary": "x", "steps": [{"title": "t", "narration": "n", "lines": ["lpars"], "checks": [{"rule": "script", "src": "x"}], "hints": ["h"]}]}') });
  await expect(panel.getByRole('status')).toContainText('steps[0].checks[0].rule "script" is not a rule');

  await lab.page.goto('./#lessonfile=AAAA');
  await expect(lab.page.getByText(/The lesson in this link is damaged/)).toBeVisible();
  expect(lab.errors).toEqual([]);
});

for (const [width, height] of [[1280, 720], [1024, 768]] as const) {
  test(`at ${width}x${height} a lesson's Previous, Next and Hint buttons are in view`, async ({ lab }) => {
    await lab.page.setViewportSize({ width, height });
    await lab.open();
    await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await lab.page.getByRole('button', { name: /6\. Sockets with virtual files/ }).click();
    const panel = lab.page.locator('[data-view=lesson]');
    await panel.getByRole('button', { name: 'Skip step' }).click();
    await panel.getByRole('button', { name: 'Skip step' }).click();
    await panel.getByRole('button', { name: 'Skip step' }).click();
    for (const name of ['Previous step', 'Skip step', 'Hint']) await expect(panel.getByRole('button', { name, exact: true })).toBeInViewport({ ratio: 1 });
    await lab.page.screenshot({ path: join(SHOTS, `lesson-buttons-${width}.png`) });
  });
}

test('typing ahead is fair: a step met stays met, Next keeps the lab, and what was typed ahead counts for the next step', async ({ lab }) => {
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: /4\. Guest to guest/ }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  // step 1 wants A suspended in connect; the student goes straight on and lets B permit it too
  await lab.typeAll(['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)']);
  await expect(panel.locator('.status')).toHaveText('Step done: go on when ready.');
  await expect(panel.locator('.checks li.todo')).toHaveCount(0);
  await expect(panel.locator('.checks')).toContainText('A is suspended in connect');
  await panel.getByRole('button', { name: 'Next step' }).click();
  // the lab was kept: no fresh lab was made, and step 2 is already met by what was typed ahead
  await expect(panel.locator('.step-count')).toContainText('Step 2 of 6');
  await expect(panel.locator('.status')).toHaveText('Step done: go on when ready.');
  expect(await lab.terminalText()).not.toContain('with steps 1-1 already done');
  // hints: the idea first, then the line
  await panel.getByRole('button', { name: 'Hint' }).click();
  await expect(panel.locator('.hint')).toHaveCount(1);
  await expect(panel.locator('.hint')).toContainText('Hint 1 of 2: Now B, the server, acts');
  await panel.getByRole('button', { name: 'Another hint' }).click();
  await expect(panel.locator('.hint').nth(1)).toContainText('Hint 2 of 2: @B sig = signal()');
});

test("a teacher's lesson link opens in embed mode, and what it says stays text", async ({ lab }) => {
  await lab.page.setViewportSize({ width: 960, height: 540 });
  const exported = JSON.stringify({
    format: 'lparlab-lesson', version: 1, id: 'one-step', title: 'One step', figures: 'Fig. 6', summary: 'A channel.',
    steps: [{ title: 'Ask', narration: 'A asks for a channel to B. <img src=x onerror="window.pwned=1">', lines: ['@A ch = connect(B)'], checks: [{ rule: 'tag', tag: 'S101' }], hints: ['A asks.', '@A ch = connect(B)'] }],
  });
  const fragment = await lab.page.evaluate(async (text) => {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return `lessonfile=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
  }, exported);
  await lab.page.goto(`./?embed#${fragment}`);
  await expect(lab.page.locator('.embed-caption')).toContainText('One step, step 1: Ask.');
  await expect(lab.page.locator('.embed-caption')).toContainText('<img src=x onerror="window.pwned=1">');
  expect(await lab.page.locator('img[src="x"]').count()).toBe(0);
  expect(await lab.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await lab.page.getByRole('button', { name: 'Play this step' }).click();
  // the embed has no terminal: the step's line ran, and the chart shows its first patent step
  await expect(lab.page.locator('[data-view=sequence]')).toContainText('S101');
});

test('issue 20: checks that read the machine are offered first, and a check that reads a name the narration does not ask for is flagged', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: 'Make a lesson' }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  await panel.getByLabel(/^Narration/).fill('A reserves a message area.');
  await lab.type('@A buf = area(4096)');
  const offers = panel.getByRole('list', { name: 'checks offered from what the machine just did' }).locator('li');
  await expect(offers.filter({ hasText: 'message areas mapped in A is 1' })).toHaveCount(1);
  // every offer that reads a name comes after every one that does not, and says which name
  const named = await offers.evaluateAll((items) => items.map((li) => li.classList.contains('named')));
  expect(named.indexOf(true)).toBeGreaterThan(0);
  expect(named.slice(named.indexOf(true)).every(Boolean)).toBe(true);
  await expect(offers.filter({ hasText: 'buf holds a value' })).toContainText('(reads the name buf)');
  await panel.getByRole('button', { name: 'add check: buf holds a value' }).click();
  await expect(panel.locator('.name-warning')).toContainText('"buf holds a value" reads the name buf');
  await panel.locator('.name-warning').scrollIntoViewIfNeeded();
  await lab.page.screenshot({ path: join(SHOTS, 'builder-name-warning.png') });
  // the narration asks for the name: no warning
  await panel.getByLabel(/^Narration/).fill('A reserves a message area and calls it buf.');
  await expect(panel.locator('.name-warning')).toHaveCount(0);
});
