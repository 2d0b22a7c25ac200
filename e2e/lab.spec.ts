import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

test.use({ reducedMotion: 'reduce' });

test('the lab opens with the booted machine, and the terminal answers', async ({ lab }) => {
  await lab.open();
  await expect(lab.page.locator('[data-frame]')).toHaveCount(256);
  await lab.type('frames_free()');
  await expect.poll(() => lab.lastOutput()).toBe('= 160');
});

test('Fig. 9 typed in the terminal: the flip hands A\'s frame to the scp, A faults, the views follow', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(FIG9_SETUP);
  await lab.finishPlayback();
  const before = await lab.owners();

  await lab.type('@A send(ch, a, "mem request")');
  await lab.finishPlayback();
  const after = await lab.owners();
  const changed = before.map((owner, frame) => ({ frame, owner, now: after[frame] })).filter((x) => x.owner !== x.now);
  expect(changed).toEqual([{ frame: expect.any(Number), owner: 'A', now: 'scp' }]);

  await lab.type('@A peek(a, 4)');
  await expect.poll(() => lab.lastOutput()).toMatch(/^= -1 EFAULT: A has nothing mapped at 0x100000/);

  await lab.typeAll(['r = read(fd)', 'v = open(r.vfile)', 'read(v, 16)']);
  await expect.poll(() => lab.lastOutput()).toBe('= "need 64 pages"');
  await lab.showTab('Sockets');
  await expect(lab.page.locator('[data-vfile="/msg/A.1"]').first()).toBeVisible();
  await expect(lab.page.locator('[data-fd="4"]').first()).toBeVisible();
  await expect(lab.page.getByTestId('scp-state')).toContainText(/running/i);

  await lab.typeAll(['close(v)', 'write(fd, r.vfile)']);
  await lab.finishPlayback();
  const tags = await lab.sequenceTags();
  expect(tags).toContain('S-C');
  expect(tags).toContain('S311(a)');
  expect(await lab.owners()).toEqual(before);
});

test('step back through the timeline returns the Memory view to state 1, and forward again to state 2', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(FIG9_SETUP);
  await lab.finishPlayback();
  const state1 = await lab.owners();
  await lab.type('@A send(ch, a, "mem request")');
  await lab.finishPlayback();
  const state2 = await lab.owners();
  expect(state2).not.toEqual(state1);

  // back one event at a time until the flip is undone
  const back = lab.timelineButton('step back one event');
  for (let i = 0; i < 20 && JSON.stringify(await lab.owners()) !== JSON.stringify(state1); i++) await back.click();
  expect(await lab.owners()).toEqual(state1);
  await expect(lab.page.getByTestId('timeline-status')).toContainText('in the past');

  await lab.page.keyboard.press('ArrowRight');
  await lab.finishPlayback();
  expect(await lab.owners()).toEqual(state2);
});

test('clicking an arrow of the sequence chart moves the timeline to it', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(FIG9_SETUP);
  await lab.type('@A send(ch, a, "x")');
  await lab.finishPlayback();
  const arrow = lab.page.locator('[data-testid="sequence-chart"] [data-tag="S305(a)"]').first();
  await arrow.click();
  await expect(lab.page.getByTestId('narration')).toContainText('S305(a)');
  await expect(lab.page.getByTestId('timeline-status')).toContainText('in the past');
});

test('a step of the lab\'s own is captioned "lab", and the page keeps its layout', async ({ lab }) => {
  await lab.open();
  const headHeight = async () => (await lab.page.locator('.lab-head').boundingBox())!.height;
  const before = await headHeight();
  await lab.typeAll(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'deny(s, B)']);
  await lab.finishPlayback();
  const narration = lab.page.getByTestId('narration');
  await expect(narration).toContainText('kernel refuses B for service 7');
  await expect(narration.locator('.tag')).toHaveText('lab');
  await expect(narration.locator('.tag')).toHaveAttribute('title', /the lab's own extension/);
  // the caption stays one line in the header: the terminal is still there to type in
  expect(await headHeight()).toBe(before);
  await lab.type('@B connect(7)');
  await expect.poll(() => lab.lastOutput()).toMatch(/ECONNREFUSED/);
});

test('a blocked call leaves the terminal usable and prints its result under its context', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)']);
  await expect.poll(() => lab.lastOutput()).toMatch(/scp is blocked in accept/);
  await lab.type('@A ch = connect(7)');
  await expect.poll(() => lab.lastOutput()).toBe('[scp] fd = accept(s) completes: = 4');
});

test('Ctrl-C interrupts the waiting call with EINTR', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(['@A', 'ch = connect(B)']);
  await expect.poll(() => lab.lastOutput()).toMatch(/A is blocked in connect/);
  await lab.page.keyboard.press('Control+C');
  await expect.poll(() => lab.lastOutput()).toMatch(/EINTR/);
});

test('history, line editing and tab completion work as in a shell', async ({ lab }) => {
  await lab.open();
  await lab.type('frames_free()');
  await lab.page.keyboard.press('ArrowUp');
  await lab.page.keyboard.press('Enter');
  await expect.poll(async () => (await lab.terminalText()).match(/= 160/g)?.length).toBe(2);
  await lab.page.keyboard.type('frames_o');
  await lab.page.keyboard.press('Tab');
  await lab.page.keyboard.type('A)');
  await lab.page.keyboard.press('Home');
  await lab.page.keyboard.type('n = ');
  await lab.page.keyboard.press('Enter');
  await expect.poll(() => lab.lastOutput()).toBe('= 32');
  await lab.page.keyboard.press('Control+L');
  await expect.poll(async () => (await lab.terminalText()).includes('= 160')).toBe(false);
});

// issue 18: the Costs view rounded what was typed: 0.5 became 1, and confirming the default 0.3 set 0
test('the Costs view keeps a cost of a fraction of a cycle as typed', async ({ lab }) => {
  await lab.open();
  await lab.showTab('Costs');
  const copy = lab.page.getByLabel('copy, per byte');
  const status = lab.page.locator('.costs-params .status');
  await copy.focus();
  await copy.press('Enter');
  await expect(status).toHaveText('copyPerByte is now 0.3 cycles');
  await copy.fill('0.5');
  await copy.press('Enter');
  await expect(status).toHaveText('copyPerByte is now 0.5 cycles');
  await lab.type('log 1');
  await expect.poll(() => lab.lastOutput()).toContain('0.5');
});
