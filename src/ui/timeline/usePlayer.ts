// The player: while playing, reveal the next recorded event every so often,
// faster or slower with the speed. With reduced motion there is nothing to
// wait for: the playhead goes straight to the end, and views highlight what changed.

import { useEffect } from 'react';
import { playerEnd, totalEvents, useLab } from '../store/labStore.ts';
import type { LabStore } from '../store/labStore.ts';
import { locateEvent } from '../../engine/index.ts';

/** Commands recorded after the one the playhead is in. */
function commandsBehind(s: LabStore): number {
  const t = s.shell.timeline;
  if (s.position >= totalEvents(s.shell) || t.length === 0) return 0;
  const entry = s.position <= t.bootEvents.length ? -1 : locateEvent(t, s.position - 1).entry;
  return Math.max(0, t.length - 1 - entry);
}
import { useReducedMotion } from '../app/motion.ts';

/** Time per event at 1x: long enough to follow an arrow and a recolouring. */
export const EVENT_MS = 650;
/** One display frame at 60 Hz: the page cannot show events faster than this. */
const FRAME_MS = 1000 / 60;

export function usePlayer(): void {
  const playing = useLab((s) => s.playing);
  const position = useLab((s) => s.position);
  // the end of the timeline while replaying, else the shell's own moment (an undone future is not replayed)
  const end = useLab(playerEnd);
  const speed = useLab((s) => s.speed);
  const behind = useLab(commandsBehind);
  const reduced = useReducedMotion();

  useEffect(() => {
    if (!playing || position >= end) return;
    if (reduced) {
      // nothing to watch move: show the end at once (views highlight what changed)
      useLab.getState().catchUp();
      return;
    }
    // typed faster than it plays: go quicker the more commands wait, so the views keep up
    const perEvent = EVENT_MS / speed / (1 + 2 * behind);
    if (perEvent >= FRAME_MS) {
      const timer = window.setTimeout(() => useLab.getState().advance(), perEvent);
      return () => window.clearTimeout(timer);
    }
    // faster than the display: reveal a frame's worth of events in one store update,
    // so the views draw once per frame instead of once per event (each draw is a whole
    // Memory grid and sequence chart, and the events between frames are never seen);
    // in a replay too, where the shell follows the playhead: after a scrub to the start
    // of a long session that is hundreds of events a frame (issue 22)
    const frame = window.requestAnimationFrame(() => useLab.getState().advance(Math.ceil(FRAME_MS / perEvent)));
    return () => window.cancelAnimationFrame(frame);
  }, [playing, position, end, speed, reduced, behind]);
}
