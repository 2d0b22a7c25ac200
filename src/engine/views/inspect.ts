// Read-only questions about a state: the inspection calls of the command
// language (frames_free, frames_of, owner_of) and who owns and maps each
// frame. Nothing here changes the state or emits events.

import type { FrameNo, LabState, MessagePort, Pid, PortNo } from '../types.js';
import { CONTROL_OS, FREE, PAGE_SIZE } from '../types.js';
import { allOwners, ownerOf } from '../memory/frameTable.js';

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

/** One cell per frame, with who owns it and who maps it. O(frames): for the default-sized grid. */
export function framesView(state: LabState): FrameCell[] {
  const owners = allOwners(state.frames);
  const mapped = new Map<number, string[]>();
  const note = (frame: number, text: string) => mapped.set(frame, [...(mapped.get(frame) ?? []), text]);
  for (const p of Object.values(state.partitions)) p.ram.forEach((f, page) => note(f, `${p.name}@0x${(page * PAGE_SIZE).toString(16)}`));
  for (const a of Object.values(state.areas)) {
    for (const m of a.maps) {
      const name = state.partitions[m.pid]!.name;
      a.frames.forEach((f, i) => note(f, `${name}@0x${((m.page + i) * PAGE_SIZE).toString(16)}`));
    }
  }
  return Array.from(owners, (owner, frame) => ({ frame, owner: ownerName(state, owner), mappedBy: mapped.get(frame) ?? [] }));
}
