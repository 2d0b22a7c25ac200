// The single-file build in Japanese, offline (issue 23): `vite build --mode
// single` inlines the scripts, the catalogs, the built-in lessons' Japanese
// (virtual:lesson-texts, imported only for a reader of another language) and
// BIZ UDGothic's subsets. Opened from file:// with ?lang=ja and every network
// request refused, the page, lesson flip and the terminal read in Japanese,
// and pixels prove the glyphs are drawn: this machine has no Japanese system
// font, so a character the inlined face does not draw comes out as the same
// empty box a face-less rendering gives.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures.ts';

test.use({ reducedMotion: 'reduce', deviceScaleFactor: 1, viewport: { width: 1366, height: 768 } });

test('the single-file build opened from file:// with ?lang=ja and no network draws its Japanese: page, lesson and terminal', async ({ lab, context }) => {
  test.setTimeout(300_000);
  const out = mkdtempSync(join(tmpdir(), 'lparlab-single-ja-'));
  try {
    execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', out, '--emptyOutDir'], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
    expect(readdirSync(out)).toEqual(['index.html']);
    // no network at all: every request that is not the file itself or inlined data is refused and noted
    const asked: string[] = [];
    await context.route(/^(?!file:|data:|blob:)/, (route) => {
      asked.push(route.request().url());
      return route.abort();
    });
    await context.setOffline(true);
    const { page } = lab;
    await lab.open(`${pathToFileURL(join(out, 'index.html')).href}?lang=ja&lesson=flip`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    // the built-in lesson's Japanese came from the inlined virtual:lesson-texts
    const panel = page.locator('[data-view=lesson]');
    await expect(panel.locator('h3').first()).toContainText('ゲストからゲストへ');
    await lab.type('@A x = "日本語のメッセージ"');
    await expect.poll(() => lab.terminalText()).toContain('"日本語のメッセージ"');
    expect((await lab.terminalText()).split('\n')[0]).toContain('へようこそ');

    // every Japanese character on the page and in the terminal, with every subset it needs loaded
    const chars = await page.evaluate(async () => {
      const text = `${document.body.innerText} ${window.lparlab!.terminalText()}`;
      const chars = [...new Set([...text].filter((c) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c)))];
      await document.fonts.load('32px "BIZ UDGothic"', chars.join(''));
      await document.fonts.ready;
      return chars;
    });
    expect(chars.length, 'Japanese characters on the page').toBeGreaterThan(150);
    // from pixels, character by character: drawn in the inlined face, each differs from the empty box
    // a face-less rendering draws, and has ink
    const boxes = await page.evaluate((chars) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const g = c.getContext('2d', { willReadFrequently: true })!;
      const draw = (font: string, ch: string) => {
        g.clearRect(0, 0, c.width, c.height);
        g.font = font;
        g.fillText(ch, 2, 32);
        return g.getImageData(0, 0, c.width, c.height).data;
      };
      const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
      return chars.filter((ch) => {
        const face = draw('32px "BIZ UDGothic"', ch);
        const none = draw('32px "no such face"', ch);
        return same(face, none) || face.every((v, i) => i % 4 !== 3 || v === 0);
      });
    }, chars);
    expect(boxes, 'characters drawn as empty boxes').toEqual([]);
    // and where the reader sees them: the header, the lesson panel and the terminal's rows, each drawn
    // differently once the Japanese face alone is taken out of their fonts (its unicode-range leaves
    // Latin to the faces after it, so only the Japanese changes: to the boxes of a page without it)
    for (const selector of ['.lab-head', '[data-view=lesson]', '.terminal-view .xterm-rows']) {
      const element = page.locator(selector).first();
      const drawn = await element.screenshot();
      const faces = await element.evaluate((el) => {
        const all = [el, ...el.querySelectorAll('*')] as HTMLElement[];
        const families = all.map((e) => getComputedStyle(e).fontFamily);
        all.forEach((e, i) => { e.style.fontFamily = families[i]!.replace(/"?BIZ UDGothic"?,?\s*/g, ''); });
        return families.filter((f) => f.includes('BIZ UDGothic')).length;
      });
      expect(faces, `${selector}: elements whose fonts list the Japanese face`).toBeGreaterThan(0);
      const boxed = await element.screenshot();
      await element.evaluate((el) => {
        for (const e of [el, ...el.querySelectorAll('*')]) (e as HTMLElement).style.fontFamily = '';
      });
      expect(drawn.equals(boxed), `${selector}: the face draws its Japanese`).toBe(false);
    }
    await page.screenshot({ path: 'test-results/single-file-ja-1366x768.png' });
    expect(asked, 'requests beyond the file').toEqual([]);
  } finally {
    await context.setOffline(false);
    rmSync(out, { recursive: true, force: true });
  }
});
