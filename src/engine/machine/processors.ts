// The processor module of Fig. 2 [0041]-[0042]: a main processor group and
// sub-processor groups of eight units each, and the logical processors the
// control OS places on them [0054]. A logical processor may sit on one unit,
// on several (it runs on whichever is free), or share a unit with others;
// each unit hands out time slices round-robin among the processors placed on it.

import type { LabState, LogicalProcessor, LpId, Machine, Pid, Unit } from '../types.js';
import { asLp } from '../types.js';

export function createMachine(groups: number, unitsPerGroup: number): Machine {
  const units: Unit[] = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < unitsPerGroup; i++) units.push({ group: g, index: i, queue: [], next: 0, running: null });
  }
  return { groups, unitsPerGroup, units, lps: {}, nextLp: 1, tick: 0, window: 16 };
}

/** Where a unit is in Fig. 2: its group (0 the main group, then the sub-processor groups) and its index there. */
export type UnitPlace = readonly [group: number, index: number];

export function unitPlace(machine: Machine, unit: number): UnitPlace {
  const u = machine.units[unit]!;
  return [u.group, u.index];
}

/** A unit's name in English, the way Fig. 2 names it: main group or sub-processor group, then its index. */
export const placeName = ([group, index]: UnitPlace): string => (group === 0 ? `main unit ${index}` : `sub group ${group} unit ${index}`);

/** Name a unit the way Fig. 2 does: main group or sub-processor group, then its index. */
export function unitName(machine: Machine, unit: number): string {
  const u = machine.units[unit];
  if (!u) return `unit ${unit}`;
  return placeName([u.group, u.index]);
}

/** Add a logical processor for `pid` placed on `unitIndices`. */
export function placeLp(machine: Machine, pid: Pid, unitIndices: readonly number[]): { machine: Machine; lp: LpId } {
  const lp = asLp(machine.nextLp);
  const record: LogicalProcessor = { id: lp, pid, units: unitIndices, stopped: false };
  const units = machine.units.map((u, i) => (unitIndices.includes(i) ? { ...u, queue: [...u.queue, lp] } : u));
  return { machine: { ...machine, units, lps: { ...machine.lps, [lp]: record }, nextLp: machine.nextLp + 1 }, lp };
}

/** The unit with the fewest logical processors placed on it (lowest index on a tie). */
export function leastLoadedUnit(machine: Machine): number {
  let best = 0;
  machine.units.forEach((u, i) => {
    if (u.queue.length < machine.units[best]!.queue.length) best = i;
  });
  return best;
}

/** Stop every logical processor of `pid` and take it off its units [0053]. */
export function stopLps(machine: Machine, pid: Pid): { machine: Machine; stopped: LpId[] } {
  const stopped = Object.values(machine.lps).filter((lp) => lp.pid === pid && !lp.stopped).map((lp) => lp.id);
  if (stopped.length === 0) return { machine, stopped };
  const lps = { ...machine.lps };
  for (const id of stopped) lps[id] = { ...lps[id]!, stopped: true };
  const units = machine.units.map((u) => {
    const queue = u.queue.filter((id) => !stopped.includes(id));
    const running = u.running !== null && stopped.includes(u.running) ? null : u.running;
    return { ...u, queue, running, next: queue.length === 0 ? 0 : u.next % queue.length };
  });
  return { machine: { ...machine, units, lps }, stopped };
}

export function lpsOf(machine: Machine, pid: Pid): LogicalProcessor[] {
  return Object.values(machine.lps).filter((lp) => lp.pid === pid && !lp.stopped);
}

/**
 * Does this partition run on more than one physical unit? Then an unmap needs
 * a cross-processor TLB shootdown. Every unmap asks, and the machine record
 * changes only when processors are placed, stopped or scheduled, so the
 * answers are kept per machine record (a pure function, remembered).
 */
export function spansUnits(machine: Machine, pid: Pid): boolean {
  let known = SPANS.get(machine);
  if (!known) SPANS.set(machine, (known = new Map()));
  let spans = known.get(pid);
  if (spans === undefined) known.set(pid, (spans = countSpans(machine, pid)));
  return spans;
}

const SPANS = new WeakMap<Machine, Map<Pid, boolean>>();

function countSpans(machine: Machine, pid: Pid): boolean {
  let first = -1;
  for (const lp of Object.values(machine.lps)) {
    if (lp.pid !== pid || lp.stopped) continue;
    for (const u of lp.units) {
      if (first === -1) first = u;
      else if (u !== first) return true;
    }
  }
  return false;
}

export interface SliceResult {
  readonly machine: Machine;
  /** unit index -> the logical processor it now runs (null when idle) */
  readonly ran: readonly (LpId | null)[];
  /** units whose running processor changed: each costs a context switch */
  readonly switches: number;
}

/**
 * One time slice: each unit in turn takes the next logical processor in its
 * round-robin queue that is not already running elsewhere this slice and
 * whose partition still has processor time left in this window [0051] a).
 * `ranBy` counts, per partition, the slices handed out so far.
 */
export function runSlice(state: LabState, cpuLeft: (pid: Pid) => boolean, ranBy: Map<Pid, number>): SliceResult {
  const machine = state.machine;
  const taken = new Set<LpId>();
  const ran: (LpId | null)[] = [];
  let switches = 0;
  const units = machine.units.map((u) => {
    let chosen: LpId | null = null;
    let next = u.next;
    for (let k = 0; k < u.queue.length; k++) {
      const candidate = u.queue[(u.next + k) % u.queue.length]!;
      const lp = machine.lps[candidate]!;
      if (taken.has(candidate) || !cpuLeft(lp.pid)) continue;
      chosen = candidate;
      next = (u.next + k + 1) % u.queue.length;
      break;
    }
    if (chosen !== null) {
      taken.add(chosen);
      const pid = machine.lps[chosen]!.pid;
      ranBy.set(pid, (ranBy.get(pid) ?? 0) + 1);
    }
    if (chosen !== u.running && chosen !== null) switches++;
    ran.push(chosen);
    return { ...u, running: chosen, next };
  });
  return { machine: { ...machine, units, tick: machine.tick + 1 }, ran, switches };
}
