// The Machine view model (Figs. 1-2, [0041]-[0042], [0054]): the processor
// module as a main processor group and sub-processor groups, each with its
// memory controller and secondary cache; which partition's logical processor
// runs on each physical unit in the current time slice and which are placed
// there; and the main memory (DRAM) as the share of frames each owner holds.
// A pure function of the state: the page only draws it.

import type { LabState, LpId, Pid } from '../types.js';
import { PAGE_SIZE } from '../types.js';
import { unitName } from '../machine/processors.js';
import { framesOf } from './inspect.js';

/** A logical processor as it appears on a unit: whose it is and its id. */
export interface LpRef {
  readonly lp: number;
  readonly pid: number;
  readonly name: string;
}

export interface UnitCell {
  /** index into `machine.units` */
  readonly index: number;
  readonly group: number;
  /** position inside its group, 0..unitsPerGroup-1 */
  readonly slot: number;
  /** "main unit 1", "sub group 1 unit 0" */
  readonly name: string;
  /** the logical processor running here in the current time slice, if any */
  readonly running: LpRef | null;
  /** every logical processor placed on the unit, in round-robin order [0054] */
  readonly placed: readonly LpRef[];
}

export interface ProcessorGroup {
  readonly group: number;
  readonly kind: 'main' | 'sub';
  /** "Main processor group" or "Sub-processor group 1" */
  readonly title: string;
  /** its reference numeral in Fig. 2 (201, 202, ...) */
  readonly ref: number;
  readonly units: readonly UnitCell[];
  /** how many of its units run something now */
  readonly busy: number;
}

/**
 * [0054] the three ways the control OS may place a logical processor:
 * alone on one unit, on several units, or sharing a unit with others.
 */
export type Placement = 'one-to-one' | 'one-on-several' | 'shared';

export interface LpPlacement extends LpRef {
  readonly units: readonly number[];
  readonly unitNames: readonly string[];
  readonly placement: Placement;
  /** the other logical processors on the units it sits on (for 'shared') */
  readonly sharesWith: readonly LpRef[];
  /** the unit it runs on now, or null */
  readonly runningOn: number | null;
}

export interface DramSlice {
  /** 'control', 'free' or a partition id */
  readonly owner: 'control' | 'free' | number;
  readonly name: string;
  readonly frames: number;
  readonly status: 'active' | 'ended' | null;
}

export interface MachineModel {
  readonly groups: readonly ProcessorGroup[];
  readonly unitsPerGroup: number;
  readonly lps: readonly LpPlacement[];
  readonly dram: { readonly frames: number; readonly pageSize: number; readonly bytes: number; readonly slices: readonly DramSlice[] };
  /** time slices run so far, and the accounting window of processor time [0051] a) */
  readonly tick: number;
  readonly window: number;
  readonly busy: number;
}

/** Reference numerals of Fig. 2: the main group is 201, sub-processor groups 202 through 20n. */
const GROUP_REF_BASE = 201;

export function machineView(state: LabState): MachineModel {
  const { machine } = state;
  const ref = (id: LpId): LpRef => {
    const lp = machine.lps[id]!;
    // partitions are never removed, and a logical processor belongs to one
    return { lp: id, pid: lp.pid, name: state.partitions[lp.pid]!.name };
  };

  const cells: UnitCell[] = machine.units.map((u, index) => ({
    index,
    group: u.group,
    slot: u.index,
    name: unitName(machine, index),
    running: u.running === null ? null : ref(u.running),
    placed: u.queue.map(ref),
  }));

  const groups: ProcessorGroup[] = [];
  for (let g = 0; g < machine.groups; g++) {
    const units = cells.filter((c) => c.group === g);
    groups.push({
      group: g,
      kind: g === 0 ? 'main' : 'sub',
      title: g === 0 ? 'Main processor group' : `Sub-processor group ${g}`,
      ref: GROUP_REF_BASE + g,
      units,
      busy: units.filter((c) => c.running !== null).length,
    });
  }

  const runningOn = new Map<number, number>();
  cells.forEach((c) => {
    if (c.running) runningOn.set(c.running.lp, c.index);
  });

  const lps: LpPlacement[] = Object.values(machine.lps)
    .filter((lp) => !lp.stopped)
    .sort((a, b) => a.id - b.id)
    .map((lp) => {
      const others = new Map<number, LpRef>();
      for (const u of lp.units) for (const id of machine.units[u]!.queue) if (id !== lp.id) others.set(id, ref(id));
      const placement: Placement = lp.units.length > 1 ? 'one-on-several' : others.size > 0 ? 'shared' : 'one-to-one';
      return {
        ...ref(lp.id),
        units: lp.units,
        unitNames: lp.units.map((u) => unitName(machine, u)),
        placement,
        sharesWith: [...others.values()].sort((a, b) => a.lp - b.lp),
        runningOn: runningOn.get(lp.id) ?? null,
      };
    });

  return {
    groups,
    unitsPerGroup: machine.unitsPerGroup,
    lps,
    dram: { frames: state.frames.count, pageSize: PAGE_SIZE, bytes: state.frames.count * PAGE_SIZE, slices: dramSlices(state) },
    tick: machine.tick,
    window: machine.window,
    busy: cells.filter((c) => c.running !== null).length,
  };
}

/**
 * Who owns how much of main memory [0051], [0066]: the control OS, each
 * partition that holds frames, and what is free. Counted from the partitions'
 * own records (memory and message areas), not by walking every frame, so it
 * stays cheap at a million frames; the control OS holds the rest.
 */
export function dramSlices(state: LabState): DramSlice[] {
  const parts: DramSlice[] = [];
  let owned = 0;
  for (const p of Object.values(state.partitions)) {
    const frames = framesOf(state, p.pid as Pid);
    owned += frames;
    if (frames > 0 || p.status === 'active') parts.push({ owner: p.pid, name: p.name, frames, status: p.status });
  }
  const free = state.frames.free;
  const control = state.frames.count - free - owned;
  return [
    { owner: 'control', name: 'control OS', frames: control, status: null },
    ...parts,
    { owner: 'free', name: 'free', frames: free, status: null },
  ];
}
