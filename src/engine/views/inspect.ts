// Read-only questions about a state: the inspection calls of the command
// language (frames_free, frames_of, owner_of) and who owns and maps each
// frame. Nothing here changes the state or emits events.

import type { FrameNo, LabState, MessagePort, Pid, PortNo } from '../types.js';
import { CONTROL_OS, FREE, PAGE_SIZE } from '../types.js';
import { allOwners, ownerOf } from '../memory/frameTable.js';
import type { FrameTable } from '../memory/frameTable.js';

/** Name of a frame owner: a partition's name, "control" or "free". */
export function ownerName(state: LabState, owner: number): string {
  if (owner === FREE) return 'free';
  if (owner === CONTROL_OS) return 'control';
  // any other owner is a partition: partitions are never removed, and the frame table agrees with them (checkInvariants)
  return state.partitions[owner as Pid]!.name;
}

/**
 * The message port `no` of partition `pid`, where a channel's open end or a
 * communication socket names it: checkInvariants holds that such a name
 * always leads to a message port, so anything else is a broken state.
 */
export function messagePortAt(state: LabState, pid: Pid, no: PortNo): MessagePort {
  const port = state.partitions[pid]?.ports[no];
  if (port?.kind !== 'message') throw new Error(`broken state: port ${no} of partition ${pid} is not a channel's message port`);
  return port;
}

export const framesFree = (state: LabState) => state.frames.free;

export function framesOf(state: LabState, pid: Pid): number {
  let n = state.partitions[pid]!.ram.length;
  for (const a of Object.values(state.areas)) if (a.owner === pid) n += a.frames.length;
  return n;
}

export function ownerOfFrame(state: LabState, frame: number): string | null {
  if (!Number.isInteger(frame) || frame < 0 || frame >= state.frames.count) return null;
  return ownerName(state, ownerOf(state.frames, frame as FrameNo));
}

export interface FrameCell {
  readonly frame: number;
  readonly owner: string;
  /** "A@0x100000" for each partition mapping it, for hover text */
  readonly mappedBy: readonly string[];
}

const NOT_MAPPED: readonly string[] = [];

/** Each frame's owner code, read off the frame table once per table: the table is immutable, and a step that moves no frame keeps it. */
const ownersByTable = new WeakMap<FrameTable, Int32Array>();

export function frameOwners(table: FrameTable): Int32Array {
  let owners = ownersByTable.get(table);
  if (!owners) {
    owners = allOwners(table);
    ownersByTable.set(table, owners);
  }
  return owners;
}

/** What a lab's cells were last built from, and the cells. */
interface BuiltCells {
  readonly frames: FrameTable;
  readonly partitions: LabState['partitions'];
  readonly areas: LabState['areas'];
  readonly cells: readonly FrameCell[];
}

/**
 * The cells last built for each lab, keyed by its config (every state of one
 * lab shares it): a flip moves a few of 4,096 frames, so the next state's
 * cells are the same objects but for those, and a reader (the page's grid)
 * can tell an unchanged cell by its identity.
 */
const lastCells = new WeakMap<LabState['config'], BuiltCells>();

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** "A@0x4000" for each partition mapping each frame, by frame: its RAM and the areas mapped into it. */
function mappingsByFrame(state: LabState): Map<number, string[]> {
  const mapped = new Map<number, string[]>();
  const note = (frame: number, text: string) => {
    const list = mapped.get(frame);
    if (list) list.push(text);
    else mapped.set(frame, [text]);
  };
  for (const p of Object.values(state.partitions)) p.ram.forEach((f, page) => note(f, `${p.name}@0x${(page * PAGE_SIZE).toString(16)}`));
  for (const a of Object.values(state.areas)) {
    for (const m of a.maps) {
      const name = state.partitions[m.pid]!.name;
      a.frames.forEach((f, i) => note(f, `${name}@0x${((m.page + i) * PAGE_SIZE).toString(16)}`));
    }
  }
  return mapped;
}

/**
 * One cell per frame, with who owns it and who maps it. O(frames): for the
 * default-sized grid. A cell equal to the one built for the lab's last state
 * is that same object, and a state whose frames, partitions and areas are the
 * last ones' gets the same cells.
 */
export function framesView(state: LabState): readonly FrameCell[] {
  const last = lastCells.get(state.config);
  if (last && last.frames === state.frames && last.partitions === state.partitions && last.areas === state.areas) return last.cells;
  const owners = frameOwners(state.frames);
  const mapped = mappingsByFrame(state);
  const before = last?.cells ?? [];
  const names = new Map<number, string>();
  const cells = new Array<FrameCell>(owners.length);
  for (let frame = 0; frame < owners.length; frame++) {
    const code = owners[frame]!;
    let owner = names.get(code);
    if (owner === undefined) {
      owner = ownerName(state, code);
      names.set(code, owner);
    }
    const mappedBy = mapped.get(frame) ?? NOT_MAPPED;
    const was = before[frame];
    cells[frame] = was?.frame === frame && was.owner === owner && sameStrings(was.mappedBy, mappedBy) ? was : { frame, owner, mappedBy };
  }
  lastCells.set(state.config, { frames: state.frames, partitions: state.partitions, areas: state.areas, cells });
  return cells;
}
