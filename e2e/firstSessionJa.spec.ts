// The README's first session in Japanese (issue 23): a reader with ?lang=ja
// types every line of README.md's "A first session" block into the terminal
// as it is written there (comments included), then the paragraph's commands
// (help, lpars, frames, map A, ..., back, seed 5). The test checks what the
// machine did, read from the views and the terminal's results (the flip of
// S107 hands A's frame to the scp, A faults [0070], the virtual file reads
// back, the write flips it back, back undoes, seed 5 starts again), and that
// no English is left on the page or in what the terminal printed, the command
// language aside. The same session is typed on a phone's line and on a
// presenter's stage. Screenshots at 1366x768 and 390x844 (DPR 1), light and
// dark, go to test-results/ to be looked at.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { typeLineJa, useTheme, type LabPage } from './labPage.ts';
import { englishIn } from '../src/i18n/englishIn.ts';

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1 });

const SIZES = [[1366, 768], [390, 844]] as const;

/**
 * The README's first session, word for word: the lines of the code block
 * under "## A first session", and the commands the paragraph under it names
 * in `code` (help, help send, @A, @scp, @B recv(chb), lpars, ..., seed 5).
 */
function readmeSession(): { block: string[]; more: string[] } {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const section = readme.split(/^## A first session$/m)[1]!.split(/^## /m)[0]!;
  const [, block, after] = section.split(/^```.*$/m);
  return {
    block: block!.split('\n').filter((l) => l.trim() !== ''),
    more: [...after!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
  };
}

const SESSION = readmeSession();
const TYPED = [...SESSION.block, ...SESSION.more].join('\n');
/** The session's lines by what they start with (the README's comments follow them). */
const at = (start: string) => {
  const i = SESSION.block.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`the README's first session has no line starting "${start}"`);
  return i;
};

/** The terminal's logical lines. */
async function terminalLines(lab: LabPage): Promise<string[]> {
  return (await lab.terminalText()).split('\n').map((l) => l.trimEnd());
}

const oneSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What the terminal printed after the last echo of `line` (up to the next prompt), once it is there; runs of spaces as one. */
async function printedAfter(lab: LabPage, line: string): Promise<string[]> {
  let out: string[] = [];
  await expect.poll(async () => {
    const lines = await terminalLines(lab);
    // runs of spaces compared as one: the terminal pads a row to wrap between words, and reads the rows back joined
    const echo = lines.map((l) => /^\w+\$ /.test(l) && oneSpace(l.replace(/^\w+\$ /, '')) === oneSpace(line)).lastIndexOf(true);
    if (echo < 0) return false;
    const next = lines.findIndex((l, i) => i > echo && /^\w+\$/.test(l));
    out = lines.slice(echo + 1, next < 0 ? undefined : next).map(oneSpace).filter((l) => l !== '');
    return out.length > 0;
  }, { message: `the terminal echoes "${line}" and prints a result` }).toBe(true);
  return out;
}

/** Let the player reveal every recorded event (Japanese names of the timeline's controls). */
async function finishPlayback(page: Page) {
  const last = page.getByRole('button', { name: '最新のイベントへ' });
  // forced: the player may reach the end and disable the button between the check and the click
  if (await last.isEnabled()) await last.click({ force: true });
  await expect(page.getByTestId('timeline-status')).toHaveText(/イベント (\d+) \/ \1(?!\d)/);
}

/** Frames by owner, as the Memory view draws them. */
async function owners(lab: LabPage): Promise<Record<string, number>> {
  const count: Record<string, number> = {};
  for (const o of await lab.owners()) count[o] = (count[o] ?? 0) + 1;
  return count;
}

/**
 * The English words a reader sees in `selector`: every text node and the
 * names and hints of its elements, each put through the rule the catalogs'
 * tests use (src/i18n/englishIn.ts: the command language, typed strings,
 * tags, errno names and addresses read the same in every language). The
 * session's own lines are the reader's typing. The terminal, quoted user data
 * and code samples are left to the terminal's check.
 */
async function englishOnPage(page: Page, selector: string): Promise<string[]> {
  const texts = await page.locator(selector).evaluateAll((els) => els.flatMap((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const data of copy.querySelectorAll('code, q, .chip, .sv-call, .sv-path, .xterm, .echo')) data.remove();
    const attributes = [...copy.querySelectorAll('*'), copy].flatMap((e) => ['aria-label', 'title', 'placeholder'].map((a) => e.getAttribute(a) ?? ''));
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    const text: string[] = [];
    while (walker.nextNode()) text.push(walker.currentNode.textContent ?? '');
    return [...text, ...attributes];
  }));
  // a link's query (?present&lesson=flip) is the command language of links, the same in every language
  return [...new Set(texts.flatMap((t) => englishIn(t.replace(/\?[\w&=]+/g, ' '), TYPED)).filter((w) => !PAGE_NAMES.has(w)))];
}

/** Names on the page that are the same in every language (docs/translating.md). */
const PAGE_NAMES = new Set([
  'lparlab', 'English', 'MC', 'RAM', 'DRAM', 'TLB', 'KiB', 'MiB', 'GHz', 'Tab', 'Esc', 'Enter', 'JSON', 'SVG', 'PNG', 'GIF', 'WebM', 'HTML', 'PDF', 'QR',
  // the Memory view's legend names owners by their letters and the scp by its name
  'msg', 'ch', 'lp', 'vaddr', 'mem', 'stdin', 'stdout', 'stderr',
  // the Sockets view names the kernel's table as the patent's fd_table [0091], like a call
  'fd_table',
]);

/** The English words in what the terminal printed for the session, the command language and the typed lines aside. */
async function englishInTerminal(lab: LabPage): Promise<string[]> {
  const lines = (await terminalLines(lab)).filter((l) => !/^\w+\$/.test(l));
  // the welcome names the lab and the keys (lparlab, Tab, Esc) as the page does
  return [...new Set(lines.flatMap((l) => englishIn(l, TYPED)).filter((w) => !PAGE_NAMES.has(w)))];
}

/**
 * Type the README's first session and check what the machine did after each
 * line that changes it. `views`: the Sockets and Sequence views are on the
 * page (the desktop); on a phone they are behind tabs.
 */
async function walkSession(lab: LabPage, shot: (what: string) => Promise<void>, views: boolean) {
  const { page } = lab;
  // the Memory view loads after the terminal and draws the boot's partitions as the player reveals them:
  // read the owners once every frame of the machine is drawn with A and B on it
  await expect.poll(async () => {
    const drawn = await owners(lab);
    return drawn.A !== undefined && drawn.B !== undefined && Object.values(drawn).reduce((sum, n) => sum + n, 0) === 256;
  }, { timeout: 60_000 }).toBe(true);
  const boot = await owners(lab);
  const lines = SESSION.block;
  const run = async (i: number) => {
    await typeLineJa(lab, lines[i]!);
    return printedAfter(lab, lines[i]!);
  };
  for (let i = 0; i < at('@A ch = connect'); i++) await run(i);
  // accept waits for a guest (S204): the terminal says so, in Japanese, and stays usable
  expect((await printedAfter(lab, lines[at('fd = accept')]!)).join('\n')).toMatch(/scp は accept で止まっています/);
  // connect: A's channel is fd 3 in A, and the scp's accept completes with fd 4
  expect(await run(at('@A ch = connect'))).toEqual(['= 3', expect.stringMatching(/^\[scp\] fd = accept\(s\).*が完了: = 4$/)]);
  expect(await run(at('@A a = area'))).toEqual(['= 0x100000']);
  await finishPlayback(page);
  await expect.poll(() => owners(lab)).toEqual({ ...boot, A: boot.A! + 1, free: boot.free! - 1 });
  expect(await run(at('@A poke'))).toEqual(['= 13']);
  const before = await lab.owners();
  // the flip (S107, S307-S308(a)): the one frame of the area goes from A to the scp, nothing copied
  expect(await run(at('@A send'))).toEqual(['= 4096']);
  await finishPlayback(page);
  await expect.poll(async () => {
    const after = await lab.owners();
    return before.map((o, f) => (o === after[f] ? '' : `${f}:${o}>${after[f]}`)).filter(Boolean).length;
  }).toBe(1);
  const after = await lab.owners();
  const message = before.findIndex((o, f) => o !== after[f]);
  expect([before[message], after[message]]).toEqual(['A', 'scp']);
  await shot('flip');
  // A touches the area it gave away: EFAULT [0070], said in Japanese; nothing changes
  const fault = await run(at('@A peek'));
  expect(fault).toEqual([expect.stringMatching(/^= -1 EFAULT: A は 0x100000 に何もマップしていません.*\[0070\]$/)]);
  expect(await lab.owners()).toEqual(after);
  // the scp reads a virtual file's name and the short message (S309(a), S-A)
  expect(await run(at('r = read(fd)'))).toEqual(['= {vfile: "/msg/A.1", short: "mem request"}']);
  expect(await run(at('v = open'))).toEqual(['= 5']);
  expect(await run(at('read(v, 16)'))).toEqual(['= "need 64 pages"']);
  if (views) {
    await page.locator('#tab-sockets').click();
    await expect(page.locator('[data-vfile="/msg/A.1"]').first()).toBeVisible();
    await expect(page.locator('[data-fd="4"]').first()).toBeVisible();
    await shot('sockets');
  }
  expect(await run(at('close(v)'))).toEqual(['= 0']);
  // the write flips the area back to A (S-C, S311(a)): every frame has its boot owner, A's area included
  expect(await run(at('write(fd, r.vfile)'))).toEqual(['= 4096']);
  await finishPlayback(page);
  await expect.poll(() => lab.owners()).toEqual(before);
  if (views) {
    const tags = await lab.sequenceTags();
    for (const tag of ['S307', 'S308(a)', 'S309(a)', 'S310(a)', 'S-C', 'S311(a)']) expect(tags, tag).toContain(tag);
  }
  await shot('write');

  // the paragraph under the block: help, contexts, the machine's state, back, seed
  const more = async (line: string) => {
    await typeLineJa(lab, line);
    return printedAfter(lab, line);
  };
  const help = await more('help');
  expect(help[0]).toBe('システム制御プログラム（scp、プロブレムモード）で呼べるもの:');
  expect(help).toContain('socket(ドメイン, 種類, [フラグ])');
  expect((await more('help send'))[0]).toBe('send(チャネル, 領域, [ショートメッセージ]) （ゲスト、S107, [0070]）');
  expect(await more('@A')).toEqual(['A（ゲストOS、スーパバイザモード）に切り替えました']);
  expect(await more('@scp')).toEqual(['システム制御プログラム（scp、プロブレムモード）に切り替えました']);
  expect(await more('@B recv(chb)')).toEqual(['= -1 ENOENT: 名前 chb はありません（もしかして ch？）']);
  const lpars = await more('lpars');
  expect(lpars[0]).toBe('ID 名前 モード 状態 フレーム CPU メモリ ポート 待ち');
  expect(lpars.slice(1, 4).map((l) => l.split(' ').slice(0, 5).join(' '))).toEqual(['1 scp プロブレム 稼働中 16', '2 A スーパバイザ 稼働中 33', '3 B スーパバイザ 稼働中 32']);
  if ((await page.locator('.lab.phone').count()) > 0) {
    // the phone shows the table under its line: its runs of spaces kept, so 稼働中 stands in one column
    // (collapsed, each row's state started where its mode word ended, a character apart)
    const states = await page.getByTestId('phone-result').locator('p:not(.echo)').evaluateAll((rows) => rows.slice(1, 4).map((row) => {
      const text = row.firstChild!;
      const range = document.createRange();
      const from = text.textContent!.indexOf('稼働中');
      range.setStart(text, from);
      range.setEnd(text, from + 1);
      return { x: range.getBoundingClientRect().left, em: parseFloat(getComputedStyle(row).fontSize) };
    }));
    expect(states).toHaveLength(3);
    for (const s of states) expect(Math.abs(s.x - states[0]!.x), 'the state column of lpars on the phone').toBeLessThan(states[0]!.em * 0.4);
  }
  await shot('lpars');
  const frames = await more('frames');
  expect(frames[0]).toMatch(new RegExp(`^4096バイトのフレームが256個: 制御OS ${boot.control}, scp ${boot.scp}, A ${boot.A! + 1}, B ${boot.B}, 空き ${boot.free! - 1}$`));
  expect((await more('map A')).join('\n')).toContain(`メッセージ領域1（4096バイト） -> フレーム${message}`);
  expect(await more('channels')).toEqual([expect.stringMatching(/^チャネル1: A ポート3［1件待ち］ <-> scp ポート3$/)]);
  expect((await more('fds')).slice(1)).toEqual(['0-2 標準ストリーム', '3 接続用ソケット、仮想ファイルモード、サービス7、待ち受け中', '4 Aとの通信用ソケット（サービス7、仮想ファイルモード）']);
  expect(await more('ls /msg')).toEqual(['/msg は空']);
  expect(await more('ps')).toEqual(['scp システム制御プログラム 実行中', 'A ゲストOS 実行中', 'B ゲストOS 実行中', 'タイムスライスはまだ一度も動いていない（tick() でスケジューラが動く）']);
  const log = await more('log');
  expect(log).toContainEqual(expect.stringMatching(new RegExp(`^\\d+ S311\\(a\\) フレーム${message}の所有者がscpからAに変わる: 1バイトもコピーされない$`)));
  // back undoes the write: the frame is the scp's again
  expect(await more('back')).toEqual([expect.stringMatching(/^時点\d+に戻った: write\(\)を取り消した$/)]);
  await expect.poll(async () => (await lab.owners())[message]).toBe('scp');
  // seed 5 starts again: the booted machine's frames, no area anywhere
  expect(await more('seed 5')).toEqual(['シード5でマシンを最初からやり直す']);
  await expect.poll(() => owners(lab)).toEqual(boot);
  await shot('seed');
}

for (const [width, height] of SIZES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the README's first session in Japanese at ${width}x${height}, ${theme}: the machine does what the README says, and no English is left`, async ({ lab }) => {
      test.setTimeout(600_000);
      const { page } = lab;
      await page.setViewportSize({ width, height });
      await useTheme(page, theme);
      await lab.open('./?lang=ja');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const phone = width < 600;
      await expect(page.locator('.lab.phone')).toHaveCount(phone ? 1 : 0);
      const seen: Record<string, string[]> = {};
      const shot = async (what: string) => {
        if (phone) {
          // the phone's line with its last result, where the reader's eyes are
          await page.locator('.phone-console').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        }
        await page.screenshot({ path: `test-results/first-session-ja-${width}x${height}-${theme}-${what}.png` });
        seen[what] = await englishOnPage(page, 'body');
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `no sideways scroll (${what})`).toBeLessThanOrEqual(0);
      };
      await walkSession(lab, shot, !phone);
      expect(seen).toEqual({ flip: [], ...(phone ? {} : { sockets: [] }), write: [], lpars: [], seed: [] });
      expect(await englishInTerminal(lab), 'the terminal\'s words').toEqual([]);
      expect(lab.errors).toEqual([]);
    });
  }
}

