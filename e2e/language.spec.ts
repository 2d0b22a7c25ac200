// The reader's language: ?lang in a link, the menu in the page, kept across
// reloads, bad values ignored; and the page's shortcuts stay inert while the
// focus is in the menu.

import { expect, test } from './fixtures.ts';

test('?lang=ja opens the page in Japanese; a bad value opens it in English', async ({ lab }) => {
  await lab.open('./?lang=ja');
  await expect(lab.page.getByRole('button', { name: 'レッスン' })).toBeVisible();
  await expect(lab.page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(lab.page.getByTestId('narration')).toContainText('マシンが起動した');
  await lab.type('s = socket(AF_LPAR, SOCK_SEQPACKET)');
  // the timeline in Japanese too: the player reaches the line's last event on its own
  await expect(lab.page.getByRole('button', { name: '最新のイベントへ' })).toBeAttached();
  await expect(lab.page.getByTestId('timeline-status')).toHaveText(/イベント (\d+) \/ \1$/);
  // the machine's story in Japanese, the glossary's terms, the call as it was typed
  await expect(lab.page.getByTestId('narration')).toContainText(/仮想ファイルモードの接続用ソケット|socket\(AF_LPAR/);
  await lab.open('./?lang=zz');
  await expect(lab.page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
  await expect(lab.page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the menu switches the language, and the choice holds across a reload', async ({ lab }) => {
  await lab.open();
  await lab.page.getByTestId('language').selectOption('ja');
  await expect(lab.page.getByRole('button', { name: 'レッスン' })).toBeVisible();
  await lab.page.reload();
  await expect(lab.page.getByRole('button', { name: 'レッスン' })).toBeVisible();
  await expect(lab.page.getByTestId('language')).toHaveValue('ja');
  await lab.page.getByTestId('language').selectOption('en');
  await expect(lab.page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
});

test('the timeline keys do nothing while the focus is in the language menu', async ({ lab }) => {
  await lab.open();
  await lab.typeAll(['@A', 'x = 1', '@B']);
  await lab.finishPlayback();
  const status = lab.page.getByTestId('timeline-status');
  const before = await status.textContent();
  await lab.page.getByTestId('language').focus();
  for (const key of ['ArrowLeft', 'ArrowLeft', ' ']) await lab.page.keyboard.press(key);
  await expect(status).toHaveText(before!);
  await expect(lab.page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
});

test('a Japanese reader gets BIZ UDGothic for the page and the terminal; screenshots at 1366x768 and 390x844', async ({ lab }) => {
  for (const [width, height, name] of [[1366, 768, 'desktop'], [390, 844, 'phone']] as const) {
    await lab.page.setViewportSize({ width, height });
    await lab.open('./?lang=ja');
    if (name === 'desktop') {
      await lab.type('@A x = "日本語のメッセージ"');
      await lab.type('s = socket(AF_LPAR, SOCK_SEQPACKET)');
    }
    // the face is fetched by unicode-range for the Japanese on the page, and only then
    await expect.poll(() => lab.page.evaluate(() => [...document.fonts].some((f) => f.family.includes('BIZ UDGothic') && f.status === 'loaded'))).toBe(true);
    // every subset the page's text needs, loaded (the browser fetches them as it lays the text out)
    await lab.page.evaluate(async () => {
      await document.fonts.load('15px "BIZ UDGothic"', document.body.innerText);
      await document.fonts.ready;
    });
    // from pixels: the page's own Japanese drawn in the face differs from the same text with no Japanese face (empty boxes here)
    const drawn = await lab.page.evaluate(async () => {
      const text = document.querySelector('.lab-head')!.textContent!.replace(/\p{ASCII}/gu, '').slice(0, 12);
      await document.fonts.load('16px "BIZ UDGothic"', text);
      const draw = (font: string) => {
        const c = document.createElement('canvas');
        c.width = 240;
        c.height = 24;
        const g = c.getContext('2d')!;
        g.font = font;
        g.fillText(text, 0, 18);
        return g.getImageData(0, 0, c.width, c.height).data.join();
      };
      return { text, differs: draw('16px "BIZ UDGothic"') !== draw('16px "no such face"') };
    });
    expect(drawn.text.length, 'Japanese in the header').toBeGreaterThan(3);
    expect(drawn.differs, `glyphs of ${drawn.text}`).toBe(true);
    const overflow = await lab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
    await lab.page.screenshot({ path: `test-results/i18n-ja-${name}.png` });
  }
});

test('an English reader never fetches the Japanese face or catalog', async ({ lab }) => {
  const fetched: string[] = [];
  lab.page.on('request', (r) => fetched.push(r.url()));
  await lab.open('./?lang=en');
  await lab.type('@A ch = channel(B)');
  expect(fetched.filter((u) => /biz-udgothic|\/ja-[\w-]+\.js/.test(u))).toEqual([]);
});
