// Whether a column of the Memory view, or one of its blocks, would be drawn
// as it was last time, compared field by field: the view model is built anew
// at every step, so what did not change is equal in value, not in identity.

import type { RecvPortView, Region, SpaceView } from '../../engine/index.ts';
import type { Block, ColumnBlocks, ColumnGeom } from './layout.ts';

/**
 * What a column's drawing depends on: its geometry, the space's name, mode and
 * ports, its blocks, breaks and held areas (with the regions they show), the
 * fills used, what a highlight outlines in it, and the layout's sizes, the
 * palette and the language (`look`). Its RAM's frame list is left out: drawRam
 * draws that.
 */
export interface ColumnDrawn {
  readonly geom: ColumnGeom;
  readonly space: SpaceView;
  readonly blocks: ColumnBlocks;
  readonly fills: readonly string[];
  readonly lit: readonly boolean[];
  readonly look: readonly unknown[];
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));
}

function sameRegion(a: Region | null, b: Region | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ask = a.ask === b.ask || (!!a.ask && !!b.ask && a.ask.id === b.ask.id && a.ask.from === b.ask.from && a.ask.resource === b.ask.resource && a.ask.amount === b.ask.amount);
  return ask && a.area === b.area && a.kind === b.kind && a.owner === b.owner && a.page === b.page && a.pages === b.pages && sameList(a.frames, b.frames);
}

export function sameBlock(a: Block, b: Block): boolean {
  return a.key === b.key && a.kind === b.kind && a.page === b.page && a.pages === b.pages && a.y === b.y && a.h === b.h && sameRegion(a.region, b.region);
}

const samePort = (a: RecvPortView, b: RecvPortView) => a.no === b.no && a.pending === b.pending && a.merged === b.merged;
const sameHeld = (a: ColumnBlocks['held'][number], b: ColumnBlocks['held'][number]) => a.y === b.y && a.h === b.h && sameRegion(a.region, b.region);

/** Whether a column would be drawn the same, compared field by field. */
export function sameColumn(was: ColumnDrawn | undefined, now: ColumnDrawn): boolean {
  if (!was) return false;
  const g = was.geom;
  const h = now.geom;
  const s = was.space;
  const t = now.space;
  const b = was.blocks;
  const c = now.blocks;
  return g.pid === h.pid && g.side === h.side && g.x === h.x && g.w === h.w && g.inner === h.inner && g.slot === h.slot
    && s.name === t.name && s.letter === t.letter && s.mode === t.mode && sameList(s.ports, t.ports, samePort)
    && sameList(b.blocks, c.blocks, sameBlock) && sameList(b.breaks, c.breaks) && sameList(b.held, c.held, sameHeld) && b.hidden === c.hidden
    && sameList(was.fills, now.fills) && sameList(was.lit, now.lit) && sameList(was.look, now.look);
}

