// Geometry of the Memory view: where the frame grid sits, where each logical
// address space column goes, and where each block sits inside its column.
// Pure arithmetic on the view model and the panel size, so it can be tested
// and re-run on every resize.
//
// Fig. 5 draws guest A's space left of physical memory and guest B's right of
// it; we keep that: guests alternate sides (A, C, ... left; B, D, ... right),
// the system control OS stands outermost on the left.

import type { MemoryModel, Region, SpaceView } from '../../engine/index.ts';

export type Side = 'left' | 'right';

export interface GridGeom {
  readonly x: number;
  readonly y: number;
  readonly cols: number;
  readonly rows: number;
  /** distance between cell origins */
  readonly pitch: number;
  /** drawn cell size (pitch minus the gap) */
  readonly cell: number;
  /** number of cells: frames, or buckets past the cell limit */
  readonly count: number;
  /** frames per cell (1, or the bucket size) */
  readonly per: number;
}

export interface ColumnGeom {
  readonly pid: number;
  readonly side: Side;
  readonly x: number;
  readonly w: number;
  /** the edge that faces the grid, where mapping lines start */
  readonly inner: number;
  /** 0 next to the grid, 1 beyond it, ... */
  readonly slot: number;
}

export interface MemoryLayout {
  readonly w: number;
  readonly h: number;
  /** base font size in px */
  readonly fs: number;
  /** height of the band with the column names, modes and ports */
  readonly head: number;
  readonly grid: GridGeom;
  readonly columns: readonly ColumnGeom[];
  /** where the bottom of the columns is */
  readonly bottom: number;
}

/** Base font size for a panel of w x h (CSS px), scaled by the page's font size. */
export function fontFor(w: number, h: number, scale = 1): number {
  return Math.round(Math.max(12, Math.min(16, w / 34, h / 19)) * scale * 10) / 10;
}

/** Columns for n cells in a w x h box, making cells as large as possible; rows of 8, 16 or 32 when nearly as large. */
export function chooseCols(n: number, w: number, h: number): { cols: number; pitch: number } {
  let best = { cols: 1, pitch: 0 };
  const pitchFor = (cols: number) => Math.min(w / cols, h / Math.ceil(n / cols));
  const limit = Math.min(n, 512);
  for (let cols = 1; cols <= limit; cols++) {
    const p = pitchFor(cols);
    if (p > best.pitch) best = { cols, pitch: p };
  }
  for (const round of [32, 16, 8]) {
    const cols = Math.round(best.cols / round) * round;
    if (cols >= round && cols <= n && pitchFor(cols) >= best.pitch * 0.9) return { cols, pitch: pitchFor(cols) };
  }
  return best;
}

/** A column's place: which partition, and whether it is a guest (guests alternate sides). */
export type ColumnSlot = Pick<SpaceView, 'pid' | 'role'>;

/** Left columns from the outside in, right columns from the inside out. */
export function sidesOf<S extends ColumnSlot>(spaces: readonly S[]): { left: S[]; right: S[] } {
  const guests = spaces.filter((s) => s.role === 'guest');
  const system = spaces.filter((s) => s.role !== 'guest');
  const left = [...system, ...guests.filter((_, i) => i % 2 === 0).reverse()];
  const right = guests.filter((_, i) => i % 2 === 1);
  return { left, right };
}

/**
 * The partitions to place columns for: those shown, and those `reserve`
 * names (the shell's own moment), by pid. While the player reveals a set-up's
 * lpar_create events the grid keeps the shape it will have at the end: the
 * columns of partitions not created yet stay empty places instead of
 * squeezing the grid at each creation, which moved and redrew every one of
 * its cells (4,096 at the stress's size, issue 22).
 */
export function columnSlots(shown: readonly ColumnSlot[], reserve: readonly ColumnSlot[]): ColumnSlot[] {
  const byPid = new Map<number, ColumnSlot>();
  for (const s of [...shown, ...reserve]) if (!byPid.has(s.pid)) byPid.set(s.pid, { pid: s.pid, role: s.role });
  return [...byPid.values()].sort((a, b) => a.pid - b.pid);
}

