// Logical partitions [0051]-[0053]: the unit that receives resources. A new
// partition has nothing and no limits; the system control program then
// grants and limits. Usage is derived from the records that hold the
// resources (frames, ports, signals), never kept as a second copy.

import type { LabState, Limits, Partition, PartitionRole, Pid, ResourceKind } from '../types.js';
import { RESOURCE_KINDS } from '../types.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

/** Bytes of control-OS management memory per queued control signal and per port [0051] d), [0057]. */
export const MGMT_BYTES_PER_SIGNAL = 64;
export const MGMT_BYTES_PER_PORT = 32;

export const UNLIMITED: Limits = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, null])) as unknown as Limits;

/**
 * [0053] created with no resources and no limits, in the active state.
 * Message areas are mapped from `areaBase` up, where its own memory can never reach.
 */
export function newPartition(pid: Pid, name: string, role: PartitionRole, areaBase: number): Partition {
  return {
    pid,
    name,
    role,
    // [0050] the system control OS runs in problem (user) mode, guests in supervisor mode
    mode: role === 'system' ? 'problem' : 'supervisor',
    status: 'active',
    limits: UNLIMITED,
    cpuUsed: 0,
    held: { devices: 0, cache: 0, bus: 0 },
    ram: [],
    ramGranted: 0,
    nextAreaPage: areaBase,
    ports: {},
    nextPort: 1,
    signalQueue: [],
    signalsHeld: [],
    signalNotify: null,
    wait: null,
  };
}

/** Message areas are mapped from this logical page up (address 0x100000) on a machine of up to 256 frames. */
export const AREA_BASE_PAGE = 0x100;

/**
 * The first logical page for message areas on a machine of `frames` frames:
 * past any memory a partition can own (it can never own more than every
 * frame), rounded up to a multiple of 0x100, so an area never lands inside
 * a partition's own memory however far that grows.
 */
export function areaBasePage(frames: number): number {
  return Math.max(AREA_BASE_PAGE, Math.ceil(frames / AREA_BASE_PAGE) * AREA_BASE_PAGE);
}

export type Usage = Record<ResourceKind, number>;

/** What a partition uses now, resource by resource, measured the way its limit counts it. */
export function usageOf(state: LabState, pid: Pid): Usage {
  const p = state.partitions[pid];
  if (!p) throw new Error(`invariant: no partition ${pid}`);
  let areaFrames = 0;
  let mappedPages = 0;
  for (const area of Object.values(state.areas)) {
    if (area.owner === pid) areaFrames += area.frames.length;
    for (const m of area.maps) if (m.pid === pid) mappedPages += area.frames.length;
  }
  let eventPorts = 0;
  let portCount = 0;
  for (const port of Object.values(p.ports)) {
    portCount++;
    if (port.kind !== 'message') eventPorts++;
  }
  return {
    cpu: p.cpuUsed,
    vaddr: p.ram.length + mappedPages,
    // [0055] the limit covers what the guest allocates itself: areas and extra pages
    mem: p.ram.length - p.ramGranted + areaFrames,
    mgmt: p.signalQueue.length * MGMT_BYTES_PER_SIGNAL + portCount * MGMT_BYTES_PER_PORT,
    events: eventPorts,
    devices: p.held.devices,
    cache: p.held.cache,
    bus: p.held.bus,
  };
}

/** Would taking `extra` more of `resource` stay within the partition's limit? */
export function fitsLimit(state: LabState, pid: Pid, resource: ResourceKind, extra: number): boolean {
  const limit = state.partitions[pid]?.limits[resource];
  if (limit === null || limit === undefined) return true;
  return usageOf(state, pid)[resource] + extra <= limit;
}

/** Why `pid` cannot take `pages` more pages of its own (memory or address space), or null if it can. */
export function roomForPages(state: LabState, pid: Pid, pages: number): { readonly message: string; readonly words: Words } | null {
  const name = state.partitions[pid]!.name;
  if (!fitsLimit(state, pid, 'mem', pages)) return { message: `${name} would pass its memory limit with ${pages} more pages; ask with request(mem, ${pages}) [0055]`, words: words('error.room.memLimit', { name, pages }) };
  if (!fitsLimit(state, pid, 'vaddr', pages)) return { message: `${name} has no virtual address space left for ${pages} more pages [0051] b)`, words: words('error.room.vaddr', { name, pages }) };
  return null;
}
