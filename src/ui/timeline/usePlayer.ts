// The player: while playing, reveal the next recorded event every so often,
// faster or slower with the speed. With reduced motion there is nothing to
// wait for: the playhead goes straight to the end, and views highlight what changed.
//
// One loop of animation frames runs for as long as there is something to
// reveal, and reads the store afresh each frame. It is not restarted when a
// command is recorded: a flood of typed commands (a pasted script, a lesson's
// solution, a student far ahead) renders the page on every line, and a timer
// or a frame set up again on each render would never come due, so the
// playhead would stand still until the typing stopped.

import { useEffect } from 'react';
import { backlogFloor, playerEnd, restingPosition, totalEvents, useLab } from '../store/labStore.ts';
import type { LabStore } from '../store/labStore.ts';
import { locateEvent } from '../../engine/index.ts';
import { useReducedMotion } from '../app/motion.ts';

/** Commands recorded after the one the playhead is in. */
function commandsBehind(s: LabStore): number {
  const t = s.shell.timeline;
  if (s.position >= totalEvents(s.shell) || t.length === 0) return 0;
  const entry = s.position <= t.bootEvents.length ? -1 : locateEvent(t, s.position - 1).entry;
  return Math.max(0, t.length - 1 - entry);
}

/** Time per event at 1x: long enough to follow an arrow and a recolouring. */
export const EVENT_MS = 650;
/** Whether the playhead has events left to reveal. */
const trailing = (s: LabStore) => s.position < playerEnd(s);

export function usePlayer(): void {
  const playing = useLab((s) => s.playing);
  const waiting = useLab(trailing);
  const speed = useLab((s) => s.speed);
  const reduced = useReducedMotion();

  useEffect(() => {
    if (!playing || !waiting) return;
    if (reduced) {
      // nothing to watch move: show the end at once (views highlight what changed)
      useLab.getState().catchUp();
      return;
    }
    let last = performance.now();
    let frame = 0;
    let seen = useLab.getState().shell;
    const tick = (now: number) => {
      frame = window.requestAnimationFrame(tick);
      const lab = useLab.getState();
      const end = playerEnd(lab);
      if (lab.position >= end) {
        last = now;
        return;
      }
      // a line was run since the last frame: the page has just drawn it; reveal in the next frame, so a
      // frame draws the views once (while lines come every frame the views wait, and then skip ahead)
      if (lab.shell !== seen) {
        seen = lab.shell;
        return;
      }
      // typed faster than it plays: go quicker the more commands wait, so the views keep up
      const perEvent = EVENT_MS / speed / (1 + 2 * commandsBehind(lab));
      const due = Math.floor((now - last) / perEvent);
      const floor = backlogFloor(lab);
      if (due < 1 && lab.position >= floor) return;
      // more than one event due in a frame: reveal them in one step, so the views draw once a
      // frame (each draw is a whole Memory grid and sequence chart, and the events between are never seen)
      last = due >= 1 ? last + due * perEvent : now;
      const target = Math.min(Math.max(lab.position + due, floor), end);
      // within the shell's own moment the playhead jumps there at once; past it (a replay) the shell follows step by step
      if (target <= restingPosition(lab.shell)) lab.showAt(target);
      else for (let at = lab.position; at < target; at++) useLab.getState().advance();
    };
    frame = window.requestAnimationFrame(tick);
    return () => window.cancelAnimationFrame(frame);
  }, [playing, waiting, speed, reduced]);
}
