// Typing live on the stage (issue 19): the page's shortcuts never take a key
// meant for the terminal or a text field; the caption names the step the
// playhead is in, and going back before a question asks it again.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { LabPage } from './labPage.ts';

test.use({ reducedMotion: 'reduce' });

const caption = (page: Page) => page.locator('.presenter-step h2');
const status = (page: Page) => page.getByTestId('timeline-status');
const question = (page: Page) => page.getByRole('dialog', { name: 'question for the room' });

/** The terminal's logical lines, prompts included. */
async function terminalLines(lab: LabPage): Promise<string[]> {
  return (await lab.terminalText()).split('\n').map((l) => l.trimEnd());
}

/** The line the terminal printed right after the echo of `typed`, once both are there (the page may still be writing). */
async function resultOf(lab: LabPage, echo: string): Promise<string> {
  let result = '';
  await expect
    .poll(async () => {
      const lines = await terminalLines(lab);
      const at = lines.lastIndexOf(echo);
      result = at >= 0 ? (lines[at + 1] ?? '') : '';
      return at >= 0 && result !== '';
    }, { message: `the terminal echoes "${echo}" exactly and prints a result` })
    .toBe(true);
  return result;
}

test.describe('typing in presenter mode', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a line typed during a lesson reaches the terminal whole; the caption and the clicker stay put', async ({ lab }) => {
    await lab.open('./?present&lesson=flip');
    const before = await caption(lab.page).textContent();
    await expect(caption(lab.page)).toContainText('step 1 of 6');
    await lab.type('@A a = area(4096)');
    await expect.poll(() => terminalLines(lab)).toContain('scp$ @A a = area(4096)');
    expect(await resultOf(lab, 'scp$ @A a = area(4096)')).toMatch(/^= /);
    await expect(caption(lab.page)).toHaveText(before!);
    await expect(question(lab.page)).toHaveCount(0);
    // the line was recorded: the lab is not at "event 0 of 0"
    await expect(status(lab.page)).not.toContainText('event 0 of 0');
    const recorded = await status(lab.page).textContent();

    // every clicker key, pressed in the terminal, edits the line or scrolls the terminal: none steps the lesson
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', 'PageUp', 'ArrowLeft', 'Backspace', ' ', 'Backspace', 'ArrowUp']) {
      await lab.page.keyboard.press(key);
      await expect(caption(lab.page), `caption after ${key} in the terminal`).toHaveText(before!);
      await expect(question(lab.page)).toHaveCount(0);
      await expect(status(lab.page), `timeline after ${key} in the terminal`).toHaveText(recorded!);
    }
    // the space went into the line and Backspace took it out again; ArrowUp recalled the last line: Enter runs it as typed
    await lab.page.keyboard.press('Enter');
    await expect.poll(async () => (await terminalLines(lab)).filter((l) => l === 'scp$ @A a = area(4096)').length).toBe(2);
    await expect(caption(lab.page)).toHaveText(before!);

    // out of the terminal (Escape), the clicker walks the lesson again
    const typedTwice = await status(lab.page).textContent();
    await lab.page.keyboard.press('Escape');
    await lab.page.keyboard.press('PageDown');
    await expect(status(lab.page)).not.toHaveText(typedTwice!);
  });

  test('with no lesson, spaces and Enter reach the terminal', async ({ lab }) => {
    await lab.open('./?present');
    await lab.type('s = socket(AF_LPAR, SOCK_SEQPACKET)');
    await expect.poll(() => terminalLines(lab)).toContain('scp$ s = socket(AF_LPAR, SOCK_SEQPACKET)');
    expect(await resultOf(lab, 'scp$ s = socket(AF_LPAR, SOCK_SEQPACKET)')).toBe('= 3');
    await lab.type('bind(s, 7)');
    await expect.poll(() => terminalLines(lab)).toContain('scp$ bind(s, 7)');
    expect(await resultOf(lab, 'scp$ bind(s, 7)')).toBe('= 0');
  });
});

