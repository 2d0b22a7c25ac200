// The Layers view model (Fig. 3, [0043]-[0055]): the control OS at the bottom
// in hypervisor mode, and above it the logical partitions: the system control
// OS (problem mode) running the system control program, and the guest OSes
// (supervisor mode). Each partition shows its resources [0051] a)-h) as used
// against its limit (none at first [0053], set by the program [0055]), its
// state (active or ended) and the call it is suspended in, if any.

import type { LabState, Partition, ResourceKind, Wait } from '../types.js';
import type { LabEvent } from '../event.js';
import { RESOURCE_KINDS, RESOURCE_MEANING } from '../types.js';
import { usageOf } from '../partition/partitions.js';
import { lpsOf } from '../machine/processors.js';
import { framesOf } from './inspect.js';
import { assertNever } from '../assertNever.js';

/** How each resource is counted, for labels like "A mem 3 of 16 pages". */
export const RESOURCE_UNITS: Record<ResourceKind, { readonly letter: string; readonly label: string; readonly unit: string }> = {
  cpu: { letter: 'a', label: 'processor time', unit: 'time slices' },
  vaddr: { letter: 'b', label: 'virtual address space', unit: 'pages' },
  mem: { letter: 'c', label: 'memory', unit: 'pages' },
  mgmt: { letter: 'd', label: 'control-OS management memory', unit: 'bytes' },
  events: { letter: 'e', label: 'event ports', unit: 'ports' },
  devices: { letter: 'f', label: 'device rights', unit: 'devices' },
  cache: { letter: 'g', label: 'cache partition', unit: 'ways' },
  bus: { letter: 'h', label: 'bus rights', unit: 'per cent' },
};

export interface ResourceBar {
  readonly resource: ResourceKind;
  /** [0051] a) .. h) */
  readonly letter: string;
  readonly label: string;
  readonly unit: string;
  readonly meaning: string;
  readonly used: number;
  /** null: no limit has been set [0053] */
  readonly limit: number | null;
  /** used / limit, clamped to 0..1; null when unlimited */
  readonly fraction: number | null;
  /** used has reached the limit: the next request goes to policy [0055] */
  readonly atLimit: boolean;
}

export interface WaitInfo {
  readonly call: Wait['call'];
  /** the call as typed: "accept(3)", "read(4)", "select([4, 5])", "connect(7)", "recv(port 3)" */
  readonly text: string;
  /** what wakes it, in plain words */
  readonly until: string;
}

export interface LayerPartition {
  readonly pid: number;
  readonly name: string;
  readonly role: Partition['role'];
  readonly mode: Partition['mode'];
  readonly status: Partition['status'];
  /** "System control OS" or "Guest OS" */
  readonly title: string;
  /** what runs in it: "system control program" or "guest applications" */
  readonly program: string;
  readonly frames: number;
  readonly logicalProcessors: number;
  readonly signalsQueued: number;
  readonly wait: WaitInfo | null;
  /** null once the partition has ended: it holds nothing any more */
  readonly resources: readonly ResourceBar[] | null;
  /**
   * who ended it: its own guest OS ([0053]) or the system control program
   * (lpar_end, the lab's extension); null while active, or when the events
   * given do not say
   */
  readonly endedBy: 'guest' | 'program' | null;
}

export interface LayersModel {
  readonly control: {
    readonly mode: 'hypervisor';
    /** frames the control OS keeps: its code and the page tables it manages [0050] */
    readonly frames: number;
    readonly channels: number;
    readonly partitions: number;
  };
  /** the system control OS first, then the guests in partition order */
  readonly partitions: readonly LayerPartition[];
}

