// The sequence chart of Figs. 6, 8 and 11 as plain data: one lane per
// partition that takes part, the control OS and the system control OS's
// kernel, and one arrow per trace event from the lane that acted to the lane
// it acted on. The page draws this model with d3 and exports it as SVG; the
// model itself knows nothing of pixels.

import type { TagStyle } from '../patentMap.js';
import { tagShown } from '../patentMap.js';
import type { EventKind, LabEvent, Lane } from '../event.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import type { LabState, Pid } from '../types.js';
import { SCP_PID } from '../types.js';
import { assertNever } from '../assertNever.js';
import { narrate, type Narration } from '../narration.js';

export type SequenceLaneKind = 'guest' | 'control' | 'scp' | 'kernel';

export interface SequenceLane {
  /** the event lane: 0 the control OS, -1 the kernel, else a partition id */
  readonly lane: Lane;
  readonly kind: SequenceLaneKind;
  /** the partition id for partition lanes (guests and the scp program), else null */
  readonly pid: number | null;
  /** short header text: a guest's name, "control OS", "scp program", "scp kernel" */
  readonly label: string;
  /** the long name, for a tooltip or a screen reader */
  readonly title: string;
  /** the partition has ended by the moment shown [0053] */
  readonly ended: boolean;
  /** sequence number of the first event on this lane (null if none yet) */
  readonly firstSeq: number | null;
  /** sequence number of the event that ended the partition, if it has ended */
  readonly endSeq: number | null;
}

export interface SequenceArrow {
  readonly seq: number;
  readonly tag: string;
  /** what the chart prints for the tag: the step or paragraph, "lab" for the lab's own extensions, '' when the reader hides it */
  readonly mark: string;
  readonly kind: EventKind;
  /** a word or two derived from the kind: "request", "flip", "socket()" */
  readonly label: string;
  /** the event's full plain-words text, for the tooltip and the accessible name */
  readonly say: string;
  /** the same as data (narration.ts), for a page that says it in another language */
  readonly said: Narration;
  readonly from: Lane;
  readonly to: Lane;
  /** column indices into `lanes` */
  readonly fromIndex: number;
  readonly toIndex: number;
  /** an event a lane does to itself: drawn as a small loop */
  readonly self: boolean;
  /** one of the events of booting the machine, before any command */
  readonly boot: boolean;
  /** the first event of a recorded command (or of the boot): a rule goes above it */
  readonly groupStart: boolean;
  /** which group of events (boot = 0, then one per command) it belongs to, counted over the whole trace */
  readonly group: number;
}

export interface SequenceModel {
  readonly lanes: readonly SequenceLane[];
  readonly arrows: readonly SequenceArrow[];
  /** events before the drawn window */
  readonly earlier: number;
  /** events in the trace given */
  readonly total: number;
}

export interface SequenceOptions {
  /** how many events at the start of the trace came from booting (the timeline's `bootEvents.length`) */
  readonly bootEvents?: number;
  /** first sequence numbers of the recorded commands (each entry's `firstSeq`), ascending */
  readonly commandStarts?: readonly number[];
  /** draw only the last `limit` events; the lanes still come from the whole trace */
  readonly limit?: number;
  /**
   * The events given are only the tail of the trace: this many came before
   * them. `lanes` must then describe the whole trace, and the tail hold at
   * least the last `limit` events. A page that keeps the
   * lanes as events are recorded passes just the window it draws, so a chart
   * costs the same after 5,000 commands as after five.
   */
  readonly earlier?: number;
  /** the lanes of the whole trace (`lanesSeen`), when known: the trace is then not walked to find them */
  readonly lanes?: LanesSeen;
  /** how the reader wants the tags shown (default: the patent's) */
  readonly tags?: TagStyle;
}

/** Where each lane first appears in a trace, and where a partition's lane ended (its last lpar.end). */
export interface LanesSeen {
  /** the first sequence number on each lane, as sender or receiver */
  readonly first: ReadonlyMap<Lane, number>;
  readonly ends: ReadonlyMap<Lane, number>;
}

/** The lanes of `events`, walking all of them. */
export function lanesSeen(events: readonly LabEvent[]): LanesSeen {
  const first = new Map<Lane, number>();
  const ends = new Map<Lane, number>();
  for (const e of events) {
    if (!first.has(e.from)) first.set(e.from, e.seq);
    if (!first.has(e.to)) first.set(e.to, e.seq);
    if (e.kind === 'lpar.end') ends.set(e.to, e.seq);
  }
  return { first, ends };
}

