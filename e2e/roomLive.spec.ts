// A live classroom in front of a room (a relay started here on a free port):
// a room document someone with the key has spoiled (issue 18 §3), presence
// of another shape or in a flood, and the lecturer presenting in a room: the
// classroom strip never moves the stage, the tally stays off it until
// revealed, on the projector and on a student's phone.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';
import { frameBoxes } from './frameBoxes.ts';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import type { RelayProcess } from '../src/cli/relayProcess.ts';
import { readRoom, replaceLines, roomLines, roomMeta } from '../src/ui/classroom/room.ts';
/** A Yjs client of the room from this test (a tool, or a student's script), with the key or without. */
class RoomClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  constructor(relay: RelayProcess, key: string | null) {
    this.provider = new WebsocketProvider(relay.url, relay.room, this.doc, {
      params: key ? { key } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
  }
  synced(): Promise<void> {
    return this.provider.synced ? Promise.resolve() : new Promise((resolve) => this.provider.once('sync', () => resolve()));
  }
  destroy(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** Browsers log a failed websocket connection as an error: expected while a page waits for a relay, nothing else is. */
const unexpected = (errors: readonly string[]) => errors.filter((e) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[^']*' failed/.test(e));

/** The good lab the tool puts in the room before each hostile change: A's area of Fig. 5, 16 frames of its own. */
const GOOD_LINES = ['@A a = area(4096)'];
const GOOD_META = { seed: 1, frames: 256, groups: 3, units: 8, lesson: null, step: null, position: 0, playing: false, reveal: false, tally: [] };

/** Each document of issue 18 §3, written with the key into a room holding a good lab. */
const HOSTILE: readonly { readonly name: string; readonly spoil: (doc: Y.Doc) => void; readonly says: RegExp }[] = [
  { name: 'a line that is a number', spoil: (doc) => roomLines(doc).push([42 as unknown as string]), says: /line 2 is a number/ },
  { name: 'a line that is an object', spoil: (doc) => roomLines(doc).push([{ run: 'reset' } as unknown as string]), says: /line 2 is an object/ },
  { name: 'a line that is null', spoil: (doc) => roomLines(doc).push([null as unknown as string]), says: /line 2 is null/ },
  { name: 'a line that is a nested Yjs type', spoil: (doc) => roomLines(doc).push([new Y.Map() as unknown as string]), says: /line 2 is a nested Yjs type/ },
  { name: '5 frames', spoil: (doc) => roomMeta(doc).set('frames', 5), says: /frames must be a whole number from 128/ },
  { name: '256.5 frames', spoil: (doc) => roomMeta(doc).set('frames', 256.5), says: /frames must be a whole number/ },
  { name: '99 groups', spoil: (doc) => roomMeta(doc).set('groups', 99), says: /groups must be a whole number from 1 to 8/ },
  { name: 'a seed of -1', spoil: (doc) => roomMeta(doc).set('seed', -1), says: /the seed must be a whole number/ },
];

test.describe('a live classroom with a hostile room document', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  test.use({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });

  let relay: RelayProcess;
  let stateDir: string;
  let tool: RoomClient;

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-e2e-'));
    // port 0: the relay takes a free port (never a fixed one: another checkout may run its suite)
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
    tool = new RoomClient(relay, relay.key);
    await tool.synced();
  });

  test.afterAll(async () => {
    tool?.destroy();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  /** A page of its own browser context, opened at `url` and connected (a busy machine may take a while). */
  async function openPage(browser: Browser, url: string): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } });
    const lab = new LabPage(await context.newPage());
    await goTo(lab, url);
    return lab;
  }

  async function goTo(lab: LabPage, url: string): Promise<void> {
    await lab.page.goto(url);
    await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect.poll(() => lab.terminalText(), { timeout: 30_000 }).toContain('scp$');
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
  }

  /** The room's lab as the tool reads it, for polling. */
  const roomNow = () => {
    const read = readRoom(tool.doc);
    return read.kind === 'lab' ? read.lab.lines.join(' | ') : read.kind;
  };

  const atRest = async (lab: LabPage) => {
    await lab.finishPlayback();
    return lab.owners();
  };

  // one student's page for every case; the lecturer's page is away while the room is spoiled, then opened again on it
  let student: LabPage | null = null;
  let lecturer: LabPage | null = null;
  test.afterAll(async () => {
    for (const p of [student, lecturer]) await p?.page.context().close();
  });

