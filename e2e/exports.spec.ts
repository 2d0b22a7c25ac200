// Slide-ready exports: the Memory view as SVG and PNG, the flip as an animated
// GIF, the sequence chart by range; each download is checked as a file.

import { test, expect } from './fixtures.ts';
import { FIG9_SETUP } from './labPage.ts';
import type { LabPage } from './labPage.ts';

test.describe('slide-ready exports', () => {
  test.use({ reducedMotion: 'reduce' });

  async function save(lab: LabPage, name: RegExp | string): Promise<Buffer> {
    const menu = lab.page.getByRole('group', { name: 'share and export' });
    if (!(await menu.isVisible())) await lab.page.getByRole('button', { name: 'Share & export' }).click();
    const [file] = await Promise.all([lab.page.waitForEvent('download', { timeout: 60_000 }), menu.getByRole('button', { name }).click()]);
    const { readFile } = await import('node:fs/promises');
    return readFile((await file.path())!);
  }

  /** Whether `text` parses as SVG in the browser, and how many elements match `selector` in it. */
  function parseSvg(lab: LabPage, text: string, selector: string): Promise<{ ok: boolean; count: number }> {
    return lab.page.evaluate(({ text, selector }) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { ok: !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg', count: doc.querySelectorAll(selector).length };
    }, { text, selector });
  }

  test('the Memory view as SVG and as a PNG at twice its size', async ({ lab }) => {
    await lab.open();
    await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    const svg = (await save(lab, 'Memory view (SVG)')).toString('utf8');
    const parsed = await parseSvg(lab, svg, '[data-frame]');
    expect(parsed).toEqual({ ok: true, count: 256 });
    expect(svg).toContain('data-owner="scp"');
    const width = Number(/<svg[^>]* width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const png = await save(lab, 'Memory view (PNG, 2x)');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16), 'PNG width').toBe(Math.round(width * 2));
  });

  test('the flip as an animated GIF of the command\'s micro-steps', async ({ lab }) => {
    await lab.open();
    await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    const before = await lab.page.getByTestId('timeline-status').textContent();
    const gif = await save(lab, 'This command as an animation (GIF)');
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.readUInt16LE(6)).toBeGreaterThan(100);
    // one graphic control extension (21 F9 04) per frame
    let frames = 0;
    for (let i = 0; i + 2 < gif.length; i++) if (gif[i] === 0x21 && gif[i + 1] === 0xf9 && gif[i + 2] === 0x04) frames++;
    expect(frames).toBeGreaterThan(1);
    expect(gif[gif.length - 1], 'GIF trailer').toBe(0x3b);
    // the playhead is back where it was
    await expect(lab.page.getByTestId('timeline-status')).toHaveText(before!);
  });

  test('the sequence chart by range: this command, or everything', async ({ lab }) => {
    await lab.open();
    await lab.typeAll([...FIG9_SETUP, '@A send(ch, a, "mem request")']);
    await lab.finishPlayback();
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    const range = lab.page.getByRole('combobox', { name: 'which arrows the sequence chart shows' });
    await range.selectOption('command');
    const command = (await save(lab, 'Sequence chart (SVG)')).toString('utf8');
    await range.selectOption('all');
    const all = (await save(lab, 'Sequence chart (SVG)')).toString('utf8');
    const one = await parseSvg(lab, command, 'text');
    const every = await parseSvg(lab, all, 'text');
    expect(one.ok && every.ok).toBe(true);
    expect(command).toContain('S307');
    expect(command).not.toContain('S301');
    expect(all).toContain('S301');
    expect(every.count).toBeGreaterThan(one.count);
  });
});
