// Read-only questions about a state: the inspection calls of the command
// language (frames_free, frames_of, owner_of) and the plain view models the
// page draws. Nothing here changes the state or emits events.

import type { FrameNo, LabState, Partition, Pid, ResourceKind } from '../types.js';
import { CONTROL_OS, FREE, RESOURCE_KINDS, PAGE_SIZE } from '../types.js';
import { allOwners, ownerOf } from '../memory/frameTable.js';
import { usageOf } from '../partition/partitions.js';
import { lpsOf } from '../machine/processors.js';

/** Name of a frame owner: a partition's name, "control" or "free". */
export function ownerName(state: LabState, owner: number): string {
  if (owner === FREE) return 'free';
  if (owner === CONTROL_OS) return 'control';
  return state.partitions[owner as Pid]?.name ?? `partition ${owner}`;
}

export const framesFree = (state: LabState) => state.frames.free;

export function framesOf(state: LabState, pid: Pid): number {
  const p = state.partitions[pid];
  if (!p) return 0;
  let n = p.ram.length;
  for (const a of Object.values(state.areas)) if (a.owner === pid) n += a.frames.length;
  return n;
}

export function ownerOfFrame(state: LabState, frame: number): string | null {
  if (!Number.isInteger(frame) || frame < 0 || frame >= state.frames.count) return null;
  return ownerName(state, ownerOf(state.frames, frame as FrameNo));
}

export interface ResourceRow {
  readonly resource: ResourceKind;
  readonly used: number;
  readonly limit: number | null;
}

export interface PartitionRow {
  readonly pid: Pid;
  readonly name: string;
  readonly role: Partition['role'];
  readonly mode: Partition['mode'];
  readonly status: Partition['status'];
  readonly frames: number;
  readonly logicalProcessors: number;
  readonly resources: readonly ResourceRow[];
  readonly waiting: string | null;
  readonly signalsQueued: number;
}

export function partitionsView(state: LabState): PartitionRow[] {
  return Object.values(state.partitions).map((p) => {
    const usage = p.status === 'active' ? usageOf(state, p.pid) : null;
    return {
      pid: p.pid, name: p.name, role: p.role, mode: p.mode, status: p.status,
      frames: framesOf(state, p.pid),
      logicalProcessors: lpsOf(state.machine, p.pid).length,
      resources: RESOURCE_KINDS.map((r) => ({ resource: r, used: usage?.[r] ?? 0, limit: p.limits[r] })),
      waiting: p.wait?.call ?? null,
      signalsQueued: p.signalQueue.length,
    };
  });
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
