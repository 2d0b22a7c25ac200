// Time travel: every accepted command is recorded with the events it caused,
// and a checkpoint state is kept every CHECKPOINT_EVERY commands. Any earlier
// moment is restored from the nearest checkpoint by replaying the recorded
// commands, which reproduces the same trace because `apply` is deterministic.
// A new command issued from the past starts a new branch.
//
// A moment is a count of recorded commands: moment 0 is the booted machine.
// Timelines share their arrays: a value only owns [0, length) of `commands`
// and `starts` (and [0, eventCount) of `events`), so appending at the end is
// O(1) and older timeline values stay valid.
//
// A history lives as long as the page does, so it keeps, in columns, only
// what replay cannot give back cheaply (issue 22): each command and where its
// events start, and the events in one flat array for the whole branch,
// indexed by sequence number, which the page's views read directly. A
// command's result, completions and the state it left are its replay's.
// A command, or an event's narration, equal to one recorded a moment ago (a
// lesson's loop repeats the same few) is kept once: the earlier value stands
// for both (`sharedValue`).

import type { Command } from '../command.js';
import type { LabEvent } from '../event.js';
import type { Narration } from '../narration.js';
import type { LabConfig, LabState } from '../types.js';
import type { Step } from '../lab.js';
import { apply, applyTraced, createLab } from '../lab.js';

export const CHECKPOINT_EVERY = 64;

export interface Timeline {
  readonly config: LabConfig;
  readonly bootEvents: readonly LabEvent[];
  /** the recorded commands: commands[i] took the machine from moment i to i + 1 */
  readonly commands: readonly Command[];
  /** starts[i] is the sequence number of command i's first event: its events run up to starts[i + 1] (`eventsOf`) */
  readonly starts: readonly number[];
  readonly length: number;
  /**
   * Every event of this branch, boot first, in order: `events[seq]` is the
   * event numbered `seq`. Shared like `commands`: only the first `eventCount`
   * are ours.
   */
  readonly events: readonly LabEvent[];
  readonly eventCount: number;
  /** checkpoints[k] is the state at moment k * CHECKPOINT_EVERY; only the first `checkpointCount` are ours */
  readonly checkpoints: readonly LabState[];
  readonly checkpointCount: number;
  readonly cursor: number;
  readonly current: LabState;
}

export function startTimeline(config: Partial<LabConfig> = {}): Timeline {
  const { state, events } = createLab(config);
  return {
    config: state.config, bootEvents: events, commands: [], starts: [], length: 0, events: events.slice(), eventCount: events.length,
    checkpoints: [state], checkpointCount: 1, cursor: 0, current: state,
  };
}

/**
 * Apply `command` at the current moment and record it. A rejected command
 * records nothing, unless the machine decided the refusal (a policy denial
 * [0049]): that is recorded with its events, the state otherwise unchanged.
 */
export function record(timeline: Timeline, command: Command): { timeline: Timeline; step: Step } {
  const step = apply(timeline.current, command);
  if (!step.result.ok && step.events.length === 0) return { timeline, step };
  const at = timeline.cursor;
  const firstSeq = timeline.current.seq;
  const commands = ownArray(timeline.commands, at);
  commands.push(sharedCommand(commands, command));
  const starts = ownArray(timeline.starts, at);
  starts.push(firstSeq);
  const events = ownArray(timeline.events, firstSeq);
  for (const event of step.events) {
    if (event.seq !== events.length) throw new Error(`invariant: event ${event.seq} recorded at ${events.length}`);
    // the event is the step's own, fresh from `emit`: only its narration's identity changes
    (event as { say: Narration }).say = sharedSay(events, event.say);
    events.push(event);
  }
  const keptCheckpoints = Math.floor(at / CHECKPOINT_EVERY) + 1;
  const checkpoints = ownArray(timeline.checkpoints, keptCheckpoints);
  if ((at + 1) % CHECKPOINT_EVERY === 0) checkpoints.push(step.state);
  return {
    timeline: {
      ...timeline, commands, starts, length: at + 1, events, eventCount: events.length, checkpoints, checkpointCount: checkpoints.length,
      cursor: at + 1, current: step.state,
    },
    step,
  };
}

/** The sequence number after the last event of entry `index` (the boot's end for -1). */
export function entryEnd(timeline: Timeline, index: number): number {
  if (index < 0) return timeline.bootEvents.length;
  return index + 1 < timeline.length ? timeline.starts[index + 1]! : timeline.eventCount;
}

/** The events recorded entry `index` made, in order. */
export function eventsOf(timeline: Timeline, index: number): readonly LabEvent[] {
  if (!Number.isInteger(index) || index < 0 || index >= timeline.length) throw new RangeError(`no entry ${index}`);
  return timeline.events.slice(timeline.starts[index], entryEnd(timeline, index));
}

/** How many recorded events, and commands, back `record` looks for an equal narration or command. */
export const SHARE_EVENTS = 32;
export const SHARE_COMMANDS = 16;

/** `say`, or an equal narration among the last SHARE_EVENTS events. */
function sharedSay(events: readonly LabEvent[], say: Narration): Narration {
  for (let i = events.length - 1, stop = Math.max(0, events.length - SHARE_EVENTS); i >= stop; i--) {
    const earlier = events[i]!.say;
    if (earlier[0] === say[0] && sameValue(earlier, say)) return earlier;
  }
  return say;
}

/** `command`, or an equal one among the last SHARE_COMMANDS commands. */
function sharedCommand(commands: readonly Command[], command: Command): Command {
  for (let i = commands.length - 1, stop = Math.max(0, commands.length - SHARE_COMMANDS); i >= stop; i--) {
    const earlier = commands[i]!;
    if (earlier.kind === command.kind && sameValue(earlier, command)) return earlier;
  }
  return command;
}

/**
 * Whether `b` can stand for `a` everywhere: the same primitives (Object.is),
 * arrays of the same values, plain records with the same keys in the same
 * order (so JSON.stringify, a share link, writes them alike) and the same values.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
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
  for (let i = from; i < moment; i++) state = apply(state, timeline.commands[i]!).state;
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
    if (timeline.starts[mid]! <= seq) {
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
  return timeline.events.slice(0, entryEnd(timeline, upTo - 1));
}

/** The recorded commands of the moments up to `upTo`, for saving, sharing and replay. */
export function commandsOf(timeline: Timeline, upTo = timeline.length): Command[] {
  return timeline.commands.slice(0, upTo);
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
  return { before, moments: applyTraced(before, timeline.commands[index]!).moments };
}

/** Where event `seq` sits: the entry that made it and its index there (entry -1 for a boot event). */
export function locateEvent(timeline: Timeline, seq: number): { entry: number; index: number } {
  const entry = momentOfEvent(timeline, seq) - 1;
  if (entry < 0) return { entry: -1, index: seq };
  return { entry, index: seq - timeline.starts[entry]! };
}