test('the README\'s first session in Japanese on a presenter\'s stage, light and dark', async ({ lab }) => {
  test.setTimeout(600_000);
  const { page } = lab;
  for (const theme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 1366, height: 768 });
    await useTheme(page, theme);
    await lab.open('./?present&lang=ja');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await expect(page.locator('.presenter-step h2')).toHaveText('lparlab');
    const seen: Record<string, string[]> = {};
    const shot = async (what: string) => {
      await page.screenshot({ path: `test-results/first-session-ja-presenter-${theme}-${what}.png` });
      seen[what] = await englishOnPage(page, 'body');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `no sideways scroll (${what})`).toBeLessThanOrEqual(0);
    };
    await walkSession(lab, shot, false);
    expect(seen).toEqual({ flip: [], write: [], lpars: [], seed: [] });
    expect(await englishInTerminal(lab), 'the terminal\'s words').toEqual([]);
  }
  expect(lab.errors).toEqual([]);
});

test('the lesson panel\'s buttons stand apart on a phone in Japanese', async ({ lab }) => {
  const { page } = lab;
  await page.setViewportSize({ width: 390, height: 844 });
  await lab.open('./?lang=ja');
  await typeLineJa(lab, 'lesson flip');
  const head = page.locator('[data-view=lesson] .view-head');
  const all = (await head.getByRole('button', { name: 'レッスン一覧' }).boundingBox())!;
  const close = (await head.getByRole('button', { name: /閉じる/ }).boundingBox())!;
  // side by side or one above the other, with a gap a thumb can tell apart
  const gap = Math.max(close.x - (all.x + all.width), close.y - (all.y + all.height), all.y - (close.y + close.height));
  expect(gap, 'space between レッスン一覧 and 閉じる').toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: 'test-results/first-session-ja-390x844-light-lesson-head.png' });
});
