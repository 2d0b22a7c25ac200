// Every recorded event of a branch in one flat array, and where each command
// starts, kept per shared entries array and extended as commands are
// appended. A timeline's entries array is append-only for as long as it keeps
// its identity (a new branch gets a new array), so what was flattened once
// stays true: a view asking for the events up to the playhead costs a slice,
// not a walk over every recorded command.

import type { LabEvent, Timeline } from '../../engine/index.ts';

interface EventIndex {
  readonly events: LabEvent[];
  /** firstSeq of each entry flattened so far */
  readonly starts: number[];
  /** entries flattened so far */
  entries: number;
}

const indexes = new WeakMap<Timeline['entries'], EventIndex>();

/** The flat index of `entries` (boot events first), brought up to date with the array's current length. */
export function eventIndex(bootEvents: readonly LabEvent[], entries: Timeline['entries']): { readonly events: readonly LabEvent[]; readonly starts: readonly number[] } {
  let index = indexes.get(entries);
  if (!index || index.events.length < bootEvents.length || index.events[0] !== bootEvents[0]) {
    index = { events: [...bootEvents], starts: [], entries: 0 };
    indexes.set(entries, index);
  }
  for (; index.entries < entries.length; index.entries++) {
    const entry = entries[index.entries]!;
    index.starts.push(entry.firstSeq);
    for (const e of entry.step.events) index.events.push(e);
  }
  return index;
}

/** The first `position` events (boot included). */
export function eventsBefore(bootEvents: readonly LabEvent[], entries: Timeline['entries'], position: number): LabEvent[] {
  return eventIndex(bootEvents, entries).events.slice(0, position);
}