  for (const hostile of HOSTILE) {
    test(`${hostile.name}: the student keeps a working lab and is told why, the lecturer's page puts its own lab back and goes on publishing`, async ({ browser }) => {
      await lecturer?.page.goto('about:blank');
      student ??= await openPage(browser, relay.studentsLink);
      const rebuilds = async () => (await student!.terminalText()).split("(the lecturer's lab: seed 1, 1 line replayed)").length;
      const before = await rebuilds();
      replaceLines(tool.doc, GOOD_LINES, GOOD_META);
      await expect.poll(rebuilds, { timeout: 30_000 }).toBeGreaterThan(before);
      const good = await atRest(student);

      // the tool spoils the room: the student's page says so, keeps its lab and stays usable
      hostile.spoil(tool.doc);
      const notice = student.page.getByTestId('classroom-notice');
      await expect(notice).toContainText("the room's lab is invalid", { timeout: 30_000 });
      await expect(notice).toContainText(hostile.says);
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(student.page.getByTestId('classroom-status')).toHaveText('connected');
      expect(await student.owners()).toEqual(good);
      await expect(student.page.getByTestId('classroom-follow')).toHaveText('following the lecturer');
      if (hostile === HOSTILE[0]) await student.page.screenshot({ path: 'test-results/room-student-1366-invalid-room.png' });

      // the lecturer's page is opened (or reloaded) on the spoiled room: it does not take it back, it replaces it
      if (lecturer) await goTo(lecturer, relay.lecturerLink);
      else lecturer = await openPage(browser, relay.lecturerLink);
      await expect(lecturer.page.getByTestId('classroom-notice')).toContainText("the room's lab was invalid", { timeout: 30_000 });
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('');
      await expect(notice).toHaveCount(0, { timeout: 30_000 });
      // and goes on publishing: its next line reaches the student
      await lecturer.type('@B b = area(8192)');
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192)');
      const taught = await atRest(lecturer);
      await expect.poll(() => atRest(student!), { timeout: 30_000 }).toEqual(taught);

      // spoiled again while the lecturer is there: the lecturer's lab is put back at once
      hostile.spoil(tool.doc);
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192)');
      await lecturer.type('@A c = area(4096)');
      await expect.poll(roomNow, { timeout: 30_000 }).toBe('@B b = area(8192) | @A c = area(4096)');
      const later = await atRest(lecturer);
      await expect.poll(() => atRest(student!), { timeout: 30_000 }).toEqual(later);

      for (const p of [student, lecturer]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
    });
  }

  test("a step past the lesson's end opens the lesson's last step, for the student and the reloaded lecturer", async ({ browser }) => {
    await lecturer?.page.goto('about:blank');
    replaceLines(tool.doc, GOOD_LINES, { ...GOOD_META, lesson: 'flip', step: 99 });
    student ??= await openPage(browser, relay.studentsLink);
    const last = /Step (\d+) of \1\b/;
    await expect(student.page.getByText(last).first()).toBeVisible({ timeout: 30_000 });
    await expect(student.page.getByTestId('classroom-notice')).toContainText('opens at the last one');
    if (lecturer) await goTo(lecturer, relay.lecturerLink);
    else lecturer = await openPage(browser, relay.lecturerLink);
    await expect(lecturer.page.getByText(last).first()).toBeVisible({ timeout: 30_000 });
    await lecturer.type('@B b = area(8192)');
    await expect.poll(roomNow, { timeout: 30_000 }).toContain('@B b = area(8192)');
    for (const p of [student, lecturer]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });
});

