// What the views would otherwise find by walking the whole trace on every
// step of the player, kept per branch and extended as commands are appended:
// where each sequence-chart lane first appears and ends, and when each event receive port's pending bit was set and merged
// into [0063]. The events themselves are the timeline's own flat array
// (`Timeline.events`, by sequence number, boot first), which is append-only
// for as long as it keeps its identity (a new branch gets a new array), so
// what was noted once stays true and a view asking for the events up to the
// playhead costs a slice (and where each command starts is the timeline's
// `starts`). Asked about the moment at the playhead, these
// answer by binary search, so a step costs the same after 5,000 commands as
// after five.

import type { LabEvent, LanesSeen, Lane, Timeline } from '../../engine/index.ts';

/** Sequence numbers of the events that set (raise) or merged into one receive port's pending bit, ascending. */
interface PortMarks {
  readonly raises: number[];
  readonly merges: number[];
}

interface EventIndex {
  readonly events: Timeline['events'];
  /** events noted so far */
  noted: number;
  /** the first event on each lane, in the order lanes appeared */
  readonly laneFirst: Map<Lane, number>;
  /** every lpar.end, in order */
  readonly laneEnds: { readonly lane: Lane; readonly seq: number }[];
  /** per receive port (`pid:port`, the key memoryView uses) */
  readonly ports: Map<string, PortMarks>;
}

const indexes = new WeakMap<Timeline['events'], EventIndex>();

function note(index: EventIndex, e: LabEvent): void {
  if (!index.laneFirst.has(e.from)) index.laneFirst.set(e.from, e.seq);
  if (!index.laneFirst.has(e.to)) index.laneFirst.set(e.to, e.seq);
  if (e.kind === 'lpar.end') index.laneEnds.push({ lane: e.to, seq: e.seq });
  if (e.kind === 'event.raise' || e.kind === 'event.merge') {
    const key = `${e.to}:${e.port}`;
    let marks = index.ports.get(key);
    if (!marks) {
      marks = { raises: [], merges: [] };
      index.ports.set(key, marks);
    }
    (e.kind === 'event.raise' ? marks.raises : marks.merges).push(e.seq);
  }
}

function indexOf(events: Timeline['events']): EventIndex {
  let index = indexes.get(events);
  if (!index) {
    index = { events, noted: 0, laneFirst: new Map(), laneEnds: [], ports: new Map() };
    indexes.set(events, index);
  }
  for (; index.noted < events.length; index.noted++) note(index, events[index.noted]!);
  return index;
}

/** The first `position` events (boot included). */
export function eventsBefore(events: Timeline['events'], position: number): LabEvent[] {
  return events.slice(0, position);
}

/** The last `count` of the first `position` events: the window a chart draws, without copying what comes before it. */
export function eventsTail(events: Timeline['events'], position: number, count: number): LabEvent[] {
  return events.slice(Math.max(0, position - Math.max(0, count)), position);
}

/** How many of the ascending `seqs` are below `bound`. */
function countBelow(seqs: readonly number[], bound: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seqs[mid]! < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lanes of the first `position` events: what `lanesSeen` finds by walking them. */
export function lanesBefore(events: Timeline['events'], position: number): LanesSeen {
  const index = indexOf(events);
  const first = new Map<Lane, number>();
  // lanes are few (the partitions, the control OS, the kernel)
  for (const [lane, seq] of index.laneFirst) if (seq < position) first.set(lane, seq);
  const ends = new Map<Lane, number>();
  for (const end of index.laneEnds) {
    if (end.seq >= position) break;
    ends.set(end.lane, end.seq);
  }
  return { first, ends };
}

/**
 * For the receive ports pending in `pending` (`pid:port` keys), how many
 * events merged into each bit since it was set, counting the first `position`
 * events that came before the machine's own `seq`: what `mergesSinceRaised`
 * reads backwards off the trace.
 */
export function mergesBefore(events: Timeline['events'], position: number, seq: number, pending: Iterable<string>): Map<string, number> {
  const index = indexOf(events);
  const bound = Math.min(position, seq);
  const merges = new Map<string, number>();
  for (const key of pending) {
    const marks = index.ports.get(key);
    if (!marks) continue;
    const raised = countBelow(marks.raises, bound);
    // merges since the last raise before the bound; with no raise in the trace, every merge before it
    const since = raised === 0 ? 0 : countBelow(marks.merges, marks.raises[raised - 1]! + 1);
    const count = countBelow(marks.merges, bound) - since;
    if (count > 0) merges.set(key, count);
  }
  return merges;
}
