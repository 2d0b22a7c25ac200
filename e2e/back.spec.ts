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
          if ('press' in step) {
            // a person pauses first, or the player would replay the recorded moments from
            // where the button put the playhead; stepping back pauses it (and must not throw)
            const back = lab.timelineButton('step back one event');
            if (await back.isEnabled()) await back.click();
            // a button that would take the playhead where it already is is disabled (the answer can be
            // printed before the player revealed its events: stepping back from the first is the start)
            const press = lab.timelineButton(step.press);
            if (await press.isEnabled()) await press.click();
            await expect(press).toBeDisabled();
            continue;
          }
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