test.describe('the lecturer presents in a room', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  let relay: RelayProcess;
  let stateDir: string;
  const contexts: BrowserContext[] = [];
  const clients: RoomClient[] = [];

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-present-e2e-'));
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
  });

  test.afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const c of contexts) await c.close();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  async function openPage(browser: Browser, url: string, viewport = { width: 1366, height: 768 }): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport });
    contexts.push(context);
    const lab = new LabPage(await context.newPage());
    await lab.page.goto(url);
    await lab.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
    return lab;
  }

  /** Every event of the step shown (the presenter's stage has the timeline bar too). */
  const allShown = (lab: LabPage) => expect(lab.page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/, { timeout: 30_000 });

  test('the classroom strip never moves the stage, and the answers stay off it until the tally is revealed', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&present&lesson=flip&step=3`);
    const page = lecturer.page;
    const student = await openPage(browser, relay.studentsLink);
    await expect(page.getByTestId('classroom-count')).toHaveText('1 student connected, 1 following');

    // step 3 played, nothing asked yet
    await page.keyboard.press('PageDown');
    await allShown(lecturer);
    await expect(page.locator('[data-frame]')).toHaveCount(256);
    const before = await frameBoxes(page);
    await page.screenshot({ path: 'test-results/room-present-1366-before-question.png' });

    // the next step asks the room: the strip's row stays as it was, every frame keeps its box
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('dialog', { name: 'question for the room' })).toContainText('Who owns the frame of the message now?');
    await expect(page.getByRole('button', { name: 'Reveal the tally' })).toBeVisible();
    expect(await frameBoxes(page)).toEqual(before);

    // a student answers: the projected stage shows no count and no tally
    await expect(student.page.getByPlaceholder('your answer')).toBeVisible({ timeout: 30_000 });
    await student.page.getByPlaceholder('your answer').fill('B');
    await student.page.getByRole('button', { name: 'Answer' }).click();
    // the lecturer's own window has the count
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Lecturer view' }).click();
    const view = await popup;
    await expect(view.getByTestId('lecturer-answered')).toHaveText('1 of 1 answered', { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    await expect(page.getByText(/answered/)).toHaveCount(0);
    await expect(page.locator('.tally')).toHaveCount(0);
    await expect(page.getByText(/answers?;/)).toHaveCount(0);
    expect(await frameBoxes(page)).toEqual(before);
    await page.screenshot({ path: 'test-results/room-present-1366-asked.png' });
    await view.screenshot({ path: 'test-results/room-lecturer-view.png' });

    // revealed from the lecturer's window: the room sees the tally, laid over the stage; the grid stays put
    await view.getByRole('button', { name: 'Reveal the tally' }).click();
    const shown = page.getByRole('group', { name: "the room's answers, revealed" });
    await expect(shown.locator('.tally-bars li').first()).toHaveAttribute('data-answer', 'B');
    await expect(student.page.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    expect(await frameBoxes(page)).toEqual(before);
    await page.screenshot({ path: 'test-results/room-present-1366-revealed.png' });
    await student.page.screenshot({ path: 'test-results/room-student-1366.png' });

    // the step plays and the frames stay where they were
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(page.getByRole('dialog', { name: 'question for the room' })).toContainText('B: the frames changed owner');
    expect(await frameBoxes(page)).toEqual(before);
    await expect.poll(() => student.owners(), { timeout: 60_000 }).toEqual(await lecturer.owners());

    for (const p of [lecturer, student]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });

  test('presence of another shape is nobody, and a flood of presence changes counts one student once', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&lesson=flip&step=4`);
    const count = lecturer.page.getByTestId('classroom-count');
    // the previous test's pages are closed: the room is empty but for this lecturer
    for (const c of contexts.slice(0, -1)) await c.close();
    await expect(count).toHaveText('0 students connected, 0 following', { timeout: 30_000 });

    const announce = async (state: Record<string, unknown>) => {
      const client = new RoomClient(relay, null);
      clients.push(client);
      await client.synced();
      client.provider.awareness.setLocalState(state);
      return client;
    };
    const answer = (text: string) => ({ question: 'flip:3', text });
    // each from a connection of its own, as a script in a student's console would
    await announce({ role: 'student', name: 7, following: true, step: 3, answer: null });
    await announce({ role: 'student', name: 'Long', following: true, step: 3, answer: answer('B'.repeat(500)) });
    await announce({ role: 'student', name: 'N'.repeat(41), following: true, step: 3, answer: answer('B') });
    await announce({ role: 'student', name: 'Odd', following: 'yes', step: 3, answer: answer('B') });
    await announce({ role: 'student', name: 'Deep', following: true, step: 3, answer: { question: 'flip:3', text: { toString: 'B' } } });
    const bot = await announce({ role: 'student', name: 'Bot', following: false, step: 3, answer: answer('The control OS') });
    await expect(count).toHaveText('1 student connected, 0 following', { timeout: 30_000 });

    // one connection changes its answer 500 times as fast as it can (the relay may pass only some of
    // them): still one student, one answer
    for (let i = 0; i < 500; i++) bot.provider.awareness.setLocalStateField('answer', answer(`The control OS ${i}`));
    const popup = lecturer.page.waitForEvent('popup');
    await lecturer.page.getByRole('button', { name: 'Lecturer view' }).click();
    const view = await popup;
    await expect(view.locator('.tally-bars li')).toHaveCount(1, { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-answer', /^The control OS \d+$/, { timeout: 30_000 });
    await expect(view.locator('.tally-bars li').first()).toHaveAttribute('data-count', '1');
    await expect(view.getByTestId('lecturer-answered')).toHaveText('1 of 1 answered');
    await expect(count).toHaveText('1 student connected, 0 following');
    // and the lecturer's page still teaches
    await lecturer.type('@A x = area(4096)');
    await expect.poll(() => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(bot.doc));
      return roomLines(doc).toArray().at(-1);
    }, { timeout: 30_000 }).toBe('@A x = area(4096)');
    expect(unexpected(lecturer.errors), 'console errors and page errors').toEqual([]);
  });
});

