// Slide-ready exports: the Memory view as SVG and PNG at a slide's size with
// a legend and a caption, the sequence chart by range, and animations of a
// range as GIF and WebM, each download checked by decoding what was written.

import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';
import type { LabPage } from './labPage.ts';
import { readGif, readWebm } from './mediaFiles.ts';
import { createShell, eventsOf as engineEventsOf, findLesson, runLine, solutionOf } from '../src/engine/index.ts';
import type { ShellState } from '../src/engine/index.ts';

const SHOTS = 'test-results/screenshots';

/** Events the engine records for `line` after `before` were typed: the micro-steps of its command. */
function eventsOf(before: readonly string[], line: string): number {
  let shell: ShellState = createShell();
  for (const l of before) shell = runLine(shell, l).shell;
  const t = runLine(shell, line).shell.timeline;
  return engineEventsOf(t, t.length - 1).length;
}

/** Events recorded on a shell's timeline (its entries array is shared with later shells: count up to its own length). */
function recorded(shell: ShellState): number {
  return shell.timeline.eventCount;
}

/** Events of a lesson's step (0-based) when its solution is played from a fresh lab. */
function eventsOfStep(id: string, step: number): number {
  const lesson = findLesson(id)!;
  let before: ShellState = createShell();
  for (const s of lesson.steps.slice(0, step)) for (const line of solutionOf(s)) before = runLine(before, line).shell;
  let after = before;
  for (const line of solutionOf(lesson.steps[step]!)) after = runLine(after, line).shell;
  return recorded(after) - recorded(before);
}