/** Who ended each ended partition, read from the tag of its last `lpar.end` event. */
function enders(state: LabState, events: readonly LabEvent[]): Map<number, 'guest' | 'program'> {
  const ended = Object.values(state.partitions).filter((p) => p.status === 'ended').length;
  const by = new Map<number, 'guest' | 'program'>();
  for (let i = events.length - 1; i >= 0 && by.size < ended; i--) {
    const e = events[i]!;
    if (e.kind === 'lpar.end' && !by.has(e.to)) by.set(e.to, e.tag === 'lab:end' ? 'program' : 'guest');
  }
  return by;
}

/** The model of `state`; `events` (the trace up to it) tell who ended a partition. */
export function layersView(state: LabState, events: readonly LabEvent[] = []): LayersModel {
  const endedBy = enders(state, events);
  // in partition order, so the system control OS (partition 1) comes first:
  // partitions are keyed by id, and an object lists integer keys in ascending order
  const partitions = Object.values(state.partitions)
    .map((p): LayerPartition => ({
      pid: p.pid,
      name: p.name,
      role: p.role,
      mode: p.mode,
      status: p.status,
      title: p.role === 'system' ? 'System control OS' : 'Guest OS',
      program: p.role === 'system' ? 'system control program' : 'guest applications',
      frames: framesOf(state, p.pid),
      logicalProcessors: lpsOf(state.machine, p.pid).length,
      signalsQueued: p.signalQueue.length,
      wait: p.wait ? describeWait(state, p.wait) : null,
      resources: p.status === 'active' ? resourceBars(state, p) : null,
      endedBy: p.status === 'ended' ? endedBy.get(p.pid) ?? null : null,
    }));
  let owned = 0;
  for (const p of partitions) owned += p.frames;
  return {
    control: {
      mode: 'hypervisor',
      frames: state.frames.count - state.frames.free - owned,
      channels: Object.keys(state.channels).length,
      partitions: partitions.length,
    },
    partitions,
  };
}

function resourceBars(state: LabState, p: Partition): ResourceBar[] {
  const usage = usageOf(state, p.pid);
  return RESOURCE_KINDS.map((resource) => {
    const used = usage[resource];
    const limit = p.limits[resource];
    const fraction = limit === null ? null : limit <= 0 ? 1 : Math.min(1, Math.max(0, used / limit));
    return {
      resource,
      ...RESOURCE_UNITS[resource],
      meaning: RESOURCE_MEANING[resource],
      used,
      limit,
      fraction,
      atLimit: limit !== null && used >= limit,
    };
  });
}

/** The call a partition is suspended in, as typed, and what will wake it. */
export function describeWait(state: LabState, wait: Wait): WaitInfo {
  switch (wait.call) {
    case 'accept':
      return { call: wait.call, text: `accept(${wait.fd})`, until: 'a connection request arrives [0091] (d)' };
    case 'read':
      return { call: wait.call, text: `read(${wait.fd})`, until: 'a message arrives [0098] (c)' };
    case 'select':
      return { call: wait.call, text: `select([${wait.fds.join(', ')}])`, until: 'a message arrives on one of them [0108]' };
    case 'recv':
      return { call: wait.call, text: `recv(port ${wait.port})`, until: 'a message arrives at the port [0064]' };
    case 'connect': case 'event_connect': case 'share': {
      // a waiting request's signal lives until it is answered, and partitions are never removed (checkInvariants)
      const signal = state.signals[wait.sig]!;
      const target = state.partitions[signal.to]!.name;
      const service = signal.request.kind === 'channel' ? signal.request.service : undefined;
      if (service !== undefined) {
        return { call: wait.call, text: `connect(${service})`, until: 'the system control program accepts [0091]' };
      }
      return { call: wait.call, text: `${wait.call}(${target})`, until: `${target} permits or denies it [0061]` };
    }
    case 'request': {
      // a waiting request lives in `asks` until it is answered or withdrawn (checkInvariants)
      const ask = state.asks[wait.ask]!;
      return { call: wait.call, text: `request(${ask.resource}, ${ask.amount})`, until: 'the system control program grants or refuses it [0049], [0080]' };
    }
    default:
      return assertNever(wait);
  }
}