test('no timeline shortcut acts while the focus is in the terminal or a text field', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.type('@A a = area(4096)');
  await lab.finishPlayback();
  const page = lab.page;
  const play = page.locator('.timeline .play');
  const still = async (where: string) => {
    for (const key of [' ', 'ArrowLeft', 'ArrowRight']) {
      const before = { status: await status(page).textContent(), play: await play.getAttribute('aria-label') };
      await page.keyboard.press(key);
      expect({ status: await status(page).textContent(), play: await play.getAttribute('aria-label') }, `${JSON.stringify(key)} in ${where}`).toEqual(before);
    }
  };
  const fields: { where: string; open: () => Promise<unknown>; field: () => ReturnType<Page['locator']> }[] = [
    { where: 'the terminal', open: async () => page.locator('.terminal-host').click(), field: () => page.locator('.xterm-helper-textarea') },
    {
      where: 'the exercise seed', open: async () => page.getByRole('button', { name: 'Lessons', exact: true }).click(),
      field: () => page.getByRole('spinbutton', { name: 'seed' }),
    },
    {
      where: "the builder's step title", open: async () => page.getByRole('button', { name: /Make a lesson|Back to the lesson builder/ }).click(),
      field: () => page.getByRole('textbox', { name: 'Step title' }),
    },
    { where: "the builder's narration", open: async () => undefined, field: () => page.locator('[data-view=lesson] textarea').first() },
    { where: "the builder's question", open: async () => undefined, field: () => page.getByRole('textbox', { name: 'Question for the room (optional)' }) },
    {
      where: 'a cost parameter', open: async () => page.getByRole('tab', { name: 'Costs' }).click(),
      field: () => page.locator('.costs-params input:not([type=checkbox])').first(),
    },
    {
      where: 'a contenteditable', open: async () => page.evaluate(() => {
        const note = document.createElement('div');
        note.contentEditable = 'true';
        note.id = 'note';
        note.textContent = 'notes';
        document.body.append(note);
      }),
      field: () => page.locator('#note'),
    },
  ];
  for (const { where, open, field } of fields) {
    await open();
    // some of these start a fresh lab (the builder): give the keys something to step through
    if ((await status(page).textContent())?.startsWith('event 0 of 0')) {
      await page.evaluate(() => window.lparlab?.submit('@A a = area(4096)'));
      await lab.finishPlayback();
    }
    await field().focus();
    await still(where);
    // the same keys with the focus on the page do act: the guard is what kept them out
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const end = await status(page).textContent();
    await page.keyboard.press('ArrowLeft');
    await expect(status(page), `ArrowLeft on the page, after ${where}`).not.toHaveText(end!);
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toHaveText(end!);
  }
});

test.describe('back through a question', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the caption names the step the playhead is in, and going back before a question asks it again', async ({ lab }) => {
    await lab.open('./?present&lesson=flip&step=4');
    const page = lab.page;
    await expect(caption(page)).toContainText('step 4 of 6');
    const eventAt = async () => Number(/event (\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
    const endOfStep3 = await eventAt();
    // asked, shown, answered
    await page.keyboard.press('PageDown');
    await expect(question(page)).toContainText('Who owns the frame of the message now?');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(question(page)).toContainText('B: the frames changed owner');
    await expect(page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);

    // back: the answer goes, then the step's events, then the question: the caption names step 3
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await expect(question(page)).toHaveCount(0);
    await expect(caption(page)).toContainText('step 3 of 6');
    expect(await eventAt()).toBe(endOfStep3);
    // two more: into step 3's events, still named step 3
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await eventAt()).toBe(endOfStep3 - 2);
    await expect(caption(page)).toContainText('step 3 of 6');

    // forward: step 3's events, then step 4's question is asked again, before any of its events
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(caption(page)).toContainText('step 3 of 6');
    expect(await eventAt()).toBe(endOfStep3);
    await page.keyboard.press('ArrowRight');
    await expect(caption(page)).toContainText('step 4 of 6');
    await expect(question(page)).toContainText('Who owns the frame of the message now?');
    await expect(question(page)).not.toContainText('B: the frames changed owner');
    expect(await eventAt()).toBe(endOfStep3);
    await expect(page.locator('[data-frame][data-owner="A"]')).toHaveCount(33);
    // and the step plays again, then its answer
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(question(page)).toContainText('B: the frames changed owner');
    await expect(page.locator('[data-frame][data-owner="B"]')).toHaveCount(33);
    await expect(caption(page)).toContainText('step 4 of 6');
    // on to step 5: typed once, at the end of the timeline
    await page.keyboard.press('ArrowRight');
    await expect(caption(page)).toContainText('step 5 of 6');
  });
});

