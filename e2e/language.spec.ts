// The reader's language: ?lang in a link, the menu in the page, kept across
// reloads, bad values ignored; and the page's shortcuts stay inert while the
// focus is in the menu.

import { expect, test } from './fixtures.ts';

test('?lang=ja opens the page in Japanese; a bad value opens it in English', async ({ lab }) => {
  await lab.open('./?lang=ja');
  await expect(lab.page.getByRole('button', { name: 'レッスン' })).toBeVisible();
  await expect(lab.page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(lab.page.getByTestId('narration')).toContainText('マシンが起動した');
  await lab.type('@A ch = channel(B)');
  // the timeline in Japanese too: its button and its status
  const latest = lab.page.getByRole('button', { name: '最新のイベントへ' });
  if (await latest.isEnabled()) await latest.click();
  await expect(lab.page.getByTestId('timeline-status')).toHaveText(/イベント (\d+) \/ \1$/);
  // the machine's story in Japanese, the glossary's terms, the call as it was typed
  await expect(lab.page.getByTestId('narration')).toContainText(/メッセージチャネル|制御信号ポート|制御OS/);
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
