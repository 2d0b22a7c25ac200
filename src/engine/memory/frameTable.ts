// The physical memory map the control OS keeps [0050], [0066]: for each page
// frame, who owns it (free, the control OS, or exactly one partition).
//
// Stored as a persistent 32-way trie with a free count in every node, so that
// an update copies only the path to one leaf and finding a free frame skips
// whole full subtrees. Work per update grows with log32(frames), not with
// memory size: 1,048,576 frames cost four levels where 1,024 cost two.

import type { FrameNo } from '../types.js';
import { FREE } from '../types.js';

const BITS = 5;
const FANOUT = 1 << BITS;
const MASK = FANOUT - 1;
/** Owner code for slots past the last frame in the final leaf: never free, never owned. */
const ABSENT = -2;

interface Leaf {
  readonly free: number;
  readonly owners: readonly number[];
}
interface Inner {
  readonly free: number;
  readonly kids: readonly TrieNode[];
}
type TrieNode = Leaf | Inner;

export interface FrameTable {
  readonly count: number;
  readonly depth: number;
  readonly free: number;
  readonly root: TrieNode;
}

const isLeaf = (node: TrieNode): node is Leaf => 'owners' in node;

/** A table of `count` free frames. Identical all-free subtrees are shared. */
export function createFrameTable(count: number): FrameTable {
  let depth = 1;
  while (FANOUT ** depth < count) depth++;
  return { count, depth, free: count, root: buildFree(depth, 0, count) };
}

function buildFree(level: number, start: number, count: number): TrieNode {
  const span = FANOUT ** level;
  if (level === 1) {
    const owners = Array.from({ length: FANOUT }, (_, i) => (start + i < count ? FREE : ABSENT));
    return { free: owners.filter((o) => o === FREE).length, owners };
  }
  const childSpan = span / FANOUT;
  const kids: TrieNode[] = [];
  let shared: TrieNode | null = null;
  for (let i = 0; i < FANOUT; i++) {
    const childStart = start + i * childSpan;
    const whole = childStart + childSpan <= count;
    if (whole) {
      shared ??= buildFree(level - 1, childStart, count);
      kids.push(shared);
    } else {
      kids.push(buildFree(level - 1, childStart, count));
    }
  }
  return { free: kids.reduce((n, k) => n + k.free, 0), kids };
}

export function ownerOf(table: FrameTable, frame: FrameNo): number {
  return ownerIn(table.root, table.depth, frame);
}

function ownerIn(root: TrieNode, depth: number, frame: number): number {
  let node = root;
  for (let level = depth - 1; !isLeaf(node); level--) {
    node = (node as Inner).kids[(frame >> (level * BITS)) & MASK]!;
  }
  return node.owners[frame & MASK]!;
}

/** The table with each of `frames` owned by `owner` (FREE to release them). */
export function setOwners(table: FrameTable, frames: readonly FrameNo[], owner: number): FrameTable {
  let root = table.root;
  for (const frame of frames) root = setPath(root, table.depth - 1, frame, owner);
  return root === table.root ? table : { count: table.count, depth: table.depth, free: table.free + root.free - table.root.free, root };
}

/**
 * Whole free subtrees, one per level, shared by every table. A node that
 * becomes entirely free again is replaced by the shared one, so memory that
 * areas have come and gone through does not stay copied apart (at 1M frames
 * it would otherwise grow without bound).
 */
const FREE_NODES: TrieNode[] = [];
function freeNode(level: number): TrieNode {
  let node = FREE_NODES[level];
  if (!node) {
    node = level === 0
      ? { free: FANOUT, owners: new Array<number>(FANOUT).fill(FREE) }
      : { free: FANOUT ** (level + 1), kids: new Array<TrieNode>(FANOUT).fill(freeNode(level - 1)) };
    FREE_NODES[level] = node;
  }
  return node;
}

/** Frames under a node of each level: FANOUT ** (level + 1), looked up rather than raised on every step down. */
const SPANS = Array.from({ length: 8 }, (_, level) => FANOUT ** (level + 1));

/**
 * `node` with `frame` owned by `owner`, in one walk down: the path is copied
 * only when the owner changes, and a node left entirely free becomes the
 * shared free one. The same node back when nothing changed.
 */
function setPath(node: TrieNode, level: number, frame: number, owner: number): TrieNode {
  if (isLeaf(node)) {
    const slot = frame & MASK;
    const before = node.owners[slot]!;
    if (before === owner) return node;
    const free = node.free + (owner === FREE ? 1 : 0) - (before === FREE ? 1 : 0);
    if (free === FANOUT) return freeNode(0);
    const owners = node.owners.slice();
    owners[slot] = owner;
    return { free, owners };
  }
  const slot = (frame >> (level * BITS)) & MASK;
  const kid = node.kids[slot]!;
  const next = setPath(kid, level - 1, frame, owner);
  if (next === kid) return node;
  const free = node.free - kid.free + next.free;
  if (free === SPANS[level]) return freeNode(level);
  const kids = node.kids.slice();
  kids[slot] = next;
  return { free, kids };
}

/** The first free frame at or after `from`, wrapping round; null when memory is full. */
export function findFree(table: FrameTable, from: number): FrameNo | null {
  if (table.free === 0) return null;
  const start = ((from % table.count) + table.count) % table.count;
  const found = searchFrom(table.root, table.depth - 1, 0, start);
  return (found ?? searchFrom(table.root, table.depth - 1, 0, 0)) as FrameNo | null;
}

function searchFrom(node: TrieNode, level: number, base: number, from: number): number | null {
  if (node.free === 0) return null;
  if (isLeaf(node)) {
    for (let i = Math.max(0, from - base); i < FANOUT; i++) if (node.owners[i] === FREE) return base + i;
    return null;
  }
  const span = SPANS[level - 1]!;
  const first = Math.max(0, Math.floor((from - base) / span));
  for (let i = first; i < FANOUT; i++) {
    const found = searchFrom(node.kids[i]!, level - 1, base + i * span, from);
    if (found !== null) return found;
  }
  return null;
}

/** Claim `count` free frames for `owner`, searching from `from`; null (and nothing changed) when too few are free. */
export function claimFrames(
  table: FrameTable,
  count: number,
  owner: number,
  from: number,
): { table: FrameTable; frames: FrameNo[] } | null {
  if (count > table.free) return null;
  const frames: FrameNo[] = [];
  let next = table;
  let cursor = from;
  for (let i = 0; i < count; i++) {
    // fewer than `count` frames are claimed so far and count <= free: the wrapping search finds one
    const frame = findFree(next, cursor)!;
    next = setOwners(next, [frame], owner);
    frames.push(frame);
    cursor = frame + 1;
  }
  // the list lives on in the area and in every event that names it: an array
  // of its own length, not the room for 17 that `push` leaves
  return { table: next, frames: frames.slice() };
}

/** Every owner code in frame order; O(frames), for views and invariant checks only. */
export function allOwners(table: FrameTable): Int32Array {
  const out = new Int32Array(table.count);
  const walk = (node: TrieNode, level: number, base: number): void => {
    if (base >= table.count) return;
    if (isLeaf(node)) {
      for (let i = 0; i < FANOUT && base + i < table.count; i++) out[base + i] = node.owners[i]!;
      return;
    }
    const span = FANOUT ** level;
    node.kids.forEach((kid, i) => walk(kid, level - 1, base + i * span));
  };
  walk(table.root, table.depth - 1, 0);
  return out;
}