test("the step's question is asked in the lesson panel too, and answered once the step is done", async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open('./?lesson=flip&step=4');
  const panel = lab.page.locator('[data-view=lesson]');
  const asked = panel.getByRole('region', { name: /Question: Who owns the frame of the message now\?/ });
  await expect(asked).toBeVisible();
  await expect(asked).not.toContainText('B: the frames changed owner');
  // the student says what they expect; the answer waits for the step
  await asked.getByRole('textbox', { name: 'your answer' }).fill('still A');
  await asked.getByRole('button', { name: 'Answer' }).click();
  await expect(asked).toContainText('You said: still A');
  await expect(asked).not.toContainText('B: the frames changed owner');
  for (const line of await panel.locator('.lines code').allTextContents()) await lab.type(line);
  await expect(panel.locator('.status')).toHaveText(/Step done/);
  await expect(asked).toContainText('Answer: B: the frames changed owner');
  await expect(asked).toContainText('You said: still A');
});

test('what the terminal printed wraps between words again when its width changes', async ({ lab }) => {
  await lab.page.setViewportSize({ width: 1366, height: 768 });
  await lab.open();
  await lab.type('s = socket(AF_LPAR, SOCK_SEQPACKET)');
  await lab.type('help');
  await expect.poll(() => lab.terminalText()).toContain('Switch context with @A');
  const rowsNow = async () => (await lab.page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  for (const width of [1024, 1920, 1200]) {
    await lab.page.setViewportSize({ width, height: 768 });
    const cols = async () => Math.max(...(await rowsNow()).map((r) => r.length));
    await expect.poll(cols, `the terminal fits ${width} px`).toBeGreaterThan(10);
    // every word on screen is a word the lab printed: no word is cut in two by a row's end
    const words = new Set((await lab.terminalText()).split(/\s+/));
    await expect.poll(async () => (await rowsNow()).flatMap((r) => r.split(/\s+/)).filter((w) => w && !words.has(w)), `cut words at ${width} px`).toEqual([]);
    // help's descriptions hang under themselves
    const rows = await rowsNow();
    const seed = rows.findIndex((r) => r.startsWith('  seed <n>'));
    expect(seed, `help's last command on screen at ${width} px`).toBeGreaterThanOrEqual(0);
    expect(rows[seed + 1], `the row under seed at ${width} px`).toMatch(/^ {6}start the machine/);
  }
  await expect.poll(() => lab.terminalText()).toContain('scp$ s = socket(AF_LPAR, SOCK_SEQPACKET)');
});

test.describe('the stage at 1366x768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('the room reads the last typed line and its result: text of 20 px or more, 4 rows at least, frames of 24 px, with a question up too', async ({ lab }) => {
    await lab.open('./?present&lesson=flip&step=4');
    const page = lab.page;
    await lab.type('frames_free()');
    await expect.poll(() => terminalLines(lab)).toContain('scp$ frames_free()');
    await page.keyboard.press('Escape');
    const measure = () => page.evaluate(() => {
      const view = document.querySelector('.terminal-view')!.getBoundingClientRect();
      const rows = [...document.querySelectorAll<HTMLElement>('.xterm-rows > div')];
      const shown = rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= view.top - 0.5 && b.bottom <= view.bottom + 0.5 && b.bottom <= innerHeight;
      });
      const cells = [...document.querySelectorAll('[data-frame] rect')].map((r) => r.getBoundingClientRect());
      return {
        font: parseFloat(getComputedStyle(rows[0]!).fontSize),
        rows: shown.length,
        // the typed line and what it printed are among the rows on screen
        lines: shown.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()),
        cell: Math.min(...cells.map((c) => Math.min(c.width, c.height))),
        frames: cells.length,
      };
    });
    for (const moment of ['typed', 'asked']) {
      if (moment === 'asked') {
        await page.keyboard.press('PageDown');
        await expect(question(page)).toBeVisible();
      }
      const m = await measure();
      expect(m.font, `terminal text px (${moment})`).toBeGreaterThanOrEqual(20);
      expect(m.rows, `terminal rows on screen (${moment})`).toBeGreaterThanOrEqual(4);
      expect(m.lines, moment).toContain('scp$ frames_free()');
      expect(m.lines[m.lines.indexOf('scp$ frames_free()') + 1], moment).toMatch(/^= \d+$/);
      expect(m.frames).toBe(256);
      expect(m.cell, `smallest frame cell px (${moment})`).toBeGreaterThanOrEqual(24);
    }
  });
});
