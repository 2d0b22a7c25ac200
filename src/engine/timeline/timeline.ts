// Time travel: every accepted command is recorded with the events it caused,
// and a checkpoint state is kept every CHECKPOINT_EVERY commands. Any earlier
// moment is restored from the nearest checkpoint by replaying the recorded
// commands, which reproduces the same trace because `apply` is deterministic.
// A new command issued from the past starts a new branch.
//
// A moment is a count of recorded commands: moment 0 is the booted machine.
// Timelines share their entry arrays: a value only owns [0, length), so
// appending at the end is O(1) and older timeline values stay valid.

import type { Command } from '../command.js';
import type { LabEvent } from '../event.js';
import type { Completion, LabConfig, LabState } from '../types.js';
import type { Step } from '../lab.js';
import { apply, applyTraced, createLab } from '../lab.js';

export const CHECKPOINT_EVERY = 64;

export interface Entry {
  readonly command: Command;
  readonly step: Omit<Step, 'state'>;
  /** sequence number of this entry's first event (its events are firstSeq .. firstSeq+events-1) */
  readonly firstSeq: number;
}

export interface Timeline {
  readonly config: LabConfig;
  readonly bootEvents: readonly LabEvent[];
  readonly entries: readonly Entry[];
  readonly length: number;
  /** checkpoints[k] is the state at moment k * CHECKPOINT_EVERY; only the first `checkpointCount` are ours */
  readonly checkpoints: readonly LabState[];
  readonly checkpointCount: number;
  readonly cursor: number;
  readonly current: LabState;
}

export function startTimeline(config: Partial<LabConfig> = {}): Timeline {
  const { state, events } = createLab(config);
  return {
    config: state.config, bootEvents: events, entries: [], length: 0,
    checkpoints: [state], checkpointCount: 1, cursor: 0, current: state,
  };
}

/**
 * Apply `command` at the current moment and record it. A rejected command
 * records nothing, unless the machine decided the refusal (a policy denial
 * [0049]): that is recorded with its events, the state otherwise unchanged.
 */
export function record(timeline: Timeline, command: Command): { timeline: Timeline; step: Step } {
  const applied = apply(timeline.current, command);
  if (!applied.result.ok && applied.events.length === 0) return { timeline, step: applied };
  const step = compactStep(applied);
  const at = timeline.cursor;
  const entry: Entry = { command, step: withoutState(step), firstSeq: timeline.current.seq };
  const entries = ownArray(timeline.entries, at);
  entries.push(entry);
  const keptCheckpoints = Math.floor(at / CHECKPOINT_EVERY) + 1;
  const checkpoints = ownArray(timeline.checkpoints, keptCheckpoints);
  if ((at + 1) % CHECKPOINT_EVERY === 0) checkpoints.push(step.state);
  return {
    timeline: {
      ...timeline, entries, length: at + 1, checkpoints, checkpointCount: checkpoints.length,
      cursor: at + 1, current: step.state,
    },
    step,
  };
}

const NO_COMPLETIONS: readonly Completion[] = Object.freeze([]);

/**
 * The step as the timeline keeps it, for as long as the history lives: its
 * events in an array of their own length (an array filled by `push` keeps
 * room for 17 elements, four times what a command's two or three events
 * need) and one shared empty list for the many steps that complete no call.
 * The same values, in less heap: a 100,000-event history weighed 5.6 MB less.
 */
function compactStep(step: Step): Step {
  return {
    state: step.state,
    events: step.events.slice(),
    result: step.result,
    completions: step.completions.length === 0 ? NO_COMPLETIONS : step.completions,
    suspended: step.suspended,
  };
}

function withoutState(step: Step): Omit<Step, 'state'> {
  const { state: _state, ...rest } = step;
  return rest;
}

/**
 * The shared array, writable for appending at index `keep`. If another
 * timeline value already appended past `keep`, copy our part (a new branch).
 */
function ownArray<T>(shared: readonly T[], keep: number): T[] {
  return (shared.length === keep ? shared : shared.slice(0, keep)) as T[];
}

/** Restore moment `moment` (0 .. length). */
export function seek(timeline: Timeline, moment: number): Timeline {
  if (!Number.isInteger(moment) || moment < 0 || moment > timeline.length) {
    throw new RangeError(`no moment ${moment}: the timeline has moments 0 to ${timeline.length}`);
  }
  if (moment === timeline.cursor) return timeline;
  return { ...timeline, cursor: moment, current: stateAt(timeline, moment) };
}

export function stateAt(timeline: Timeline, moment: number): LabState {
  const k = Math.min(Math.floor(moment / CHECKPOINT_EVERY), timeline.checkpointCount - 1);
  let from = k * CHECKPOINT_EVERY;
  let state = timeline.checkpoints[k]!;
  // moving forward from where we stand is cheaper than from a checkpoint
  if (timeline.cursor <= moment && timeline.cursor > from) {
    from = timeline.cursor;
    state = timeline.current;
  }
  for (let i = from; i < moment; i++) state = apply(state, timeline.entries[i]!.command).state;
  return state;
}

export const stepBack = (timeline: Timeline) => (timeline.cursor === 0 ? timeline : seek(timeline, timeline.cursor - 1));
export const stepForward = (timeline: Timeline) => (timeline.cursor === timeline.length ? timeline : seek(timeline, timeline.cursor + 1));

/** The moment right after the event with sequence number `seq` happened (0 for a boot event). */
export function momentOfEvent(timeline: Timeline, seq: number): number {
  let lo = 0;
  let hi = timeline.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline.entries[mid]!.firstSeq <= seq) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found + 1;
}

/** Every event up to the current moment, boot included. */
export function traceOf(timeline: Timeline, upTo = timeline.cursor): LabEvent[] {
  const events = [...timeline.bootEvents];
  for (let i = 0; i < upTo; i++) events.push(...timeline.entries[i]!.step.events);
  return events;
}

/** The recorded commands of the moments up to `upTo`, for saving, sharing and replay. */
export function commandsOf(timeline: Timeline, upTo = timeline.length): Command[] {
  return timeline.entries.slice(0, upTo).map((e) => e.command);
}

/** Rebuild a timeline from its seed and commands: the same inputs give the same trace. */
export function replay(config: Partial<LabConfig>, commands: readonly Command[]): Timeline {
  let timeline = startTimeline(config);
  for (const command of commands) timeline = record(timeline, command).timeline;
  return timeline;
}

/**
 * The micro-steps of recorded entry `index`: the state before it and the
 * state right after each of its events, so the page can show them one by one.
 */
export function microStates(timeline: Timeline, index: number): { before: LabState; moments: readonly LabState[] } {
  if (!Number.isInteger(index) || index < 0 || index >= timeline.length) throw new RangeError(`no entry ${index}`);
  const before = stateAt(timeline, index);
  return { before, moments: applyTraced(before, timeline.entries[index]!.command).moments };
}

/** Where event `seq` sits: the entry that made it and its index there (entry -1 for a boot event). */
export function locateEvent(timeline: Timeline, seq: number): { entry: number; index: number } {
  const entry = momentOfEvent(timeline, seq) - 1;
  if (entry < 0) return { entry: -1, index: seq };
  return { entry, index: seq - timeline.entries[entry]!.firstSeq };
}
