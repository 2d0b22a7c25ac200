import { afterEach, describe, expect, it } from 'vitest';
import { LIGHT } from './colours.ts';
import type { GridGeom } from './layout.ts';
import { cellPaint, flushCells, LETTER_MIN_CELL, resetCells, setCell } from './paintCells.ts';
import type { CellCanvas, CellContext, CellPaint } from './paintCells.ts';

/** A 2D context that records the cells it is asked to paint: where each rounded rect goes, its fill, and the letters written. */
function recorder() {
  const cells: { x: number; y: number; fill: string }[] = [];
  const letters: { text: string; ink: string }[] = [];
  const clears: number[][] = [];
  let at = { x: 0, y: 0 };
  const ctx = {
    fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textAlign: 'start', textBaseline: 'alphabetic',
    setTransform() {}, save() {}, restore() {}, beginPath() {}, rect() {}, clip() {}, stroke() {},
    clearRect(x: number, y: number, w: number, h: number) { clears.push([x, y, w, h]); },
    roundRect(x: number, y: number) { at = { x, y }; },
    fill() { cells.push({ ...at, fill: String(ctx.fillStyle) }); },
    fillText(text: string) { letters.push({ text, ink: String(ctx.fillStyle) }); },
  };
  return { ctx: ctx as unknown as CellContext, cells, letters, clears };
}

/** The stress's grid: 4,096 frames, 64 a row, 12 px cells. */
const GEO: GridGeom = { x: 100, y: 50, cols: 64, rows: 64, pitch: 13, cell: 12, count: 4096, per: 1 };
const free = cellPaint('free', LIGHT.free, false, LIGHT, GEO.cell);
const ofA = cellPaint('A', '#56b4e9', false, LIGHT, GEO.cell);
const ofB = cellPaint('B', '#009e73', false, LIGHT, GEO.cell);

let painter: CellCanvas | null = null;
afterEach(() => painter?.timer?.stop());

function paintedGrid(paints: (i: number) => CellPaint) {
  const rec = recorder();
  painter = resetCells(null, rec.ctx, GEO, 'sans-serif');
  for (let i = 0; i < GEO.count; i++) setCell(painter, i, paints(i), 0);
  flushCells(painter);
  return { rec, c: painter };
}

describe('the frame grid on a canvas', () => {
  it('paints every frame once on a blank canvas, then a changed frame with its neighbours only, not the grid', () => {
    const { rec, c } = paintedGrid((i) => (i < 100 ? ofA : free));
    expect(rec.cells).toHaveLength(4096);
    expect(rec.letters.filter((l) => l.text === 'A')).toHaveLength(100);
    rec.cells.length = 0;
    rec.clears.length = 0;
    // frame 1000 (row 15, column 40) goes to B: it and the 8 cells around it, inside one clipped box
    setCell(c, 1000, ofB, 0);
    flushCells(c);
    expect(rec.cells).toHaveLength(9);
    expect(rec.clears).toEqual([[40 * 13, 15 * 13, 16, 16]]);
    const own = rec.cells.find((p) => p.x === 40 * 13 + 2 && p.y === 15 * 13 + 2)!;
    expect(own.fill).toBe('#009e73');
    // a frame at the grid's left edge has no neighbours to its left (the previous row's last cell is not one)
    rec.cells.length = 0;
    setCell(c, 64, ofB, 0);
    flushCells(c);
    expect(rec.cells).toHaveLength(6);
    expect(Math.max(...rec.cells.map((p) => p.x))).toBe(13 + 2);
  });

  it('crosses a flipped frame\'s colour over, the old letter until half way, then settles on the new owner [0070]', async () => {
    const { rec, c } = paintedGrid((i) => (i === 7 ? ofA : free));
    rec.cells.length = 0;
    rec.letters.length = 0;
    setCell(c, 7, ofB, 20);
    flushCells(c);
    const first = rec.cells.find((p) => p.x === 7 * 13 + 2 && p.y === 2)!;
    expect(first.fill).not.toBe('#009e73');
    expect(rec.letters.map((l) => l.text)).toContain('A');
    expect(c.crossings.has(7)).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    rec.cells.length = 0;
    rec.letters.length = 0;
    c.dirty.add(7);
    flushCells(c);
    // the crossing's last colour, or the new owner's own once its timer has ended it: the same colour
    expect(['rgb(0, 158, 115)', '#009e73']).toContain(rec.cells.find((p) => p.x === 7 * 13 + 2 && p.y === 2)!.fill);
    expect(rec.letters.map((l) => l.text)).toEqual(['B']);
    expect(c.crossings.size).toBe(0);
    expect(c.timer).toBeNull();
  });

  it('changes a frame at once without motion, ending a crossing under way', () => {
    const { rec, c } = paintedGrid(() => free);
    setCell(c, 3, ofA, 200);
    setCell(c, 3, ofB, 0);
    rec.cells.length = 0;
    flushCells(c);
    expect(c.crossings.size).toBe(0);
    expect(rec.cells.find((p) => p.x === 3 * 13 + 2 && p.y === 2)!.fill).toBe('#009e73');
  });

  it('says what a frame shows as the SVG cells did: letter, ink, and an outline when highlighted or free', () => {
    expect(cellPaint('A', '#56b4e9', false, LIGHT, 12)).toMatchObject({ letter: 'A', ink: '#111111', stroke: null });
    expect(cellPaint('control', LIGHT.control, false, LIGHT, 12)).toMatchObject({ letter: '•', ink: '#ffffff' });
    expect(cellPaint('free', LIGHT.free, false, LIGHT, 12)).toMatchObject({ letter: '', stroke: LIGHT.line, strokeWidth: 1 });
    expect(cellPaint('free', LIGHT.free, false, LIGHT, 5).stroke).toBeNull();
    expect(cellPaint('B', '#009e73', true, LIGHT, 12)).toMatchObject({ stroke: LIGHT.focus, strokeWidth: 2.5 });
  });

  it('writes no letters in cells too small to read them', () => {
    const rec = recorder();
    const small: GridGeom = { ...GEO, pitch: LETTER_MIN_CELL, cell: LETTER_MIN_CELL - 1 };
    painter = resetCells(null, rec.ctx, small, 'sans-serif');
    for (let i = 0; i < small.count; i++) setCell(painter, i, ofA, 0);
    flushCells(painter);
    expect(rec.cells).toHaveLength(4096);
    expect(rec.letters).toHaveLength(0);
  });
});
