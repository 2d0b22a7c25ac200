// Past 4096 frames (up to 1,048,576) the grid is drawn on a canvas, one cell
// per bucket of frames. A cell is stacked: each owner present gets a slice,
// and any frames in use get at least a third of the cell, so the few frames a
// partition holds in a sea of free memory still show.

import type { Bucket, MemoryModel } from '../../engine/index.ts';
import type { GridGeom } from './layout.ts';
import type { Palette } from './colours.ts';
import type { Translate } from '../../i18n/translate.ts';

/** Slices of a bucket cell, left to right, as fractions of its width. */
export function bucketSlices(b: Bucket): { owner: string; from: number; to: number }[] {
  const used = b.owners.filter((o) => o.owner !== 'free');
  const usedCount = used.reduce((n, o) => n + o.count, 0);
  if (!usedCount) return [{ owner: 'free', from: 0, to: 1 }];
  const usedShare = usedCount === b.count ? 1 : Math.max(usedCount / b.count, 1 / 3);
  const out: { owner: string; from: number; to: number }[] = [];
  let at = 0;
  // every owner present gets a visible slice, however few frames it has
  const min = Math.min(0.12, usedShare / used.length);
  const spare = usedShare - min * used.length;
  for (const o of used) {
    const w = min + (spare * o.count) / usedCount;
    out.push({ owner: o.owner, from: at, to: at + w });
    at += w;
  }
  if (at < 1) out.push({ owner: 'free', from: at, to: 1 });
  return out;
}

/**
 * The last merge at each cell size, and the model's buckets it was made from.
 * The engine keeps a bucket no step changed as the same object from view to
 * view, so a display cell whose buckets are all the ones it was merged from
 * last time is that cell again: a step re-merges only the cells it touched.
 */
const lastMerge = new Map<number, { readonly from: readonly Bucket[]; readonly cells: readonly Bucket[] }>();

/** The model's buckets merged into display cells of `per` frames (a power-of-two multiple of the bucket size). */
export function displayBuckets(model: MemoryModel, per: number): readonly Bucket[] {
  if (model.grid.kind !== 'buckets') return [];
  const { buckets, size } = model.grid;
  if (per <= size) return buckets;
  const last = lastMerge.get(per);
  if (last?.from === buckets) return last.cells;
  const k = per / size;
  const cells: Bucket[] = [];
  for (let i = 0; i < buckets.length; i += k) {
    const kept = last?.cells[i / k];
    cells.push(kept && sameSources(last.from, buckets, i, k) ? kept : mergeBuckets(buckets.slice(i, i + k)));
  }
  lastMerge.set(per, { from: buckets, cells });
  return cells;
}

/** Whether buckets i..i+k-1 of `was` and `now` are the same objects. */
function sameSources(was: readonly Bucket[], now: readonly Bucket[], i: number, k: number): boolean {
  for (let j = i; j < i + k && j < now.length; j++) if (was[j] !== now[j]) return false;
  return true;
}

function mergeBuckets(run: readonly Bucket[]): Bucket {
  const counts = new Map<string, number>();
  let count = 0;
  for (const b of run) {
    count += b.count;
    for (const o of b.owners) counts.set(o.owner, (counts.get(o.owner) ?? 0) + o.count);
  }
  return { first: run[0]!.first, count, owners: [...counts].sort((x, y) => y[1] - x[1]).map(([owner, n]) => ({ owner, count: n })) };
}

/** Whether two display cells would be painted alike: the same frames, held by the same owners in the same counts. */
export function sameBucket(a: Bucket | undefined, b: Bucket): boolean {
  if (a === b) return true;
  if (!a || a.first !== b.first || a.count !== b.count || a.owners.length !== b.owners.length) return false;
  return a.owners.every((o, i) => o.owner === b.owners[i]!.owner && o.count === b.owners[i]!.count);
}

/** The cells of `next` to paint over a canvas painted from `prev`: all of them when the grids differ in length. */
export function changedCells(prev: readonly Bucket[], next: readonly Bucket[]): number[] {
  if (prev.length !== next.length) return next.map((_, i) => i);
  const changed: number[] = [];
  for (let i = 0; i < next.length; i++) if (!sameBucket(prev[i], next[i]!)) changed.push(i);
  return changed;
}

/**
 * What a canvas was last painted from. A flip changes the owners of one or
 * two of the 4,096 cells; painting only those keeps the canvas's raster work
 * (done when the page commits, outside the script) from costing a whole grid
 * on every step the player shows.
 */