test.describe("a student's page in a room", () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });

  let relay: RelayProcess;
  let stateDir: string;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async ({ baseURL }) => {
    stateDir = mkdtempSync(join(tmpdir(), 'lparlab-room-student-e2e-'));
    relay = await spawnRelay({ port: 0, stateDir, page: baseURL!, fresh: true });
  });

  test.afterAll(async () => {
    for (const c of contexts) await c.close();
    await relay?.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }, phone = false): Promise<LabPage> {
    const context = await browser.newContext({ reducedMotion: 'reduce', viewport, deviceScaleFactor: 1, ...(phone ? { hasTouch: true, isMobile: true } : {}) });
    contexts.push(context);
    const lab = new LabPage(await context.newPage());
    await lab.page.goto(url);
    await expect(lab.page.getByTestId('classroom-status')).toHaveText('connected', { timeout: 30_000 });
    return lab;
  }

  /** The Memory view's box in the document (a phone's page may scroll to follow the frames: that is not the layout moving), to the pixel. */
  const memoryBox = (lab: LabPage) => lab.page.getByTestId('memory-view').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  });

  test('the question row and the tally never push the Memory view down, at 1366x768 and on a phone at 390x844', async ({ browser }) => {
    const lecturer = await openPage(browser, `${relay.lecturerLink}&present&lesson=flip&step=3`, { width: 1366, height: 768 });
    const page = lecturer.page;
    const students = [
      { name: '1366', lab: await openPage(browser, relay.studentsLink, { width: 1366, height: 768 }) },
      { name: '390', lab: await openPage(browser, relay.studentsLink, { width: 390, height: 844 }, true) },
    ];
    await expect(page.getByTestId('classroom-count')).toHaveText('2 students connected, 2 following', { timeout: 30_000 });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/, { timeout: 30_000 });
    const before: Record<string, Awaited<ReturnType<typeof memoryBox>>> = {};
    for (const s of students) {
      await expect(s.lab.page.getByTestId('student-question')).toContainText('No question from the lecturer yet');
      before[s.name] = await memoryBox(s.lab);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-before.png` });
    }

    // asked
    await page.keyboard.press('PageDown');
    for (const s of students) {
      await expect(s.lab.page.getByTestId('student-question')).toContainText('Who owns the frame of the message now?', { timeout: 30_000 });
      expect(await memoryBox(s.lab), `${s.name}: asked`).toEqual(before[s.name]);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-asked.png` });
    }

    // answered
    for (const s of students) {
      await s.lab.page.getByPlaceholder('your answer').fill('B');
      await s.lab.page.getByRole('button', { name: 'Answer', exact: true }).click();
      await expect(s.lab.page.getByTestId('student-question')).toContainText('sent: B');
      expect(await memoryBox(s.lab), `${s.name}: answered`).toEqual(before[s.name]);
    }

    // revealed: the tally lies over the page, and can be closed and opened again
    await page.getByRole('button', { name: 'Reveal the tally' }).click();
    for (const s of students) {
      const tally = s.lab.page.getByRole('group', { name: "the room's answers, revealed" });
      await expect(tally.locator('.tally-bars li').first()).toHaveAttribute('data-count', '2', { timeout: 30_000 });
      expect(await memoryBox(s.lab), `${s.name}: revealed`).toEqual(before[s.name]);
      await s.lab.page.screenshot({ path: `test-results/room-student-${s.name}-revealed.png` });
      await tally.getByRole('button', { name: 'Close' }).click();
      await expect(tally).toHaveCount(0);
      await s.lab.page.getByRole('button', { name: "The room's answers" }).click();
      await expect(tally).toBeVisible();
      expect(await memoryBox(s.lab), `${s.name}: tally opened again`).toEqual(before[s.name]);
      // no sideways scroll on the phone
      if (s.name === '390') expect(await s.lab.page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth), 'sideways scroll').toBeLessThanOrEqual(0);
    }
    for (const p of [lecturer, ...students.map((s) => s.lab)]) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
  });
});