export function layoutMemory(model: MemoryModel, w: number, h: number, scale = 1, reserve: readonly ColumnSlot[] = []): MemoryLayout {
  const fs = fontFor(w, h, scale);
  const head = Math.round(fs * 4.5);
  const { left, right } = sidesOf(reserve.length ? columnSlots(model.spaces, reserve) : model.spaces);
  const n = left.length + right.length;
  const colW = Math.round(Math.max(fs * 4, Math.min(Math.max(fs * 4.9, Math.min(fs * 7.5, w * 0.14)), (w * 0.6) / Math.max(1, n) - fs * 0.5)));
  const colGap = Math.round(fs * 0.5);
  const gutter = Math.round(Math.max(fs * 1.25, Math.min(fs * 3, w * 0.04)));
  const leftW = left.length * (colW + colGap);
  const rightW = right.length * (colW + colGap);
  const bottom = h - 2;
  const box = { x: leftW + gutter, y: head, w: Math.max(40, w - leftW - rightW - 2 * gutter), h: Math.max(40, bottom - head) };
  let per = model.grid.kind === 'cells' ? 1 : model.grid.size;
  let count = model.grid.kind === 'cells' ? model.grid.cells.length : model.grid.buckets.length;
  let { cols, pitch: raw } = chooseCols(count, box.w, box.h);
  // past the cell limit, merge buckets until a cell is big enough to see what is in it
  while (model.grid.kind === 'buckets' && raw < 8 && per < model.frames) {
    per *= 2;
    count = Math.ceil(model.frames / per);
    ({ cols, pitch: raw } = chooseCols(count, box.w, box.h));
  }
  const pitch = Math.max(1, Math.floor(raw * 4) / 4);
  const rows = Math.ceil(count / cols);
  const gap = pitch >= 16 ? 2 : pitch >= 5 ? 1 : 0;
  const grid: GridGeom = {
    x: Math.round(box.x + (box.w - cols * pitch) / 2),
    y: Math.round(box.y + Math.max(0, (box.h - rows * pitch) / 2) * 0.3),
    cols, rows, pitch, cell: pitch - gap, count, per,
  };
  const columns: ColumnGeom[] = [];
  // only the partitions shown get a column; a reserved place stays empty
  const shown = new Set(model.spaces.map((s) => s.pid));
  left.forEach((s, i) => {
    const x = colGap / 2 + i * (colW + colGap);
    if (shown.has(s.pid)) columns.push({ pid: s.pid, side: 'left', x, w: colW, inner: x + colW, slot: left.length - 1 - i });
  });
  right.forEach((s, i) => {
    const x = w - rightW + colGap / 2 + i * (colW + colGap);
    if (shown.has(s.pid)) columns.push({ pid: s.pid, side: 'right', x, w: colW, inner: x, slot: i });
  });
  return { w, h, fs, head, grid, columns, bottom };
}

/** Centre of cell i. */
export function cellCentre(g: GridGeom, i: number): [number, number] {
  return [g.x + (i % g.cols) * g.pitch + g.cell / 2, g.y + Math.floor(i / g.cols) * g.pitch + g.cell / 2];
}

export function cellOrigin(g: GridGeom, i: number): [number, number] {
  return [g.x + (i % g.cols) * g.pitch, g.y + Math.floor(i / g.cols) * g.pitch];
}

/** A stretch of cells on one grid row. */
export interface RowSegment {
  readonly row: number;
  readonly c0: number;
  readonly c1: number;
}

/** The cells holding `frames`, as stretches along grid rows (one target per stretch for a mapping line). */
export function segmentsOf(g: GridGeom, frames: readonly number[]): RowSegment[] {
  const cells = [...new Set(frames.map((f) => Math.floor(f / g.per)))].sort((a, b) => a - b);
  const out: RowSegment[] = [];
  for (const c of cells) {
    const row = Math.floor(c / g.cols);
    const col = c % g.cols;
    const last = out[out.length - 1];
    if (last && last.row === row && last.c1 === col - 1) out[out.length - 1] = { row, c0: last.c0, c1: col };
    else out.push({ row, c0: col, c1: col });
  }
  return out;
}

