// `back` typed in the page's terminal: the same table of scripts the engine's
// shell runs in Vitest (src/engine/shell/back.test.ts), here with the player
// animating (and with reduced motion, where it jumps to the end at once). The
// page must stay at the moment `back` returned to, not play the undone step again.

import { test, expect } from './fixtures.ts';
import { BACK_CASES } from '../src/engine/testing/backCases.ts';

for (const motion of ['no-preference', 'reduce'] as const) {
  test.describe(`back in the page (motion: ${motion})`, () => {
    test.use({ reducedMotion: motion });
    for (const c of BACK_CASES) {
      test(c.name, async ({ lab }) => {
        await lab.open();
        for (const step of c.steps) {
          await lab.type(step.type);
          if (step.prints !== undefined) await expect.poll(() => lab.lastOutput(), { message: step.type }).toBe(step.prints);
        }
        // the timeline rests where back left it: the undone events are not shown again
        const status = lab.page.getByTestId('timeline-status');
        await expect(status).not.toContainText('(playing)');
      });
    }
  });
}
