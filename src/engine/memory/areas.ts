// Message areas and their mappings [0065]-[0071], Fig. 5. A message area is
// a run of physical frames owned by one partition and mapped into at most one
// logical address space at a time; moving it to another partition is an
// ownership flip: unmap from the sender, change the owner, map into the
// receiver (S107). Nothing is copied. Shared areas [0056] c) are the
// contrast: mapped in two spaces at once.

import type { Area, AreaId, FrameNo, LabState, Partition, Pid, Result } from '../types.js';
import { PAGE_SIZE, asArea, FREE } from '../types.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import { claimFrames, setOwners } from './frameTable.js';
import { nextRandom } from '../machine/rng.js';
import { mapCost, unmapCost } from '../costs/costModel.js';
import { spansUnits } from '../machine/processors.js';
import type { Tx } from '../tx.js';
import { dropArea, emit, PENDING, putArea, setNextAreaPage } from '../tx.js';

export const pagesFor = (bytes: number) => Math.max(1, Math.ceil(bytes / PAGE_SIZE));
export const addressOf = (page: number) => page * PAGE_SIZE;
import { hex } from '../hex.js';
import { words } from '../words.js';
export { hex };

/** Take frames for a new area from a seeded spot in memory, as a real allocator scatters them. */
export function claimAreaFrames(tx: Tx, owner: Pid, pages: number): FrameNo[] | null {
  const { value, rng } = nextRandom(tx.s.rng);
  const claimed = claimFrames(tx.s.frames, pages, owner, Math.floor(value * tx.s.frames.count));
  if (!claimed) return null;
  tx.s.rng = rng;
  tx.s.frames = claimed.table;
  return claimed.frames;
}

/**
 * Area ids are the lowest number not in use, like file descriptors: the
 * areas record stays small and dense however many messages have passed.
 */
function lowestFreeAreaId(tx: Tx): AreaId {
  let id = 1;
  while (tx.s.areas[id as AreaId]) id++;
  return asArea(id);
}

/** Create an area of `pages` frames owned by `owner`; null when memory is full. */
export function createArea(tx: Tx, owner: Pid, kind: Area['kind'], bytes: number): Area | null {
  const frames = claimAreaFrames(tx, owner, pagesFor(bytes));
  if (!frames) return null;
  const area: Area = { id: lowestFreeAreaId(tx), kind, frames, size: bytes, data: '', owner, maps: [], arrived: false };
  putArea(tx, area);
  return area;
}

/**
 * Map an area into `pid`'s logical space at its next free area address;
 * returns the page. A partition's page table for areas is the `maps` of the
 * areas themselves (see `mappingsOf`), so there is one record of each mapping.
 */
export function mapArea(tx: Tx, area: Area, pid: Pid): number {
  const page = tx.s.partitions[pid]!.nextAreaPage;
  setNextAreaPage(tx, pid, page + area.frames.length);
  const now = tx.s.areas[area.id]!;
  putArea(tx, areaWith(now, [...now.maps, { pid, page }], now.owner, now.arrived));
  return page;
}

/**
 * The area with its mappings, owner and arrival replaced, written out as one
 * literal in the order createArea makes it: spreading a record is several
 * times slower in V8, and a transfer changes its area five times.
 */
export function areaWith(a: Area, maps: Area['maps'], owner: Pid, arrived: boolean): Area {
  return { id: a.id, kind: a.kind, frames: a.frames, size: a.size, data: a.data, owner, maps, arrived };
}

/**
 * Remove an area's mapping from `pid`'s logical space; the cost includes TLB
 * invalidation. Every caller has found the mapping first (by address, or in
 * `area.maps`).
 */
export function unmapArea(tx: Tx, areaId: AreaId, pid: Pid): number {
  const area = tx.s.areas[areaId]!;
  putArea(tx, areaWith(area, area.maps.filter((m) => m.pid !== pid), area.owner, area.arrived));
  return unmapCost(tx.s.costs, area.frames.length, spansUnits(tx.s.machine, pid));
}

/** Give the area's frames back to free memory and forget it. */
export function releaseArea(tx: Tx, areaId: AreaId): void {
  const area = tx.s.areas[areaId]!;
  for (const m of area.maps) unmapArea(tx, areaId, m.pid);
  tx.s.frames = setOwners(tx.s.frames, area.frames, FREE);
  dropArea(tx, areaId);
}

