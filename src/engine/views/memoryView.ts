// The Memory view model (Figs. 4-5): physical frames by owner, each active
// partition's logical address space as regions, the mapping lines between
// them, and each partition's event receive ports. Pure and read-only: the
// page draws it and plans the flip's animation from the trace events.
//
// [0066] the physical message area belongs to one partition at any moment;
// [0069]-[0070] a message area is mapped into exactly one logical space, and
// the flip moves it: unmapped from the sender, mapped into the receiver.

import type { Area, LabState, Partition } from '../types.js';
import { CONTROL_OS, FREE, PAGE_SIZE } from '../types.js';
import type { FrameTable } from '../memory/frameTable.js';
import { mappingsOf } from '../memory/areas.js';
import { frameOwners, framesView, ownerName } from './inspect.js';
import type { LabEvent } from '../event.js';
import type { FrameCell } from './inspect.js';

/** Up to this many frames the grid draws a cell per frame; past it, buckets. */
export const CELL_LIMIT = 4096;

/** Who can own a frame, for the legend: free memory, the control OS, or a partition. */
export interface OwnerKey {
  /** "free", "control" or the partition's name: the value of data-owner */
  readonly owner: string;
  /** FREE (-1), CONTROL_OS (0) or the partition id */
  readonly code: number;
  /** the letter drawn on its cells: "" for free, "•" for the control OS */
  readonly letter: string;
  readonly frames: number;
}

/** A run of consecutive physical frames. */
export interface FrameRun {
  readonly first: number;
  readonly count: number;
}

/** A message or shared area as one partition sees it. */
export interface Region {
  readonly area: number;
  readonly kind: Area['kind'];
  /** name of the partition that owns the frames */
  readonly owner: string;
  readonly ownerPid: number;
  /** first logical page in this partition, null when the partition owns it but has it unmapped */
  readonly page: number | null;
  /** first logical byte address, null when unmapped */
  readonly addr: number | null;
  readonly pages: number;
  readonly bytes: number;
  readonly frames: readonly number[];
  readonly runs: readonly FrameRun[];
  /** the resource request the area carries to the system control program, or null [0080] */
  readonly ask: AskLabel | null;
}

/** Who asks the program for what and how much, as the area carrying the request shows it [0080]. */
export interface AskLabel {
  readonly id: number;
  readonly from: string;
  readonly resource: string;
  readonly amount: number;
}

function askLabelOf(state: LabState, area: Area): AskLabel | null {
  for (const ask of Object.values(state.asks)) {
    if (ask.area === area.id) return { id: ask.id, from: ownerName(state, ask.from), resource: ask.resource, amount: ask.amount };
  }
  return null;
}

export interface RecvPortView {
  readonly no: number;
  /** [0063] one bit, no queue and no count */
  readonly pending: boolean;
  /**
   * events that merged into the pending bit since it was set: the lab's
   * observation, counted from the trace; the port itself keeps no count [0063]
   */
  readonly merged: number;
}

export interface SpaceView {
  readonly pid: number;
  readonly name: string;
  readonly letter: string;
  readonly role: Partition['role'];
  readonly mode: Partition['mode'];
  /** its own memory at logical pages 0..n-1 */
  readonly ram: { readonly pages: number; readonly frames: readonly number[]; readonly runs: readonly FrameRun[] };
  /** areas mapped into its space, by address */
  readonly regions: readonly Region[];
  /** message areas it owns but has not mapped (reserved before S106, just flipped, or held by the kernel) */
  readonly held: readonly Region[];
  readonly ports: readonly RecvPortView[];
}

/** A mapping line: a logical range of one partition to the frames behind it. */
export interface MappingLine {
  /** stable across states: "<pid>:ram" or "<pid>:area:<id>" */
  readonly key: string;
  readonly pid: number;
  readonly kind: 'ram' | 'area';
  readonly area: number | null;
  readonly page: number;
  readonly frames: readonly number[];
  readonly runs: readonly FrameRun[];
}

