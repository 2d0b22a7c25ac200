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
    const timer = window.setTimeout(() => useLab.getState().advance(), EVENT_MS / speed / (1 + 2 * behind));
    return () => window.clearTimeout(timer);
  }, [playing, position, end, speed, reduced, behind]);
}
