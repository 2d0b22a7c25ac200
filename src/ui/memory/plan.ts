// What to animate or highlight, planned from trace events (never by diffing
// the page): the focused event drives the flip's animation; the events of the
// command being shown give the ghosts of unmapped addresses and, with reduced
// motion, the highlight of what changed.

import type { Highlight, LabEvent } from '../../engine/index.ts';
import { lineKey } from '../../engine/index.ts';
import type { Ghost } from './layout.ts';

/** Events whose frames change owner: their cells recolour with a pulse. */
export const RECOLOUR = new Set<LabEvent['kind']>(['area.reserve', 'area.flip', 'area.discard', 'resource.alloc', 'lpar.end']);
/** Events that add a mapping: its line grows from the block to the frames. */
export const MAPS = new Set<LabEvent['kind']>(['area.map', 'shm.map']);
/** Events that remove a mapping: its line breaks and fades. */
export const UNMAPS = new Set<LabEvent['kind']>(['area.unmap', 'shm.unmap']);
/** Events that take mappings away (an unmap, a discard, a partition ending): what leaves fades out. */
export const DROPS = new Set<LabEvent['kind']>([...UNMAPS, 'area.discard', 'lpar.end']);

/** Addresses unmapped by the command being shown: drawn as "unmapped" where the area was [0070]. */
export function ghostsOf(events: readonly LabEvent[]): Ghost[] {
  const out: Ghost[] = [];
  for (const e of events) {
    if (e.kind === 'area.unmap' && e.page !== undefined && e.area !== undefined) {
      out.push({ pid: e.to, page: e.page, pages: e.frames?.length ?? 1, area: e.area });
    }
  }
  return out;
}

/** What the Memory view outlines: frames, mapping lines, ports and whole columns. */
export interface Outline {
  readonly frames: ReadonlySet<number>;
  readonly lines: ReadonlySet<string>;
  /** "<pid>:<port>" */
  readonly ports: ReadonlySet<string>;
  /** partitions whose whole column is outlined (a lesson check points at them) */
  readonly columns: ReadonlySet<number>;
}

/** What the command being shown changed: outlined instead of animated when motion is reduced. */
export function highlightOf(events: readonly LabEvent[]): Outline {
  const frames = new Set<number>();
  const lines = new Set<string>();
  const ports = new Set<string>();
  for (const e of events) {
    if (e.frames && (RECOLOUR.has(e.kind) || MAPS.has(e.kind) || UNMAPS.has(e.kind))) for (const f of e.frames) frames.add(f);
    if (MAPS.has(e.kind) && e.area !== undefined) lines.add(lineKey(e.to, e.area));
    if ((e.kind === 'event.raise' || e.kind === 'event.merge') && e.port !== undefined) ports.add(`${e.to}:${e.port}`);
  }
  return { frames, lines, ports, columns: new Set() };
}

export const EMPTY_HIGHLIGHT: Outline = { frames: new Set(), lines: new Set(), ports: new Set(), columns: new Set() };

/** Add a lesson check's pointer (the store's highlight, when its view is "memory"): its frames, and the column of the partition it names. */
export function withMark(h: Outline, mark: (Highlight & { readonly id?: number }) | null, pidOf: (name: string) => number | undefined): Outline {
  if (!mark || mark.view !== 'memory') return h;
  const pid = mark.ctx === undefined ? undefined : pidOf(mark.ctx);
  return {
    frames: new Set([...h.frames, ...(mark.frames ?? [])]),
    lines: h.lines,
    ports: h.ports,
    columns: pid === undefined ? h.columns : new Set([...h.columns, pid]),
  };
}
