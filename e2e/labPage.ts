// A typed page object for the lab: what a student does (type a line, press a
// timeline button, click an arrow) and what a test reads back (owners of
// frames, the terminal's text, the tags in the sequence chart).

import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class LabPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`page: ${err.message}`));
  }

  async open(path = './'): Promise<void> {
    await this.page.goto(path);
    // as long as the test allows, like the waits below: a page under load (30+) took more than expect's 5 s to draw its heading
    await this.page.getByRole('heading', { level: 1, name: 'lparlab' }).waitFor({ state: 'attached' });
    await this.page.locator('.xterm-helper-textarea').waitFor({ state: 'attached' });
    await expect.poll(() => this.terminalText()).toContain('scp$');
  }

  /** Type a line into the terminal as a person would, and press Enter. */
  async type(line: string): Promise<void> {
    await this.page.locator('.terminal-host').click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  async typeAll(lines: readonly string[]): Promise<void> {
    for (const line of lines) await this.type(line);
  }

  terminalText(): Promise<string> {
    return this.page.evaluate(() => window.lparlab?.terminalText() ?? '');
  }

  /** The last line the terminal printed that is not a prompt. */
  async lastOutput(): Promise<string> {
    const lines = (await this.terminalText()).split('\n').filter((l) => l.trim() && !/^\w+\$ ?$/.test(l.trim()));
    return lines.at(-1) ?? '';
  }

  /** Owner of every frame as the Memory view shows it. */
  owners(): Promise<string[]> {
    return this.page.locator('[data-frame]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-owner') ?? ''));
  }

  timelineButton(name: RegExp | string): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Let the player reveal every recorded event. */
  async finishPlayback(): Promise<void> {
    const last = this.timelineButton('go to the latest event');
    // forced: the player may reach the end by itself between the check and
    // the click and disable the button, and a normal click would then wait
    // for it to be enabled again until the test times out; a click on a
    // disabled button does nothing, and the status below is what counts
    if (await last.isEnabled()) await last.click({ force: true });
    await expect(this.page.getByTestId('timeline-status')).toHaveText(/event (\d+) of \1\b/);
  }

  sequenceTags(): Promise<string[]> {
    return this.page.locator('[data-testid="sequence-chart"] [data-tag]').evaluateAll((arrows) => arrows.map((a) => a.getAttribute('data-tag') ?? ''));
  }

  async showTab(name: 'Sockets' | 'Layers' | 'Machine' | 'Costs'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const current = await this.page.evaluate(() => document.documentElement.dataset.theme);
    if (current !== theme) {
      // on a phone the theme is in the header's Settings
      const settings = this.page.locator('details.phone-settings');
      if ((await settings.count()) > 0 && !(await settings.evaluate((d) => (d as HTMLDetailsElement).open))) await settings.locator('summary').click();
      // the button's name in English or Japanese (app.theme.switchTo* of the catalogs)
      await this.page.getByRole('button', { name: /switch to the (dark|light) theme|(ダーク|ライト)テーマに切り替える/ }).click();
      if ((await settings.count()) > 0) await settings.evaluate((d) => { (d as HTMLDetailsElement).open = false; });
    }
    await expect.poll(() => this.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  }
}

/** Open the page in `theme`, as a reader who chose it before (the theme button keeps the choice: src/ui/app/prefs.ts). Call before the page is opened. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => window.localStorage.setItem('lparlab.theme', t), theme);
}

/** Type a line as a Japanese reader would: in the terminal, or on a phone on the phone's line (its Run button, 実行). */
export async function typeLineJa(lab: LabPage, text: string): Promise<void> {
  const { page } = lab;
  if ((await page.locator('.lab.phone').count()) === 0) return lab.type(text);
  const line = page.getByRole('textbox', { name: /として実行する行$/ });
  await line.fill('');
  await line.pressSequentially(text);
  await page.getByRole('button', { name: '実行', exact: true }).click();
  await expect(line).toHaveValue('');
}

/** The Fig. 9 exchange as a new user would type it, up to the send. */
export const FIG9_SETUP = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)',
  'bind(s, 7)',
  'listen(s)',
  'fd = accept(s)',
  '@A ch = connect(7)',
  '@A a = area(4096)',
  '@A poke(a, "need 64 pages")',
];