/** Short words for an event kind: what the arrow does, in the patent's vocabulary. */
export function arrowLabel(kind: EventKind, say = ''): string {
  switch (kind) {
    case 'sys.call': {
      // the program's system call: "socket(AF_LPAR, ...)" -> "socket()"
      const name = /^([A-Za-z_]\w*)\s*\(/.exec(say)?.[1];
      return name ? `${name}()` : 'call';
    }
    case 'sys.return': return 'return';
    case 'lpar.create': return 'create';
    case 'lpar.limit': return 'limit';
    case 'lpar.end': return 'end';
    case 'lp.place': return 'place LP';
    case 'lp.stop': return 'stop LP';
    case 'sched.slice': return 'slice';
    case 'resource.alloc': return 'allocate';
    case 'resource.forward': return 'ask';
    case 'resource.grant': return 'grant';
    case 'resource.reduce': return 'reduce';
    case 'resource.deny': return 'deny';
    case 'resource.release': return 'release';
    case 'policy.set': return 'policy';
    case 'signal.queue': return 'signal';
    case 'signal.notify': return 'notify port';
    case 'signal.take': return 'take signal';
    case 'signal.permit': return 'permit';
    case 'signal.deny': return 'deny';
    case 'signal.drop': return 'drop signal';
    case 'event.port': return 'event port';
    case 'event.connect': return 'connect';
    case 'event.raise': return 'event';
    case 'event.merge': return 'event (merged)';
    case 'event.poll': return 'poll';
    case 'event.close': return 'close port';
    case 'channel.request': return 'request';
    case 'channel.forward': return 'forward';
    case 'channel.permit': return 'permit';
    case 'channel.notify': return 'make channel';
    case 'channel.refuse': return 'refuse';
    case 'area.reserve': return 'reserve';
    case 'area.map': return 'map';
    case 'message.send': return 'send';
    case 'area.unmap': return 'unmap';
    case 'area.flip': return 'flip';
    case 'message.queue': return 'queue';
    case 'message.event': return 'event';
    case 'message.take': return 'take';
    case 'area.read': return 'read';
    case 'area.write': return 'write';
    case 'fault': return 'fault';
    case 'area.discard': return 'discard area';
    case 'port.discard': return 'discard port';
    case 'peer.notify': return 'notify peer';
    case 'peer.discard': return 'discard port';
    case 'shm.request': return 'share';
    case 'shm.map': return 'map shared';
    case 'shm.unmap': return 'unmap shared';
    case 'call.suspend': return 'wait';
    case 'call.complete': return 'return';
    case 'call.interrupt': return 'interrupt';
    case 'call.refuse': return 'refused';
    case 'cost.set': return 'cost';
    case 'call.wake': return 'wake';
    case 'sock.create': return 'socket';
    case 'sock.bind': return 'bind';
    case 'sock.listen': return 'listen';
    case 'sock.permission': return 'permission';
    case 'sock.accept': return 'accept';
    case 'sock.close': return 'close';
    case 'sock.select': return 'select';
    case 'file.create': return 'new file';
    case 'file.open': return 'open';
    case 'file.read': return 'read';
    case 'file.write': return 'write';
    case 'file.close': return 'close';
    case 'file.unlink': return 'unlink';
    default: return assertNever(kind);
  }
}

function laneOf(lane: Lane, state: LabState, first: ReadonlyMap<Lane, number>, ends: ReadonlyMap<Lane, number>): SequenceLane {
  const firstSeq = first.get(lane) ?? null;
  if (lane === CONTROL_LANE) {
    return { lane, kind: 'control', pid: null, label: 'control OS', title: 'control OS (hypervisor)', ended: false, firstSeq, endSeq: null };
  }
  if (lane === KERNEL_LANE) {
    return { lane, kind: 'kernel', pid: null, label: 'scp kernel', title: "the system control OS's kernel", ended: false, firstSeq, endSeq: null };
  }
  const p = state.partitions[lane as Pid];
  const ended = p?.status === 'ended';
  const endSeq = ends.get(lane) ?? null;
  if (lane === SCP_PID) {
    return { lane, kind: 'scp', pid: lane, label: 'scp program', title: 'system control program (partition 1)', ended, firstSeq, endSeq };
  }
  const name = p?.name ?? `LPAR ${lane}`;
  return { lane, kind: 'guest', pid: lane, label: name, title: `guest OS ${name} (partition ${lane})`, ended, firstSeq, endSeq };
}

/** Column order of Figs. 6 and 8: guests on the left, the control OS in the middle, the scp program and its kernel on the right. */
function laneRank(lane: Lane): number {
  if (lane >= 2) return lane;
  if (lane === CONTROL_LANE) return 1e9;
  if (lane === SCP_PID) return 1e9 + 1;
  return 1e9 + 2; // the kernel, and any other non-partition lane
}

/**
 * The sequence chart of `events` (the trace up to the moment shown) with the
 * partitions' names and status taken from `state` (the machine at that moment).
 */
export function sequenceView(events: readonly LabEvent[], state: LabState, options: SequenceOptions = {}): SequenceModel {
  const boot = options.bootEvents ?? 0;
  const earlier = options.earlier ?? 0;
  const { first, ends } = options.lanes ?? lanesSeen(events);
  const laneIds = new Set<Lane>([...first.keys(), CONTROL_LANE, KERNEL_LANE]);
  const lanes = [...laneIds].sort((a, b) => laneRank(a) - laneRank(b)).map((l) => laneOf(l, state, first, ends));
  const column = new Map(lanes.map((l, i) => [l.lane, i]));

  const total = earlier + events.length;
  const limit = options.limit === undefined ? total : Math.max(0, Math.floor(options.limit));
  // index into `events` of the first event drawn
  const start = Math.max(0, events.length - limit);
  const starts = options.commandStarts ?? [];
  // the group of the first drawn event: boot is 0, the k-th command is k
  const groupOf = (seq: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const arrows: SequenceArrow[] = [];
  let group = start < events.length ? groupOf(events[start]!.seq) : 0;
  let nextStart = starts[group] ?? Infinity;
  for (let i = start; i < events.length; i++) {
    const e = events[i]!;
    let groupStart = e.seq === 0;
    while (e.seq >= nextStart) {
      group += 1;
      groupStart = true;
      nextStart = starts[group] ?? Infinity;
    }
    const say = narrate(e.say);
    arrows.push({
      seq: e.seq, tag: e.tag, mark: tagShown(e.tag, options.tags), kind: e.kind, label: arrowLabel(e.kind, say), say, said: e.say,
      from: e.from, to: e.to, fromIndex: column.get(e.from)!, toIndex: column.get(e.to)!,
      self: e.from === e.to, boot: e.seq < boot, groupStart, group,
    });
  }
  return { lanes, arrows, earlier: earlier + start, total };
}
