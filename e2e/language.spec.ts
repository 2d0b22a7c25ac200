// The reader's language: ?lang in a link, the menu in the page, kept across
// reloads, bad values ignored; and the page's shortcuts stay inert while the
// focus is in the menu.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';

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
  expect(fetched.filter((u) => /biz-udgothic|\/ja-[\w-]+\.js|lesson-texts/.test(u))).toEqual([]);
  // nor the built-in lessons' Japanese, which the build leaves out of the English reader's scripts (issue 23)
  const scripts = [...new Set(fetched.filter((u) => u.endsWith('.js')))];
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) expect(await (await lab.page.request.get(url)).text(), url).not.toContain('ゲストからゲストへ');
});

/**
 * The English words a reader sees in `selector` (its text and the names and
 * hints of its elements), apart from the command language, which reads the
 * same in every language: calls, constants, resource names, paths, hex.
 * Code samples, the phone's call chips and quoted user data (<code>, .chip,
 * <q>) are the command language and the student's, not words.
 */
async function englishIn(page: Page, selector: string): Promise<string[]> {
  const texts = await page.locator(selector).evaluateAll((els) => els.flatMap((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const data of copy.querySelectorAll('code, q, .chip, .sv-call, .sv-path, .xterm, .presenter-texts')) data.remove();
    const attributes = [...copy.querySelectorAll('*'), copy].flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    // text node by text node: words of neighbouring elements ("scp" and "lp0") stay apart
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    const text: string[] = [];
    while (walker.nextNode()) text.push(walker.currentNode.textContent ?? '');
    return [...text, ...attributes];
  }));
  const words = texts.join(' ').replace(/0x[0-9a-f]+/gi, ' ').match(/[A-Za-z][A-Za-z_]+/g) ?? [];
  return [...new Set(words.filter((w) => !COMMAND_LANGUAGE.has(w)))];
}

/** Words of the command language and names that stay as they are in every language (docs/translating.md). */
const COMMAND_LANGUAGE = new Set([
  'socket', 'bind', 'listen', 'accept', 'read', 'select', 'recv', 'connect', 'tick', 'send', 'area', 'poke', 'lpar_end', 'lpar_create',
  'AF_LPAR', 'SOCK_SEQPACKET', 'stdin', 'stdout', 'stderr', 'fd', 'fd_table', 'fds', 'lp', 'scp', 'msg', 'ch',
  'cpu', 'vaddr', 'mem', 'mgmt', 'events', 'devices', 'cache', 'bus', 'hypercall', 'pteUpdate', 'tlbLocal', 'tlbShootdown', 'copyPerByte', 'contextSwitch', 'eventDelivery',
  // names, units and formats
  // the trace's tag for the lab's own steps, like [0063] and S107
  'lab',
  'open', 'write', 'close', 'permit', 'signal', 'poke', 'recv', 'sig', 'chb',
  'lparlab', 'English', 'OS', 'MC', 'RAM', 'ID', 'Tab', 'Esc', 'Ctrl', 'Enter', 'help', 'DRAM', 'TLB', 'KiB', 'MiB', 'GiB', 'GHz', 'JSON', 'SVG', 'PNG', 'GIF', 'WebM', 'HTML', 'PDF', 'QR',
]);

