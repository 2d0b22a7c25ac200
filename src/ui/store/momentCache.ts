// The machine at recent moments, so the page does not rebuild one it has
// already held. The timeline keeps a checkpoint every CHECKPOINT_EVERY
// commands and restores any other moment by replaying from the one before it
// (engine/timeline): up to 63 commands for each `stateAt`. The page asked for
// the moment just before the newest command on every line typed (the player
// entering that command's micro-steps, the Sockets view marking what it
// changed), while the store had that very state in hand a moment before: the
// shell's current state when the line was typed (issue 22).
//
// A state is kept per shared commands array: a timeline's commands before
// its length never change while the array keeps its identity (a branch
// copies it), so the moment `m` of any timeline sharing the array is the same state.
// The few newest moments are kept, so the cache stays small however long the
// session.

import { applyTraced, stateAt } from '../../engine/index.ts';
import type { LabState, Timeline } from '../../engine/index.ts';

/** Moments kept per commands array: the player trails the typing by a few commands at most. */
const KEPT = 8;

const kept = new WeakMap<Timeline['commands'], Map<number, LabState>>();

/** Note that `state` is the machine at `moment` of `timeline` (the shell's current state before a command is recorded). */
export function rememberMoment(timeline: Timeline, moment: number, state: LabState): void {
  let moments = kept.get(timeline.commands);
  if (!moments) {
    moments = new Map();
    kept.set(timeline.commands, moments);
  }
  moments.delete(moment);
  moments.set(moment, state);
  if (moments.size > KEPT) moments.delete(moments.keys().next().value!);
}

/** The machine at `moment`: the timeline's current state, a kept one, or replayed from a checkpoint (then kept). */
export function momentState(timeline: Timeline, moment: number): LabState {
  if (moment === timeline.cursor) return timeline.current;
  const known = kept.get(timeline.commands)?.get(moment);
  if (known) return known;
  const state = stateAt(timeline, moment);
  rememberMoment(timeline, moment, state);
  return state;
}

/** The micro-steps of recorded entry `index` (engine `microStates`), from the kept state before it when there is one. */
export function entryMoments(timeline: Timeline, index: number): { before: LabState; moments: readonly LabState[] } {
  if (!Number.isInteger(index) || index < 0 || index >= timeline.length) throw new RangeError(`no entry ${index}`);
  const before = momentState(timeline, index);
  return { before, moments: applyTraced(before, timeline.commands[index]!).moments };
}
