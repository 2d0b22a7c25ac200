// Screenshots of every view at laptop and projector size, in both themes,
// saved as test artifacts under test-results/screenshots/ for people to look at.

import { join } from 'node:path';
import { test } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

const SIZES = [
  { name: 'laptop', width: 1280, height: 720 },
  { name: 'projector', width: 1920, height: 1080 },
] as const;

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.use({ reducedMotion: 'reduce' });

for (const size of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`screenshots at ${size.width}x${size.height}, ${theme}`, async ({ lab }) => {
      await lab.page.setViewportSize({ width: size.width, height: size.height });
      await lab.open();
      await lab.setTheme(theme);
      await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")', '@A peek(a, 4)', 'r = read(fd)', 'v = open(r.vfile)']);
      await lab.finishPlayback();
      const shot = (what: string) => join(SHOTS, `${size.name}-${theme}-${what}.png`);
      await lab.page.screenshot({ path: shot('page') });
      await lab.page.locator('[data-view=memory]').screenshot({ path: shot('memory') });
      await lab.page.locator('[data-view=sequence]').screenshot({ path: shot('sequence') });
      await lab.page.locator('.terminal-view').screenshot({ path: shot('terminal') });
      for (const tab of ['Sockets', 'Layers', 'Machine', 'Costs'] as const) {
        await lab.showTab(tab);
        await lab.page.locator(`[data-view=${tab.toLowerCase()}]`).screenshot({ path: shot(tab.toLowerCase()) });
      }
    });
  }
}