interface Painted {
  /** the canvas's size and the grid's geometry: when either changes, every cell is painted again */
  readonly frame: string;
  readonly palette: Palette;
  /** each owner's fill: a new colour for an owner repaints every cell */
  readonly colours: string;
  readonly cells: readonly Bucket[];
}
const painted = new WeakMap<HTMLCanvasElement, Painted>();

export function drawBuckets(
  canvas: HTMLCanvasElement, model: MemoryModel, geo: GridGeom, w: number, h: number, palette: Palette, fill: (owner: string) => string,
): void {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.round(w * dpr);
  const height = Math.round(h * dpr);
  const frame = `${w}x${h}@${dpr}:${geo.x},${geo.y},${geo.cols},${geo.pitch},${geo.cell},${geo.per}`;
  const last = painted.get(canvas);
  if (last?.frame !== frame) {
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (model.grid.kind !== 'buckets') {
    ctx.clearRect(0, 0, w, h);
    painted.delete(canvas);
    return;
  }
  const cells = displayBuckets(model, geo.per);
  const colours = model.owners.map((o) => fill(o.owner)).join();
  // cells without a gap between them share edge pixels: one cell cannot be painted over alone
  const alone = geo.cell < geo.pitch && last?.frame === frame && last.palette === palette && last.colours === colours;
  const paint = (i: number) => paintCell(ctx, cells[i]!, geo, i, dpr, palette, fill);
  if (alone) {
    for (const i of changedCells(last.cells, cells)) {
      // the cell's own pixels, up to where the next cell's start: what a whole repaint would have left there
      const x = geo.x + (i % geo.cols) * geo.pitch;
      const y = geo.y + Math.floor(i / geo.cols) * geo.pitch;
      const x0 = Math.floor(x * dpr) / dpr;
      const y0 = Math.floor(y * dpr) / dpr;
      ctx.clearRect(x0, y0, Math.floor((x + geo.pitch) * dpr) / dpr - x0, Math.ceil((y + geo.cell) * dpr) / dpr - y0);
      paint(i);
    }
  } else {
    ctx.clearRect(0, 0, w, h);
    for (let i = 0; i < cells.length; i++) paint(i);
  }
  painted.set(canvas, { frame, palette, colours, cells });
}

function paintCell(
  ctx: CanvasRenderingContext2D, b: Bucket, geo: GridGeom, i: number, dpr: number, palette: Palette, fill: (owner: string) => string,
): void {
  const cell = Math.max(1, geo.cell);
  const x = geo.x + (i % geo.cols) * geo.pitch;
  const y = geo.y + Math.floor(i / geo.cols) * geo.pitch;
  const slices = bucketSlices(b);
  for (const s of slices) {
    ctx.fillStyle = s.owner === 'free' ? palette.free : fill(s.owner);
    const x0 = x + s.from * cell;
    ctx.fillRect(x0, y, Math.max(1 / dpr, (s.to - s.from) * cell), cell);
  }
  if (cell >= 5 && slices.some((s) => s.owner !== 'free')) {
    // a cell with frames in use gets an outline, so it stands out of the free sea
    ctx.strokeStyle = palette.ink;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
  }
}

/** Plain words for a bucket, in the language of `t`: its frame range, who holds how many, and which mappings reach into it. */
export function bucketLabel(t: Translate, b: Bucket, model?: MemoryModel): string {
  const ownerName = (owner: string) => (owner === 'control' ? t('memory.owner.control') : owner === 'free' ? t('memory.owner.free') : owner);
  const owners = b.owners.map((o) => t('memory.bucket.owner', { name: ownerName(o.owner), count: o.count }));
  const maps: string[] = [];
  for (const line of model?.lines ?? []) {
    const i = line.frames.findIndex((f) => f >= b.first && f < b.first + b.count);
    if (i < 0) continue;
    const name = model!.spaces.find((s) => s.pid === line.pid)?.name ?? t('memory.bucket.partition', { pid: String(line.pid) });
    maps.push(line.kind === 'ram' ? t('memory.bucket.ram', { name }) : t('memory.bucket.at', { name, at: `0x${(line.page * 4096).toString(16)}` }));
  }
  const list = t('memory.bucket.list');
  return t('memory.bucket.label', { first: b.first, last: b.first + b.count - 1, owners: owners.join(list), mapped: String(maps.length > 0), maps: maps.join(list) });
}