/** A bucket of consecutive frames, with how many each owner holds. */
export interface Bucket {
  readonly first: number;
  readonly count: number;
  /** owners present, largest count first (ties: by owner code) */
  readonly owners: readonly { readonly owner: string; readonly count: number }[];
}

export type GridView =
  | { readonly kind: 'cells'; readonly cells: readonly FrameCell[] }
  | { readonly kind: 'buckets'; readonly size: number; readonly buckets: readonly Bucket[] };

export interface MemoryModel {
  readonly frames: number;
  readonly free: number;
  readonly owners: readonly OwnerKey[];
  readonly grid: GridView;
  readonly spaces: readonly SpaceView[];
  readonly lines: readonly MappingLine[];
}

export const lineKey = (pid: number, area: number | null) => (area === null ? `${pid}:ram` : `${pid}:area:${area}`);

export function ownerLetter(owner: string): string {
  if (owner === 'free') return '';
  if (owner === 'control') return '•';
  return owner.slice(0, 1).toUpperCase();
}

/** Split frames, in the order given, into runs of consecutive numbers. */
export function frameRuns(frames: readonly number[]): FrameRun[] {
  const runs: FrameRun[] = [];
  for (const f of frames) {
    const last = runs[runs.length - 1];
    if (last && f === last.first + last.count) runs[runs.length - 1] = { first: last.first, count: last.count + 1 };
    else runs.push({ first: f, count: 1 });
  }
  return runs;
}

function regionOf(state: LabState, area: Area, page: number | null): Region {
  return {
    area: area.id,
    kind: area.kind,
    owner: ownerName(state, area.owner),
    ownerPid: area.owner,
    page,
    addr: page === null ? null : page * PAGE_SIZE,
    pages: area.frames.length,
    bytes: area.size,
    frames: area.frames,
    runs: frameRuns(area.frames),
    ask: askLabelOf(state, area),
  };
}

/** The receive ports whose pending bit is set, as `pid:port` (the key of the merge counts). */
export function pendingPortKeys(state: LabState): string[] {
  const keys: string[] = [];
  for (const p of Object.values(state.partitions)) {
    for (const port of Object.values(p.ports)) if (port.kind === 'eventRecv' && port.pending) keys.push(`${p.pid}:${port.no}`);
  }
  return keys;
}

/**
 * For each pending receive port, how many events merged into its bit since it
 * was set, read backwards off the trace (the port has no count [0063]).
 */
export function mergesSinceRaised(state: LabState, trace: readonly LabEvent[]): Map<string, number> {
  const open = new Set<string>(pendingPortKeys(state));
  const merges = new Map<string, number>();
  for (let i = trace.length - 1; i >= 0 && open.size > 0; i--) {
    const e = trace[i]!;
    if (e.seq >= state.seq || (e.kind !== 'event.merge' && e.kind !== 'event.raise')) continue;
    const key = `${e.to}:${e.port}`;
    if (!open.has(key)) continue;
    if (e.kind === 'event.raise') open.delete(key);
    else merges.set(key, (merges.get(key) ?? 0) + 1);
  }
  return merges;
}

function spaceOf(state: LabState, p: Partition, merges: ReadonlyMap<string, number>): SpaceView {
  const regions: Region[] = [];
  // mappingsOf gives them by address already
  for (const { page, area } of mappingsOf(state, p.pid)) regions.push(regionOf(state, area, page));
  const held = Object.values(state.areas)
    .filter((a) => a.owner === p.pid && !a.maps.some((m) => m.pid === p.pid))
    .map((a) => regionOf(state, a, null));
  // by port number: ports are keyed by it, and an object lists integer keys in ascending order
  const ports: RecvPortView[] = [];
  for (const port of Object.values(p.ports)) {
    if (port.kind === 'eventRecv') ports.push({ no: port.no, pending: port.pending, merged: port.pending ? merges.get(`${p.pid}:${port.no}`) ?? 0 : 0 });
  }
  return {
    pid: p.pid, name: p.name, letter: ownerLetter(p.name), role: p.role, mode: p.mode,
    ram: { pages: p.ram.length, frames: p.ram, runs: frameRuns(p.ram) },
    regions, held, ports,
  };
}

