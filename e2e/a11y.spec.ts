import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

test.use({ reducedMotion: 'reduce' });

// one test per theme and tab: axe over a whole page is slow on a busy 2-core machine,
// and each check deserves its own time budget and its own name in the report
for (const theme of ['light', 'dark'] as const) {
  for (const tab of ['Sockets', 'Layers', 'Machine', 'Costs'] as const) {
    test(`no serious or critical accessibility violations in the ${theme} theme, ${tab} tab`, async ({ lab }) => {
      // axe walks every node of the page (the frame grid, the chart): 80-110 s at a load of 19 on 2 cores
      test.setTimeout(180_000);
      await lab.open();
      await lab.setTheme(theme);
      await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "req")', 'r = read(fd)']);
      await lab.finishPlayback();
      await lab.showTab(tab);
      const results = await new AxeBuilder({ page: lab.page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
      expect(bad, `${tab} tab`).toEqual([]);
    });
  }
}

test('the keyboard reaches the timeline, the tabs and the terminal, with a visible focus', async ({ lab }) => {
  await lab.open();
  await lab.type('@A a = area(4096)');
  await lab.finishPlayback();
  await lab.page.locator('h1').click();
  const reached = new Set<string>();
  for (let i = 0; i < 60; i++) {
    const inTerminal = await lab.page.evaluate(() => document.activeElement?.closest('.terminal-pane') !== null);
    // Tab completes inside the terminal; Escape is the documented way out
    await lab.page.keyboard.press(inTerminal ? 'Escape' : 'Tab');
    const name = await lab.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const outline = getComputedStyle(el).outlineStyle;
      return `${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName}|${outline}`;
    });
    reached.add(name);
  }
  const names = [...reached].join('\n');
  expect(names).toMatch(/step back one event\|solid/);
  expect(names).toMatch(/^Sockets\|solid/m); // the tabs are one stop; arrow keys move between them
  expect(names).toMatch(/scrub through the events/);
});

test('arrow keys move between the view tabs', async ({ lab }) => {
  await lab.open();
  await lab.page.getByRole('tab', { name: 'Sockets' }).focus();
  await lab.page.keyboard.press('ArrowRight');
  await expect(lab.page.getByRole('tab', { name: 'Layers' })).toBeFocused();
  await expect(lab.page.getByRole('tab', { name: 'Layers' })).toHaveAttribute('aria-selected', 'true');
  await lab.page.keyboard.press('End');
  await expect(lab.page.getByRole('tab', { name: 'Costs' })).toBeFocused();
});

test('opening the lesson panel keeps what the terminal showed', async ({ lab }) => {
  await lab.open();
  await lab.type('frames_free()');
  await lab.page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(lab.page.locator('[data-view=lesson]')).toBeVisible();
  await expect.poll(() => lab.terminalText()).toContain('= 160');
  await lab.type('lesson fault');
  await expect(lab.page.locator('[data-view=lesson]')).toContainText('Lesson 5: After the flip the sender faults');
});
