// What the machine looked like just before what the playhead shows, so a view
// can mark what the current step changed (a unit that switched, an fd just
// made, a file just created). The models are compared, never the page.

import { useMemo } from 'react';
import type { LabState } from '../../engine/index.ts';
import { useLab } from '../store/labStore.ts';
import { entryMoments, momentState } from '../store/momentCache.ts';

/**
 * 'event': the moment right before the event at the playhead.
 * 'step': the moment before the command the playhead is in (or just finished).
 * Null at the booted machine, where nothing came before, and when not `enabled`.
 */
export function useMomentBefore(scope: 'event' | 'step', enabled = true): LabState | null {
  const inside = useLab((s) => s.inside);
  const position = useLab((s) => s.position);
  const timeline = useLab((s) => s.shell.timeline);
  return useMemo(() => {
    // replaying a step costs a little: skip it when the view has nothing to mark
    if (!enabled) return null;
    if (inside) {
      if (scope === 'step') return inside.before;
      const index = position - 1 - inside.events[0]!.seq;
      return index <= 0 ? inside.before : inside.moments[index - 1] ?? inside.before;
    }
    const entry = timeline.cursor - 1;
    if (entry < 0) return null;
    // the store keeps the moment before the newest command: no replay from a checkpoint on each line typed
    if (scope === 'step') return momentState(timeline, entry);
    const { before, moments } = entryMoments(timeline, entry);
    return moments.length >= 2 ? moments[moments.length - 2]! : before;
  }, [inside, position, timeline, scope, enabled]);
}