/** Bucket size for `frames`: a power of two giving at most CELL_LIMIT buckets. */
export function bucketSizeFor(frames: number): number {
  let size = 1;
  while (Math.ceil(frames / size) > CELL_LIMIT) size *= 2;
  return size;
}

type TrieNode = FrameTable['root'];

/**
 * Owner counts per bucket of `size` frames over the subtree `node` (covering
 * `span` frames from `base`, of a table of `count`), skipping whole free
 * subtrees, so mostly free memory costs about as much as the frames in use.
 */
function countOwners(node: TrieNode, span: number, base: number, size: number, count: number): Map<number, number>[] {
  const buckets = Array.from({ length: Math.ceil(Math.min(span, count - base) / size) }, () => new Map<number, number>());
  const add = (frame: number, code: number, n: number) => {
    const m = buckets[Math.floor((frame - base) / size)]!;
    m.set(code, (m.get(code) ?? 0) + n);
  };
  const walk = (node: TrieNode, span: number, base: number): void => {
    if (base >= count) return;
    if (node.free === span && base + span <= count) {
      // all free: spread over the buckets it covers (both spans are powers of two, so they align)
      for (let at = base; at < base + span; at += Math.min(span, size)) add(at, FREE, Math.min(span, size));
      return;
    }
    if ('owners' in node) {
      for (let i = 0; i < node.owners.length && base + i < count; i++) add(base + i, node.owners[i]!, 1);
      return;
    }
    const kid = span / node.kids.length;
    node.kids.forEach((k, i) => walk(k, kid, base + i * kid));
  };
  walk(node, span, base);
  return buckets;
}

/** The buckets of one subtree of the frame table, and how many frames each owner code holds in them. */
interface GridPart {
  readonly buckets: readonly Bucket[];
  readonly totals: ReadonlyMap<number, number>;
}

/**
 * The part last built at each place of the trie (a level and its first
 * frame), with the node it was built from. The trie is persistent: a flip
 * replaces the nodes on the paths to a few frames, so the next view finds
 * every other subtree here unchanged and builds only the buckets those paths
 * cross, and an unchanged bucket stays the same object from view to view
 * (the page repaints only the cells whose bucket changed). A node holding a
 * partition's frames exists only in states that descend from the partition's
 * creation, and a partition keeps its pid and name for life, so the names in a
 * part are right for as long as its node is the one at its place. One part per
 * place: at most a grid's worth of buckets, whatever the session's length.
 */
const builtParts = new Map<number, { readonly node: TrieNode; readonly size: number; readonly part: GridPart }>();

function addTotals(into: Map<number, number>, from: ReadonlyMap<number, number>): void {
  for (const [code, n] of from) into.set(code, (into.get(code) ?? 0) + n);
}

function gridPart(state: LabState, node: TrieNode, level: number, base: number, size: number): GridPart {
  const span = 32 ** level;
  const whole = base + span <= state.frames.count;
  // every part's first frame is a multiple of 32 and its level below 32: one number per place
  const place = base + level;
  const built = whole ? builtParts.get(place) : undefined;
  if (built && built.node === node && built.size === size) return built.part;
  const totals = new Map<number, number>();
  let buckets: Bucket[];
  if ('kids' in node && span / node.kids.length >= size) {
    buckets = [];
    const kidSpan = span / node.kids.length;
    for (let i = 0; i < node.kids.length && base + i * kidSpan < state.frames.count; i++) {
      const part = gridPart(state, node.kids[i]!, level - 1, base + i * kidSpan, size);
      for (const b of part.buckets) buckets.push(b);
      addTotals(totals, part.totals);
    }
  } else {
    buckets = countOwners(node, span, base, size, state.frames.count).map((counts, i) => {
      addTotals(totals, counts);
      return bucketOf(state, base + i * size, size, counts);
    });
  }
  const part = { buckets, totals };
  if (whole) builtParts.set(place, { node, size, part });
  return part;
}