/** The rows a set of frames spans, as [first, last] ranges of consecutive rows (for a RAM bracket). */
export function rowSpans(g: GridGeom, frames: readonly number[]): [number, number][] {
  const rows = [...new Set(frames.map((f) => Math.floor(Math.floor(f / g.per) / g.cols)))].sort((a, b) => a - b);
  const spans: [number, number][] = [];
  for (const r of rows) {
    const last = spans[spans.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else spans.push([r, r]);
  }
  return spans;
}

// ------------------------------------------------------------ blocks inside a column

export type BlockKind = 'ram' | 'area' | 'ghost' | 'fault';

export interface Block {
  /** stable key across states: "ram", "area:<id>", "ghost:<page>", "fault" */
  readonly key: string;
  readonly kind: BlockKind;
  readonly page: number;
  readonly pages: number;
  readonly y: number;
  readonly h: number;
  readonly region: Region | null;
}

export interface Ghost {
  readonly pid: number;
  readonly page: number;
  readonly pages: number;
  readonly area: number;
}

export interface ColumnBlocks {
  readonly blocks: readonly Block[];
  /** y of "address gap" marks between blocks that are not adjacent in the logical space */
  readonly breaks: readonly number[];
  /** held (owned, unmapped) areas, drawn as chips under the blocks */
  readonly held: readonly { readonly region: Region; readonly y: number; readonly h: number }[];
  /** blocks that did not fit */
  readonly hidden: number;
}

/**
 * Stack a column's blocks: its RAM at 0x0, then its areas by address, with
 * recently unmapped addresses as ghosts and a fault marker where the fault hit.
 * The logical space is drawn in address order, not to scale.
 */
export function columnBlocks(
  space: SpaceView, ghosts: readonly Ghost[], faultPage: number | null, top: number, bottom: number, fs: number,
): ColumnBlocks {
  const chipH = Math.round(fs * 1.45);
  const held = space.held.slice(0, 3);
  const trayH = held.length ? held.length * (chipH + 3) + 4 : 0;
  const end = bottom - trayH;
  type Item = Omit<Block, 'y' | 'h'>;
  const items: Item[] = [];
  if (space.ram.pages > 0) items.push({ key: 'ram', kind: 'ram', page: 0, pages: space.ram.pages, region: null });
  for (const r of space.regions) items.push({ key: `area:${r.area}`, kind: 'area', page: r.page!, pages: r.pages, region: r });
  for (const g of ghosts) {
    if (g.pid !== space.pid) continue;
    if (items.some((it) => it.kind !== 'ram' && it.page < g.page + g.pages && g.page < it.page + it.pages)) continue;
    items.push({ key: `ghost:${g.page}`, kind: 'ghost', page: g.page, pages: g.pages, region: null });
  }
  if (faultPage !== null && !items.some((it) => faultPage >= it.page && faultPage < it.page + it.pages)) {
    items.push({ key: 'fault', kind: 'fault', page: faultPage, pages: 1, region: null });
  }
  items.sort((a, b) => a.page - b.page);

  const gapH = Math.round(fs * 1.1);
  let gaps = 0;
  items.forEach((it, i) => {
    const prev = items[i - 1];
    if (prev && prev.page + prev.pages !== it.page) gaps++;
  });
  const space_ = Math.max(0, end - top - gaps * gapH);
  const ramH0 = Math.min(fs * 6, Math.max(fs * 2.6, space_ * 0.34));
  const others = items.filter((it) => it.kind !== 'ram').length;
  const hasRam = items.some((it) => it.kind === 'ram');
  const left = space_ - (hasRam ? ramH0 + 3 : 0);
  const each = others ? Math.min(fs * 3.1, Math.max(fs * 1.6, left / others - 3)) : 0;
  const fit = others ? Math.max(1, Math.floor((left + 3) / (each + 3))) : 0;

  const blocks: Block[] = [];
  const breaks: number[] = [];
  let y = top;
  let shown = 0;
  let hidden = 0;
  items.forEach((it, i) => {
    const prev = items[i - 1];
    if (it.kind !== 'ram' && shown >= fit) {
      hidden++;
      return;
    }
    if (prev && prev.page + prev.pages !== it.page) {
      breaks.push(y + gapH / 2 - 1.5);
      y += gapH;
    }
    const h = it.kind === 'ram' ? ramH0 : each;
    blocks.push({ ...it, y, h });
    if (it.kind !== 'ram') shown++;
    y += h + 3;
  });
  const trayTop = Math.min(end + 4, y + 2);
  return { blocks, breaks, held: held.map((region, i) => ({ region, y: trayTop + i * (chipH + 3), h: chipH })), hidden };
}

/**
 * For touch: the height at which the frame grid's cells are at least
 * `minCell` px (a finger's target), given the width; the view scrolls when
 * it is taller than the panel. `h` itself when the cells are large enough.
 */
export function zoomedHeight(model: MemoryModel, w: number, h: number, scale: number, minCell: number, reserve: readonly ColumnSlot[] = []): number {
  let height = h;
  for (let i = 0; i < 40 && layoutMemory(model, w, height, scale, reserve).grid.cell < minCell; i++) height = Math.ceil(height * 1.12);
  return height;
}