/** The patent steps a flip shows, which differ by who sends and who receives. */
export interface FlipTags {
  readonly unmap: PatentTag;
  readonly flip: PatentTag;
  /** null: the receiver's kernel keeps the area unmapped until its program reads it (Fig. 7) */
  readonly map: PatentTag | null;
}

export const GUEST_FLIP: FlipTags = { unmap: 'S107', flip: 'S107', map: 'S107' };

/**
 * The flip of S107 / [0070]: unmap from the sender, hand the frames to the
 * receiver, map them into the receiver's space. Returns the receiver's page,
 * or null when the receiver's kernel holds the area unmapped.
 */
export function flipArea(tx: Tx, areaId: AreaId, from: Pid, to: Pid, tags: FlipTags): number | null {
  const area = tx.s.areas[areaId]!;
  const oldPage = area.maps.find((m) => m.pid === from)?.page;
  if (oldPage !== undefined) {
    const cost = unmapArea(tx, areaId, from);
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: tags.unmap, kind: 'area.unmap', from: CONTROL_LANE, to: from, area: areaId, page: oldPage, frames: area.frames, cost,
      say: ['area.unmap', nameOf(tx.s, from), oldPage],
    });
  }
  tx.s.frames = setOwners(tx.s.frames, area.frames, to);
  const unmapped = tx.s.areas[areaId]!;
  putArea(tx, areaWith(unmapped, unmapped.maps, to, true));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: tags.flip, kind: 'area.flip', from, to: tags.map === null ? KERNEL_LANE : to, area: areaId, frames: area.frames,
    say: ['area.flip', area.frames, nameOf(tx.s, from), nameOf(tx.s, to)],
  });
  if (tags.map === null) return null;
  const page = mapArea(tx, tx.s.areas[areaId]!, to);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: tags.map, kind: 'area.map', from: CONTROL_LANE, to, area: areaId, page, frames: area.frames,
    cost: mapCost(tx.s.costs, area.frames.length),
    say: ['area.map', nameOf(tx.s, to), page],
  });
  return page;
}

function nameOf(state: LabState, pid: Pid): string {
  // partitions are never removed from the table (an ended one keeps its name)
  return state.partitions[pid]!.name;
}

export interface Resolved {
  readonly area: Area;
  readonly offset: number;
}

/** The areas mapped in `pid`'s logical space, by first page: its page table beyond its own memory [0066]. */
export function mappingsOf(state: LabState, pid: Pid): { readonly page: number; readonly area: Area }[] {
  const out: { page: number; area: Area }[] = [];
  for (const area of Object.values(state.areas)) {
    for (const m of area.maps) if (m.pid === pid) out.push({ page: m.page, area });
  }
  return out.sort((a, b) => a.page - b.page);
}

/** Which area does `addr` touch in `pid`'s space? Undefined when nothing is mapped there (a page fault). */
export function resolveAddress(state: LabState, p: Partition, addr: number): Resolved | undefined {
  const page = Math.floor(addr / PAGE_SIZE);
  for (const area of Object.values(state.areas)) {
    for (const m of area.maps) {
      if (m.pid === p.pid && page >= m.page && page < m.page + area.frames.length) return { area, offset: addr - addressOf(m.page) };
    }
  }
  return undefined;
}

/**
 * A touch where nothing is mapped: a page fault [0066], [0070], the moment
 * the flip is about (the sender after S107 can no longer reach the area). The
 * fault is a trace event, so it is seen and not only printed; the machine's
 * state is as it was (a decided refusal: lab.ts keeps the events).
 */
export function faultResult(tx: Tx, p: Partition, addr: number): Result {
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0070]', kind: 'fault', from: p.pid, to: CONTROL_LANE, page: Math.floor(addr / PAGE_SIZE), cost: tx.s.costs.hypercall,
    say: ['area.fault', p.name, addr],
  });
  return { ok: false, error: { errno: 'EFAULT', addr, decided: true, message: `${p.name} has nothing mapped at ${hex(addr)}: the page is not in its address space, so the touch faults [0070]`, words: words('error.areas.fault', { name: p.name, addr: hex(addr) }) } };
}
