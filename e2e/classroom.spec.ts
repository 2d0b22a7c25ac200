// A live classroom end to end: the relay started here on loopback, one
// lecturer and three students in their own browser contexts. The lecturer
// teaches the flip lesson; the students' labs follow; one student tries
// something alone and follows again; a page with a forged key changes
// nobody's lab; the room answers the lesson's question; the relay is killed
// and started again and nothing is lost.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { LabPage } from './labPage.ts';
import { spawnRelay } from '../src/cli/relayProcess.ts';
import type { RelayProcess } from '../src/cli/relayProcess.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let relay: RelayProcess;
let stateDir: string;
const pages: LabPage[] = [];

test.beforeAll(async ({ baseURL }) => {
  stateDir = mkdtempSync(join(tmpdir(), 'lparlab-classroom-e2e-'));
  // any free port: the test never meets a relay it did not start
  relay = await spawnRelay({ stateDir, page: baseURL!, fresh: true });
});

test.afterAll(async () => {
  await relay?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Browsers log a failed websocket connection as an error: expected while the relay is down, nothing else is. */
const unexpected = (errors: readonly string[]) => errors.filter((e) => !/WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/[^']*' failed/.test(e));

async function openPage(browser: Browser, url: string, animated = false): Promise<LabPage> {
  const context = await browser.newContext({ reducedMotion: animated ? 'no-preference' : 'reduce', viewport: { width: 1366, height: 768 } });
  const lab = new LabPage(await context.newPage());
  pages.push(lab);
  await lab.open(url);
  return lab;
}

const status = (page: Page) => page.getByTestId('classroom-status');

async function ownersAtRest(lab: LabPage): Promise<string[]> {
  await lab.finishPlayback();
  return lab.owners();
}

test('one lecturer and three students share a lab through the relay', async ({ browser }) => {
  // four pages and a relay: 78 s of the default 90 on a quiet 2-core machine with two workers
  test.setTimeout(240_000);
  // the lecturer opens their link at the flip lesson's S107 step, whose question goes to the room
  const lecturer = await openPage(browser, `${relay.lecturerLink}&lesson=flip&step=4`);
  await expect(status(lecturer.page)).toHaveText('connected');
  const students = [
    await openPage(browser, relay.studentsLink, true),
    await openPage(browser, relay.studentsLink),
    await openPage(browser, relay.studentsLink),
  ];
  for (const s of students) {
    await expect(status(s.page)).toHaveText('connected');
    await expect(s.page.getByText('Step 4 of')).toBeVisible();
  }
  await expect(lecturer.page.getByTestId('classroom-count')).toHaveText('3 students connected, 3 following');

  // the Fig. 6 flip, typed by the lecturer: every student's Memory view shows the same owners
  const before = await ownersAtRest(lecturer);
  await lecturer.type('@A send(ch, a, "hi")');
  const flipped = await ownersAtRest(lecturer);
  expect(flipped.filter((o, i) => o !== before[i])).toContain('B');
  for (const s of students) await expect.poll(() => s.owners(), { timeout: 60_000 }).toEqual(flipped);
  // the animated student's terminal shows the line as the lecturer typed it
  await expect.poll(() => students[0]!.terminalText()).toContain('scp$ @A send(ch, a, "hi")');

  // the question of the step is a poll: answers are tallied on the lecturer's page
  for (const [s, answer] of [[students[0]!, 'B'], [students[1]!, 'b'], [students[2]!, 'A']] as const) {
    await s.page.getByPlaceholder('your answer').fill(answer);
    await s.page.getByRole('button', { name: 'Answer' }).click();
  }
  await expect(lecturer.page.getByText('3 of 3 answered')).toBeVisible();
  await expect(lecturer.page.locator('.tally')).toHaveCount(0);
  await lecturer.page.getByRole('button', { name: 'Reveal the tally' }).click();
  const bars = lecturer.page.locator('.tally-bars li');
  await expect(bars).toHaveCount(2);
  await expect(bars.nth(0)).toHaveAttribute('data-answer', 'B');
  await expect(bars.nth(0)).toHaveAttribute('data-count', '2');
  await expect(bars.nth(1)).toHaveAttribute('data-answer', 'A');
  await expect(bars.nth(1)).toHaveAttribute('data-count', '1');
  // revealed, the room sees the same tally (the lecturer's page counted it)
  await expect(students[2]!.page.locator('.tally-bars li').first()).toHaveAttribute('data-count', '2');

  // one student tries something alone, then follows again
  const alone = students[1]!;
  await alone.page.getByRole('button', { name: 'Try it yourself' }).click();
  await expect(alone.page.getByTestId('classroom-follow')).toHaveText('on your own');
  await expect(lecturer.page.getByTestId('classroom-count')).toHaveText('3 students connected, 2 following');
  await alone.type('@A b = area(8192)');
  await expect.poll(() => ownersAtRest(alone)).not.toEqual(flipped);
  await expect.poll(() => lecturer.owners()).toEqual(flipped);
  await lecturer.type('@B r = recv(chb)');
  const received = await ownersAtRest(lecturer);
  await alone.page.getByRole('button', { name: 'Follow again' }).click();
  await expect(alone.page.getByTestId('classroom-follow')).toHaveText('following the lecturer');
  await expect.poll(() => ownersAtRest(alone)).toEqual(received);
  await expect(lecturer.page.getByTestId('classroom-count')).toHaveText('3 students connected, 3 following');

  // a page with a forged key behaves as a lecturer, but the relay drops what it sends
  const forged = await openPage(browser, `${relay.studentsLink}&key=${'x'.repeat(24)}`);
  await expect(status(forged.page)).toHaveText('connected');
  await expect.poll(() => ownersAtRest(forged)).toEqual(received);
  await forged.type('@A z = area(16384)');
  await expect.poll(() => ownersAtRest(forged)).not.toEqual(received);
  await lecturer.type('@B peek(r.addr, 2)');
  await expect.poll(() => lecturer.lastOutput()).toBe('= "he"');
  for (const s of [lecturer, ...students]) {
    await expect.poll(() => s.terminalText()).toContain('peek(r.addr, 2)');
    expect(await s.terminalText()).not.toContain('z = area(16384)');
    await expect.poll(() => ownersAtRest(s)).toEqual(received);
  }

  // the relay is killed; the lecturer goes on typing; the relay starts again and nobody loses a line
  await relay.kill();
  for (const s of [lecturer, ...students]) await expect(status(s.page)).not.toHaveText('connected');
  await lecturer.type('@B free(r.addr)');
  const freed = await ownersAtRest(lecturer);
  expect(freed).not.toEqual(received);
  // on the port the first relay took: the pages' links lead there
  relay = await spawnRelay({ port: relay.port, stateDir, page: relay.studentsLink.split('?')[0]! });
  for (const s of [lecturer, ...students]) await expect(status(s.page)).toHaveText('connected', { timeout: 30_000 });
  for (const s of students) {
    await expect.poll(() => ownersAtRest(s), { timeout: 60_000 }).toEqual(freed);
    // each of the lecturer's lines reached the student's lab exactly once
    const text = await s.terminalText();
    expect(text.split('free(r.addr)').length - 1).toBe(1);
  }

  for (const p of pages) expect(unexpected(p.errors), 'console errors and page errors').toEqual([]);
});