test('with ?lang=ja the converted views read in Japanese, and screenshots at 1366x768 and 390x844, light and dark', async ({ lab }) => {
  test.setTimeout(300_000);
  const { page } = lab;
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open('./?lang=ja');
  await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")', 'r = read(fd)', 'tick(2)']);
  await expect(page.getByTestId('timeline-status')).toHaveText(/イベント (\d+) \/ \1$/, { timeout: 60_000 });
  const seen: Record<string, string[]> = {};
  for (const view of ['sockets', 'layers', 'machine', 'costs'] as const) {
    await page.locator(`#tab-${view}`).click();
    await expect(page.locator(`[data-view=${view}] .view-body > :not(.view-loading)`).first()).toBeVisible();
    seen[view] = await englishIn(page, `[data-view=${view}]`);
    await page.screenshot({ path: `test-results/i18n-views-1366x768-light-${view}.png` });
  }
  // the header's own words (its Homework button is the homework panel's, converted apart)
  seen.header = await englishIn(page, '.lab-head > :not(button:not(.theme))');
  seen.timeline = await englishIn(page, '.lab-foot');
  seen.tabs = await englishIn(page, '[role=tablist]');
  await page.locator('.share > button').click();
  seen.share = await englishIn(page, '#share-menu');
  await page.locator('.share > button').click();
  expect(seen).toEqual({ sockets: [], layers: [], machine: [], costs: [], header: [], timeline: [], tabs: [], share: [] });
  await page.locator('button.theme').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.locator('#tab-sockets').click();
  await page.screenshot({ path: 'test-results/i18n-views-1366x768-dark-sockets.png' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll at 1366x768').toBeLessThanOrEqual(0);

  // the phone: its line, its tabs and the settings, before a line is typed and after
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open('./?lang=ja');
  await expect(page.locator('.lab.phone')).toBeVisible();
  const phone: Record<string, string[]> = { line: await englishIn(page, '.phone-console'), tabs: await englishIn(page, '.phone-tabs [role=tablist]') };
  expect(phone).toEqual({ line: [], tabs: [] });
  // the line's hint and placeholder set faces of their own: with no Japanese system font they drew empty boxes
  const faces = await page.locator('.phone-result .hint, .phone-line input').evaluateAll((els) => els.map((el) => getComputedStyle(el).fontFamily));
  expect(faces.length).toBe(2);
  for (const face of faces) expect(face).toContain('BIZ UDGothic');
  for (const theme of ['light', 'dark'] as const) {
    if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme) {
      await page.locator('details.phone-settings summary').click();
      await page.locator('button.theme').click();
      await page.locator('details.phone-settings').evaluate((d) => { (d as HTMLDetailsElement).open = false; });
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    for (const view of ['sockets', 'layers'] as const) {
      await page.locator(`#phone-tab-${view}`).click();
      const panel = page.locator(`#phone-${view}-panel`);
      await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth), `the ${view} tab at 390 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/i18n-views-390x844-${theme}-${view}.png` });
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll at 390x844').toBeLessThanOrEqual(0);
});

test('with ?lang=ja the presenter stage names its step, its keys and the views in Japanese', async ({ lab }) => {
  const { page } = lab;
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open('./?present&lesson=flip&lang=ja');
  await expect(page.locator('.presenter-lesson')).toContainText(/ステップ1\/\d+/);
  expect({ keys: await englishIn(page, '.presenter-keys'), heads: await englishIn(page, '.stage .view-head') }).toEqual({ keys: [], heads: [] });
  await page.screenshot({ path: 'test-results/i18n-views-1366x768-light-presenter.png' });
});

test('with ?lang=ja the lesson panel, the homework panel and its maker, Memory, Sequence and the terminal\'s welcome read in Japanese; screenshots at 1366x768, light and dark', async ({ lab }) => {
  test.setTimeout(300_000);
  const { page } = lab;
  await page.setViewportSize({ width: 1366, height: 768 });
  await lab.open('./?lang=ja');
  const welcome = (await lab.terminalText()).split('\n').slice(0, 3).join(' ');
  expect(welcome).toContain('へようこそ');
  // the welcome's prose: the command language aside, no English
  expect((welcome.match(/[A-Za-z][A-Za-z_]+/g) ?? []).filter((w) => !COMMAND_LANGUAGE.has(w))).toEqual([]);

  await lab.type('lesson flip');
  const lesson = page.locator('[data-view=lesson]');
  await expect(lesson.locator('.step-count')).toContainText('ステップ 1/');
  await lab.type('@A ch = connect(B)');
  await expect(lesson.locator('.status')).toContainText('ステップ達成');
  await lesson.getByRole('button', { name: 'ヒント' }).click();
  await expect(lesson.locator('.hint').first()).toContainText('ヒント 1/');
  const seen: Record<string, string[]> = {};
  // the checks' sentences come from the engine's rules, not converted yet (see the report of issue 23): left out here
  seen.lesson = await englishIn(page, '[data-view=lesson] .view-head, [data-view=lesson] .lesson > :not(.checks)');
  await page.screenshot({ path: 'test-results/i18n-panels-1366x768-light-lesson.png' });
  await lesson.getByRole('button', { name: 'レッスン一覧' }).click();
  await expect(lesson.locator('.menu')).toBeVisible();
  seen.menu = await englishIn(page, '[data-view=lesson] .view-head, [data-view=lesson] .menu > :not(.menu-list)');

  for (const view of ['memory', 'sequence'] as const) {
    // both are on the stage at 1366x768
    await expect(page.locator(`[data-view=${view}] .view-body > :not(.view-loading)`).first()).toBeVisible();
    seen[view] = await englishIn(page, `[data-view=${view}]`);
  }

  await page.getByRole('button', { name: '宿題' }).click();
  const homework = page.locator('[data-view=homework]');
  await expect(homework.getByRole('button', { name: '課題を作る' })).toBeVisible();
  seen.homework = await englishIn(page, '[data-view=homework]');
  await homework.getByRole('button', { name: '課題を作る' }).click();
  await expect(homework.getByTestId('assignment-problem')).toContainText('まだ使えません');
  seen.maker = await englishIn(page, '[data-view=homework]');
  await homework.getByLabel('タイトル').fill('第5週');
  await homework.getByLabel('説明').fill('フリップを試しましょう。');
  await homework.getByLabel('追加するタスク').selectOption('lesson:flip');
  await homework.getByRole('button', { name: 'タスクを追加' }).click();
  await homework.getByLabel('追加するタスク').selectOption('exercise:owner');
  await homework.getByRole('button', { name: 'タスクを追加' }).click();
  await expect(homework.getByTestId('assignment-id')).toBeVisible();
  seen.makerReady = await englishIn(page, '[data-view=homework] .homework-maker > :not(label):not(.row)');
  await page.screenshot({ path: 'test-results/i18n-panels-1366x768-light-maker.png' });
  await homework.getByRole('button', { name: '学生として試す' }).click();
  await homework.getByLabel('名前または学籍番号').fill('ann');
  await homework.getByRole('button', { name: '始める' }).click();
  await expect(homework.getByTestId('task-1-status')).toHaveText('未着手');
  // the student's id is theirs, and a task's title the lesson's (its own language): the panel's words around them
  seen.student = await englishIn(page, '[data-view=homework] .view-head, [data-view=homework] .homework > :not(h3):not(.text):not(.student):not(.homework-tasks), [data-view=homework] .task-status');
  await page.screenshot({ path: 'test-results/i18n-panels-1366x768-light-homework.png' });
  expect(seen).toEqual({ lesson: [], menu: [], memory: [], sequence: [], homework: [], maker: [], makerReady: [], student: [] });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'no sideways scroll at 1366x768').toBeLessThanOrEqual(0);

  // dark
  await page.locator('button.theme').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.screenshot({ path: 'test-results/i18n-panels-1366x768-dark-homework.png' });
  // the phone's panels in Japanese are not checked here yet: the phone has no terminal to type `lesson flip` into
});
