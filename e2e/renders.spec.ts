// What React renders again while a typed line plays (issue 22: the cost of a
// typed line beyond the engine). The page's commits are watched through the
// hook React offers its developer tools (present in production builds too):
// after each commit, a component that rendered in it carries the flag
// "performed work" (bit 0, the bit React's own developer tools read).
// The component that draws the page's frame (the element `.lab`) must not
// render again for each step the player reveals or each line typed: when it
// did, every view and panel of the page rendered again with it.

import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

/** Installed before the page's scripts: counts commits, and those in which the page's frame rendered. */
const WATCH_COMMITS = `
(() => {
  const PERFORMED_WORK = 1;
  const HOST_COMPONENT = 5;
  const watch = { commits: 0, pageRendered: 0, on: false };
  window.__commits = watch;
  /** the component whose element is the page's frame (div.lab): the first host element with that class, depth first */
  const pageOf = (fiber) => {
    const stack = [fiber];
    while (stack.length) {
      const f = stack.pop();
      if (f.tag === HOST_COMPONENT && typeof f.memoizedProps?.className === 'string' && f.memoizedProps.className.split(' ').includes('lab')) return f.return;
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
    return null;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) { this.renderers.set(1, renderer); return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(id, root) {
      if (!watch.on) return;
      watch.commits++;
      const page = pageOf(root.current);
      if (page && (page.flags & PERFORMED_WORK) !== 0) watch.pageRendered++;
    },
  };
})();
`;

interface Watch { commits: number; pageRendered: number; on: boolean }

test.beforeEach(async ({ page }) => {
  await page.addInitScript(WATCH_COMMITS);
});

test("a typed line and the player's steps render the views, not the whole page again", async ({ lab }) => {
  // a loaded machine (2 cores shared by many) plays the flip slowly
  test.setTimeout(180_000);
  await lab.open();
  // through the terminal's own entry, as if typed, without a key at a time
  await lab.page.evaluate((lines) => { for (const line of lines) window.lparlab!.typeLine(line); }, FIG9_SETUP);
  await lab.finishPlayback();
  await lab.page.evaluate(() => { (window as unknown as { __commits: Watch }).__commits.on = true; });

  // the flip plays one event at a time: the player renders at each step
  await lab.type('@A send(ch, a, "mem request")');
  await expect(lab.page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/, { timeout: 20_000 });
  const watch = await lab.page.evaluate(() => (window as unknown as { __commits: Watch }).__commits);
  expect(watch.commits).toBeGreaterThan(2);
  expect(watch.pageRendered).toBe(0);
});