function bucketOf(state: LabState, first: number, size: number, counts: ReadonlyMap<number, number>): Bucket {
  return {
    first,
    count: Math.min(size, state.frames.count - first),
    owners: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([code, count]) => ({ owner: ownerName(state, code), count })),
  };
}

/** The buckets of `size` frames over the whole frame table (O(buckets a change touched) after the first view), and each owner's frames. */
function bucketGrid(state: LabState, size: number): GridPart {
  return gridPart(state, state.frames.root, state.frames.depth, 0, size);
}

function ownersOf(state: LabState, spaces: readonly SpaceView[], counts: Map<number, number>): OwnerKey[] {
  const key = (code: number): OwnerKey => {
    const owner = ownerName(state, code);
    return { owner, code, letter: ownerLetter(owner), frames: counts.get(code) ?? 0 };
  };
  const codes = new Set<number>([CONTROL_OS, ...spaces.map((s) => s.pid)]);
  for (const [code, n] of counts) if (n > 0 && code !== FREE) codes.add(code);
  return [...[...codes].sort((a, b) => a - b).map(key), key(FREE)];
}

/**
 * The Memory view of `state`; `trace` (the events up to it) lets it show how
 * many events merged into a pending bit. O(frames) up to CELL_LIMIT frames;
 * past it, O(frames in use + buckets). Reading the merges off the trace walks
 * back to the event that set each pending bit, which may be the whole trace
 * (nobody polls the port): a page that counts them as events are recorded
 * passes `merges` instead (what `mergesSinceRaised` gives).
 */
export function memoryView(state: LabState, trace: readonly LabEvent[] = [], merges: ReadonlyMap<string, number> = mergesSinceRaised(state, trace)): MemoryModel {
  const spaces = Object.values(state.partitions)
    .filter((p) => p.status === 'active')
    .sort((a, b) => a.pid - b.pid)
    .map((p) => spaceOf(state, p, merges));

  const lines: MappingLine[] = [];
  for (const s of spaces) {
    // an active partition always has memory: lpar_create grants at least one page
    lines.push({ key: lineKey(s.pid, null), pid: s.pid, kind: 'ram', area: null, page: 0, frames: s.ram.frames, runs: s.ram.runs });
    for (const r of s.regions) {
      lines.push({ key: lineKey(s.pid, r.area), pid: s.pid, kind: 'area', area: r.area, page: r.page!, frames: r.frames, runs: r.runs });
    }
  }

  const counts = new Map<number, number>();
  let grid: GridView;
  if (state.frames.count <= CELL_LIMIT) {
    grid = { kind: 'cells', cells: framesView(state) };
    for (const code of frameOwners(state.frames)) counts.set(code, (counts.get(code) ?? 0) + 1);
  } else {
    const size = bucketSizeFor(state.frames.count);
    const { buckets, totals } = bucketGrid(state, size);
    addTotals(counts, totals);
    grid = { kind: 'buckets', size, buckets };
  }

  return { frames: state.frames.count, free: state.frames.free, owners: ownersOf(state, spaces, counts), grid, spaces, lines };
}

/** "A at 0x100000" for each partition mapping `frame`, from the model (works at any size). */
export function mappedBy(model: MemoryModel, frame: number): string[] {
  const out: string[] = [];
  for (const line of model.lines) {
    const i = line.frames.indexOf(frame);
    if (i < 0) continue;
    // every line belongs to one of the model's spaces
    const name = model.spaces.find((s) => s.pid === line.pid)!.name;
    out.push(`${name} at 0x${((line.page + i) * PAGE_SIZE).toString(16)}`);
  }
  return out;
}
