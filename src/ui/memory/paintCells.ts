// The frame grid's colours and letters, painted on a canvas under the SVG
// (issue 22). With one <g><rect><text> per frame in the SVG, a flip at 4,096
// frames made the browser walk, paint and layerize some 8,200 SVG items on
// every frame: most of the stress's frame work. The SVG keeps one unpainted
// hit area per frame (role=gridcell, data-frame, data-owner, its words and
// its tab stop: what a screen reader, the keyboard and the tests reach), and
// this canvas shows the frames. Only a cell that changes is repainted, with
// the neighbours its outline may touch; its colour still crosses over on the
// flip, the letter turning half way [0070]. Exports keep vector cells
// (drawGrid.ts paints the SVG when no canvas is given).

import { easeCubicInOut, interpolateRgb, now, timer } from 'd3';
import type { Timer } from 'd3';
import type { GridGeom } from './layout.ts';
import { cellOrigin } from './layout.ts';
import { bestInk } from './colours.ts';
import type { Palette } from './colours.ts';

/** Below this cell size (px) a frame's letter is not drawn: it could not be read. */
export const LETTER_MIN_CELL = 9;

/** What one frame's cell shows. */
export interface CellPaint {
  readonly fill: string;
  /** the owner's letter ('' for a free frame) */
  readonly letter: string;
  readonly ink: string;
  /** the outline's colour, or null for none */
  readonly stroke: string | null;
  readonly strokeWidth: number;
}

/** A frame's paint: its owner's colour and letter, outlined when highlighted (or free, where the cell is big enough to show it). */
export function cellPaint(owner: string, fill: string, lit: boolean, palette: Palette, cell: number): CellPaint {
  const letter = owner === 'free' ? '' : owner === 'control' ? '•' : owner.slice(0, 1).toUpperCase();
  const stroke = lit ? palette.focus : owner === 'free' && cell >= 6 ? palette.line : null;
  return { fill, letter, ink: bestInk(fill), stroke, strokeWidth: lit ? 2.5 : 1 };
}

/** Corner radius of a cell, as the SVG cells have it. */
export const cellRadius = (cell: number): number => Math.min(3, cell / 5);
/** Letter size for a cell. */
export const letterSize = (cell: number): number => Math.min(cell * 0.68, 20);

/** The margin (px) around the grid on the canvas: a highlight's outline reaches past its cell. */
const MARGIN = 2;
/** A canvas larger than this many device pixels is drawn at a lower resolution (a phone's zoomed grid is tall). */
const MAX_PIXELS = 16_000_000;

/** The 2D context calls the painter makes (a test can stand in for the browser's). */
export type CellContext = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'save' | 'restore' | 'beginPath' | 'rect' | 'roundRect' | 'clip' | 'fill' | 'stroke' | 'fillText'
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textAlign' | 'textBaseline'
>;

/** A colour crossing over on a flip [0070]. */
interface Crossing {
  readonly from: string;
  readonly letterFrom: string;
  readonly inkFrom: string;
  readonly start: number;
  readonly ms: number;
}

export interface CellCanvas {
  readonly ctx: CellContext;
  geo: GridGeom;
  readonly font: string;
  /** what the canvas was last sized for */
  readonly shape: string;
  /** each cell's paint once its crossing ends */
  readonly paints: (CellPaint | undefined)[];
  readonly crossings: Map<number, Crossing>;
  /** cells to repaint at the next flush */
  readonly dirty: Set<number>;
  all: boolean;
  /** the letters' font as last set on the context (setting it parses it again, every time) */
  fontSet: string;
  timer: Timer | null;
  /** how many cells were painted (a test reads it: a flip must not repaint the grid) */
  painted: number;
}

const canvases = new WeakMap<object, CellCanvas>();

/**
 * The painter of `canvas` for the grid `geo`, sized and placed over the
 * grid's box. A new size (or resolution) blanks the canvas: every
 * cell is painted again at the next flush, from the paints it was last given.
 */
export function cellCanvas(canvas: HTMLCanvasElement, geo: GridGeom): CellCanvas | null {
  const w = geo.cols * geo.pitch + 2 * MARGIN;
  const h = geo.rows * geo.pitch + 2 * MARGIN;
  const dpr = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_PIXELS / Math.max(1, w * h)));
  const width = Math.max(1, Math.round(w * dpr));
  const height = Math.max(1, Math.round(h * dpr));
  const shape = `${geo.x}|${geo.y}|${geo.cols}|${geo.rows}|${geo.pitch}|${geo.cell}|${geo.count}|${width}|${height}`;
  const prev = canvases.get(canvas);
  if (prev && prev.shape === shape && canvas.width === width && canvas.height === height) {
    prev.geo = geo;
    return prev;
  }
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  Object.assign(canvas.style, { left: `${geo.x - MARGIN}px`, top: `${geo.y - MARGIN}px`, width: `${w}px`, height: `${h}px` });
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(width / w, 0, 0, height / h, 0, 0);
  // the page's font, read once: reading a computed style on every draw would make the browser restyle the page mid-frame
  const font = prev?.font ?? getComputedStyle(canvas).fontFamily;
  const state = resetCells(prev ?? null, ctx, geo, font, shape);
  canvases.set(canvas, state);
  return state;
}

