// Issue 21 §3: the student plays the system control program in the page.
// Lesson 11 is walked by typing each step; on the way the Memory view shows
// each guest's request waiting at the program (who asks for how much), and
// the Sequence view the ask and the answer as arrows both ways [0080], [0049].
// Screenshots at 1366x768, DPR 1, for people to look at.

import { join } from 'node:path';
import { test, expect } from './fixtures.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 });

test('a student plays the system control program: lesson 11, with the asks and answers drawn', async ({ lab }) => {
  test.setTimeout(180_000);
  await lab.open();
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lab.page.getByRole('button', { name: /11\. The system control program decides/ }).click();
  const panel = lab.page.locator('[data-view=lesson]');
  const memory = lab.page.locator('[data-view=memory]');
  const sequence = lab.page.locator('[data-view=sequence]');
  for (let step = 0; step < 5; step++) {
    const lines = await panel.locator('.lines code').allTextContents();
    await expect(panel.locator('.checks li.todo').first()).toBeVisible();
    for (const line of lines) await lab.type(line);
    await expect(panel.locator('.status')).toHaveText(/Step done|Lesson complete/);
    await expect(panel.locator('.checks li.todo')).toHaveCount(0);
    await lab.finishPlayback();
    if (step === 1) {
      // each guest's ask went to the program as a message [0080]
      expect((await lab.sequenceTags()).filter((t) => t === '[0080]').length).toBeGreaterThanOrEqual(2);
    }
    if (step === 2) {
      // both requests read: the program holds them, each labelled with who asks for what
      await expect(memory.locator('[aria-label*="holds request 1 from A for 24 mem"]')).toHaveCount(1);
      await expect(memory.locator('[aria-label*="holds request 2 from B for 40 mem"]')).toHaveCount(1);
      await expect(memory.locator('g.mem-held text', { hasText: 'req. A' })).toHaveCount(1);
      await lab.page.screenshot({ path: join(SHOTS, 'scp-requests-1366x768.png') });
    }
    if (step === 3) {
      // answered: no request is held any more, and the answers went back
      await expect(memory.locator('[aria-label*="holds request"]')).toHaveCount(0);
      const tags = await lab.sequenceTags();
      expect(tags).toContain('[0049]');
      expect(tags).toContain('S311(a)');
      await expect(sequence).toContainText('grant');
      await lab.page.screenshot({ path: join(SHOTS, 'scp-answers-1366x768.png') });
    }
    const next = panel.getByRole('button', { name: 'Next step' });
    if (step < 4) await next.click();
  }
  await expect(panel.locator('.status')).toHaveText(/Lesson complete/);
  // the guests' calls returned with the program's answers
  await expect.poll(() => lab.terminalText()).toContain('completes: = 24');
  await expect.poll(() => lab.terminalText()).toContain('the system control program refused: 40 pages would leave too little for the others');
});

test('the program\'s calls refuse bad answers with a clear error, and Ctrl-C takes a waiting request back', async ({ lab }) => {
  await lab.open();
  await lab.typeAll([
    's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fa = accept(s)',
    'policy(mem, ask)', '@A request(mem, 30)',
  ]);
  await lab.type('grant(1)');
  await expect.poll(() => lab.lastOutput()).toContain('EINVAL: request 1 is still waiting in fd 4: read(4) it first');
  await lab.type('@A');
  await lab.page.keyboard.press('Control+C');
  await expect.poll(() => lab.terminalText()).toContain('EINTR: interrupted while waiting in request');
});