test.describe('slide-ready exports', () => {
  test.use({ reducedMotion: 'reduce' });

  async function save(lab: LabPage, name: RegExp | string): Promise<{ bytes: Buffer; name: string }> {
    const menu = lab.page.getByRole('group', { name: 'share and export' });
    if (!(await menu.isVisible())) await lab.page.getByRole('button', { name: 'Share & export' }).click();
    const [file] = await Promise.all([lab.page.waitForEvent('download', { timeout: 85_000 }), menu.getByRole('button', { name }).click()]);
    const { readFile } = await import('node:fs/promises');
    return { bytes: await readFile((await file.path())!), name: file.suggestedFilename() };
  }

  /** The exported SVG parsed in the browser: its size, the legend's entries, the caption, the embedded fonts. */
  function readSvg(lab: LabPage, text: string) {
    return lab.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const svg = doc.documentElement;
      return {
        ok: !doc.querySelector('parsererror') && svg.localName === 'svg',
        width: svg.getAttribute('width'), height: svg.getAttribute('height'), viewBox: svg.getAttribute('viewBox'),
        frames: doc.querySelectorAll('[data-frame]').length,
        legend: [...doc.querySelectorAll('[data-legend] [data-owner]')].map((g) => ({ owner: g.getAttribute('data-owner'), frames: Number(g.getAttribute('data-frames')), text: g.textContent })),
        caption: [...doc.querySelectorAll('[data-caption] text')].map((t) => t.textContent),
        fonts: [...(doc.querySelector('style')?.textContent ?? '').matchAll(/@font-face\{font-family:'([^']+)';[^}]*font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => ({ family: m[1], weight: m[2], bytes: Math.floor((m[3]!.length * 3) / 4) })),
        families: [...new Set([...doc.querySelectorAll('[font-family]')].map((n) => n.getAttribute('font-family')!.split(',')[0]!.trim()))],
      };
    }, text);
  }

  test('the Memory view as a 1920x1080 SVG and PNG, with the legend, a caption naming the moment, and its font inside', async ({ lab }) => {
    await lab.open('./?lesson=flip&step=4');
    await lab.typeAll(['@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    const status = (await lab.page.getByTestId('timeline-status').textContent())!;
    const [, shown, total] = /event (\d+) of (\d+)/.exec(status)!;
    const { bytes } = await save(lab, 'Memory view (SVG)');
    const svg = await readSvg(lab, bytes.toString('utf8'));
    expect(svg.ok).toBe(true);
    expect([svg.width, svg.height, svg.viewBox]).toEqual(['1920', '1080', '0 0 1920 1080']);
    expect(svg.frames).toBe(256);
    // the legend names each owner with its colour's letter and its frame count, as the page's legend does
    const pageLegend = await lab.page.getByRole('list', { name: 'owners of physical frames' }).getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    const owners = svg.legend.map((e) => e.owner);
    expect(owners).toEqual(expect.arrayContaining(['free', 'control', 'scp', 'A', 'B']));
    for (const e of svg.legend) {
      const name = e.owner === 'control' ? 'control OS' : e.owner === 'scp' ? 'system control program (scp)' : e.owner;
      expect(pageLegend).toContain(`${name}: ${e.frames} frames`);
      expect(e.text).toContain(String(e.frames));
    }
    expect(svg.legend.reduce((n, e) => n + e.frames, 0)).toBe(256);
    expect(svg.legend.find((e) => e.owner === 'scp')?.text).toBe('Ssystem control program (scp) 16');
    // the caption: lesson and step, the event and its tag
    expect(svg.caption[0]).toBe('Lesson 4: Guest to guest: S101-S112 and the flip · step 4 of 6: S107: the flip');
    const tag = (await lab.page.getByTestId('narration').locator('.tag').textContent())!;
    expect(tag).toMatch(/^(S\d|\[\d{4}\]|lab)/);
    expect(svg.caption[1]!.startsWith(`event ${shown} of ${total} · ${tag} · `)).toBe(true);
    // text looks the same anywhere: the fonts it names are inside the file
    expect(svg.fonts.map((f) => `${f.family} ${f.weight}`)).toEqual(['JetBrains Mono 400', 'JetBrains Mono 700']);
    for (const f of svg.fonts) expect(f.bytes).toBeGreaterThan(10_000);
    expect(svg.families.every((f) => f === "'JetBrains Mono'")).toBe(true);

    const png = await save(lab, 'Memory view (PNG)');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], 'PNG size').toEqual([1920, 1080]);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(`${SHOTS}/export-memory-1920.png`, png.bytes);

    // as on screen: the view's own size, the PNG at twice its pixels
    await lab.page.getByRole('combobox', { name: 'size of the Memory picture' }).selectOption('screen');
    const stage = (await lab.page.locator('[data-testid=memory-view] .mem-stage').boundingBox())!;
    const small = await readSvg(lab, (await save(lab, 'Memory view (SVG)')).bytes.toString('utf8'));
    expect(Number(small.width)).toBe(Math.round(stage.width));
    expect(Number(small.height)).toBeGreaterThan(Math.round(stage.height));
    const smallPng = await save(lab, 'Memory view (PNG)');
    expect(smallPng.bytes.readUInt32BE(16)).toBe(Number(small.width) * 2);
    writeFileSync(`${SHOTS}/export-memory-screen.png`, smallPng.bytes);
  });

  test('this command as a GIF: one 1920 px frame per micro-step, timed like the player', async ({ lab }) => {
    // drawing and encoding 1920x1080 pictures is heavy work on a busy 2-core machine
    test.setTimeout(240_000);
    await lab.open();
    await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    const before = await lab.page.getByTestId('timeline-status').textContent();
    const { bytes, name } = await save(lab, 'Animation (GIF)');
    expect(name).toBe('lparlab-command.gif');
    const gif = readGif(bytes);
    const steps = eventsOf(FIG9_SETUP, '@A send(ch, a, "mem request")');
    expect(steps).toBeGreaterThan(3);
    expect(gif.frames.length).toBe(steps);
    expect([gif.width, gif.height]).toEqual([1920, 1080]);
    expect(gif.frames.every((f) => f.width === 1920 && f.height === 1080)).toBe(true);
    // 650 ms an event at 1x, the last held three times as long
    expect(gif.frames.map((f) => f.delayMs)).toEqual([...Array(steps - 1).fill(650), 1950]);
    expect(gif.loops).toBe(true);
    // the playhead did not move
    await expect(lab.page.getByTestId('timeline-status')).toHaveText(before!);
    await expect(lab.page.getByRole('group', { name: 'share and export' }).getByRole('status')).toHaveText(`Saved ${steps} steps as a GIF of ${((steps + 2) * 0.65).toFixed(1)} s.`);
  });

  test('a lesson step as a WebM video: its frames and duration read back from the file', async ({ lab }) => {
    // drawing and encoding 1920x1080 pictures is heavy work on a busy 2-core machine
    test.setTimeout(240_000);
    await lab.open('./?lesson=flip&step=4');
    await lab.finishPlayback();
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    await lab.page.getByRole('combobox', { name: 'what the animation shows' }).selectOption('step');
    const { bytes, name } = await save(lab, 'Animation (WebM)');
    expect(name).toBe('lparlab-flip-step4.webm');
    expect([...bytes.subarray(0, 4)], 'EBML header').toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    const steps = eventsOfStep('flip', 3);
    expect(steps).toBeGreaterThan(3);
    const webm = await readWebm(new Uint8Array(bytes));
    expect([webm.width, webm.height]).toEqual([1920, 1080]);
    expect(webm.packets.length).toBe(steps);
    // 650 ms an event at 1x, like the player
    const seconds = (steps * 650) / 1000;
    expect(webm.seconds).toBeCloseTo(seconds, 2);
    expect(webm.packets.map((p) => Math.round(p.timestamp * 1000))).toEqual(Array.from({ length: steps }, (_, i) => i * 650));
    // and Chromium plays it for as long
    const played = await lab.page.evaluate(async (b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
      await new Promise((resolve, reject) => { video.onloadedmetadata = resolve; video.onerror = () => reject(new Error('video did not load')); });
      return { duration: video.duration, width: video.videoWidth, height: video.videoHeight };
    }, bytes.toString('base64'));
    expect(played.duration).toBeCloseTo(seconds, 1);
    expect([played.width, played.height]).toEqual([1920, 1080]);
  });

  test('the sequence chart by range: this command, or everything', async ({ lab }) => {
    await lab.open();
    await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    const range = lab.page.getByRole('combobox', { name: 'which arrows the sequence chart shows' });
    await range.selectOption('command');
    const command = (await save(lab, 'Sequence chart (SVG)')).bytes.toString('utf8');
    await range.selectOption('all');
    const all = (await save(lab, 'Sequence chart (SVG)')).bytes.toString('utf8');
    const count = (text: string) => lab.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return doc.querySelector('parsererror') ? -1 : doc.querySelectorAll('text').length;
    }, text);
    const one = await count(command);
    const every = await count(all);
    expect(one).toBeGreaterThan(0);
    expect(command).toContain('S307');
    expect(command).not.toContain('S301');
    expect(all).toContain('S301');
    expect(every).toBeGreaterThan(one);
  });
});

test.describe('the share menu with the exports', () => {
  for (const [width, height] of [[1366, 768], [1024, 768]] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`fits the window at ${width}x${height}, ${theme}`, async ({ lab }) => {
        await lab.page.setViewportSize({ width, height });
        await lab.open('./?lesson=flip');
        await lab.setTheme(theme);
        // frames here are large enough for their letters (9 px, LETTER_MIN_CELL; the canvas under the cells' hit areas
        // paints them): no word about enlarging them
        await expect(lab.page.locator('[data-frame]').first()).toBeVisible();
        expect(await lab.page.locator('[data-frame] rect').first().evaluate((r) => r.getBoundingClientRect().width)).toBeGreaterThanOrEqual(9);
        await expect(lab.page.locator('.mem-inspect')).not.toContainText('Frames too small');
        await lab.page.getByRole('button', { name: 'Share & export' }).click();
        const menu = lab.page.getByRole('group', { name: 'share and export' });
        const box = (await menu.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
        expect(box.x).toBeGreaterThanOrEqual(0);
        await lab.page.screenshot({ path: `${SHOTS}/share-menu-${width}x${height}-${theme}.png` });
      });
    }
  }
});