/** A painter's state for a blank canvas, keeping the cells' paints when the grid has as many cells (exported for tests, which hand it a recording context). */
export function resetCells(prev: CellCanvas | null, ctx: CellContext, geo: GridGeom, font: string, shape = ''): CellCanvas {
  prev?.timer?.stop();
  const paints = prev && prev.paints.length === geo.count ? prev.paints : new Array<CellPaint | undefined>(geo.count);
  return { ctx, geo, font, shape, paints, crossings: new Map(), dirty: new Set(), all: true, fontSet: '', timer: null, painted: 0 };
}

/** What cell `i` shows at time `t`: mid-crossing, the colour between the two, the old letter until half way. */
function paintAt(c: CellCanvas, i: number, t: number): CellPaint | undefined {
  const p = c.paints[i];
  const x = c.crossings.get(i);
  if (!p || !x) return p;
  const k = Math.min(1, Math.max(0, (t - x.start) / x.ms));
  const turned = t - x.start >= x.ms / 2;
  return { ...p, fill: interpolateRgb(x.from, p.fill)(easeCubicInOut(k)), letter: turned ? p.letter : x.letterFrom, ink: turned ? p.ink : x.inkFrom };
}

/**
 * Cell `i` is to show `paint`. With `ms` > 0 its colour crosses over from
 * what it shows now in `ms` (the flip [0070]); otherwise it changes at once,
 * ending any crossing. Painted at the next flush.
 */
export function setCell(c: CellCanvas, i: number, paint: CellPaint, ms: number): void {
  if (ms > 0 && c.paints[i]) {
    const t = now();
    const shown = paintAt(c, i, t)!;
    // the letter turns half way through the crossing, as the SVG's letter did
    c.crossings.set(i, { from: shown.fill, letterFrom: shown.letter, inkFrom: shown.ink, start: t, ms: ms * 1.2 });
  } else {
    c.crossings.delete(i);
  }
  c.paints[i] = paint;
  c.dirty.add(i);
}

function drawOne(c: CellCanvas, i: number, p: CellPaint): void {
  const { ctx, geo } = c;
  const [gx, gy] = cellOrigin(geo, i);
  const x = gx - geo.x + MARGIN;
  const y = gy - geo.y + MARGIN;
  ctx.beginPath();
  ctx.roundRect(x, y, geo.cell, geo.cell, cellRadius(geo.cell));
  ctx.fillStyle = p.fill;
  ctx.fill();
  if (p.stroke) {
    ctx.strokeStyle = p.stroke;
    ctx.lineWidth = p.strokeWidth;
    ctx.stroke();
  }
  if (p.letter && geo.cell >= LETTER_MIN_CELL) {
    ctx.fillStyle = p.ink;
    ctx.fillText(p.letter, x + geo.cell / 2, y + geo.cell / 2 + 0.5);
  }
  c.painted++;
}

/**
 * Paint what changed since the last flush: the whole grid after a reset (or
 * when most cells changed), else each changed cell with its neighbours, clipped
 * to the cell's box and its outline, so nothing around it is disturbed.
 * Crossings under way keep a timer running until they end.
 */
export function flushCells(c: CellCanvas): void {
  const { ctx, geo } = c;
  const t = now();
  const font = `700 ${letterSize(geo.cell)}px ${c.font}`;
  if (c.fontSet !== font) {
    // a blank canvas (resized) starts with the context's defaults: its state is new, so this runs again
    ctx.font = font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    c.fontSet = font;
  }
  if (!c.all && !c.dirty.size) return;
  if (c.all || c.dirty.size > geo.count / 4) {
    ctx.clearRect(0, 0, geo.cols * geo.pitch + 2 * MARGIN, geo.rows * geo.pitch + 2 * MARGIN);
    for (let i = 0; i < geo.count; i++) {
      const p = paintAt(c, i, t);
      if (p) drawOne(c, i, p);
    }
  } else {
    for (const i of c.dirty) {
      const [gx, gy] = cellOrigin(geo, i);
      // the cell's box and the margin its outline reaches into
      const x = gx - geo.x;
      const y = gy - geo.y;
      const size = geo.cell + 2 * MARGIN;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, size, size);
      ctx.clip();
      ctx.clearRect(x, y, size, size);
      // the neighbours in frame order, as the SVG stacked them: a later cell's outline lies over an earlier one
      const col = i % geo.cols;
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const j = i + dr * geo.cols + dc;
          if (col + dc < 0 || col + dc >= geo.cols || j < 0 || j >= geo.count) continue;
          const p = paintAt(c, j, t);
          if (p) drawOne(c, j, p);
        }
      }
      ctx.restore();
    }
  }
  c.all = false;
  c.dirty.clear();
  for (const [i, x] of c.crossings) {
    if (t - x.start >= x.ms) c.crossings.delete(i);
  }
  if (c.crossings.size && !c.timer) {
    c.timer = timer(() => {
      for (const i of c.crossings.keys()) c.dirty.add(i);
      if (!c.crossings.size) {
        c.timer?.stop();
        c.timer = null;
        return;
      }
      flushCells(c);
    });
  } else if (!c.crossings.size && c.timer) {
    c.timer.stop();
    c.timer = null;
  }
}
