// The page's one store: the engine's timeline and the last step taken. The
// UI never changes engine state itself; it sends commands and moves the
// timeline, and views select the narrow slice they draw (STYLE.md §8).

import { create } from 'zustand';
import type { Command, LabConfig, Step, Timeline } from '../../engine/index.ts';
import { checkInvariants, record, seek, startTimeline, stepBack, stepForward } from '../../engine/index.ts';

export interface LabStore {
  readonly timeline: Timeline;
  /** the step the last command produced, for narration and animation; null after moving in time */
  readonly last: Step | null;
  run(command: Command): Step;
  back(): void;
  forward(): void;
  seekTo(moment: number): void;
  reset(config?: Partial<LabConfig>): void;
}

/** In a development build every step is checked against the machine's invariants. */
function checked(timeline: Timeline): Timeline {
  if (import.meta.env.DEV) {
    const broken = checkInvariants(timeline.current);
    if (broken.length) console.error(`lparlab invariant broken:\n${broken.join('\n')}`);
  }
  return timeline;
}

export const useLab = create<LabStore>()((set, get) => ({
  timeline: startTimeline(),
  last: null,
  run(command) {
    const { timeline, step } = record(get().timeline, command);
    set({ timeline: checked(timeline), last: step });
    return step;
  },
  back: () => set({ timeline: checked(stepBack(get().timeline)), last: null }),
  forward: () => set({ timeline: checked(stepForward(get().timeline)), last: null }),
  seekTo: (moment) => set({ timeline: checked(seek(get().timeline, moment)), last: null }),
  reset: (config) => set({ timeline: startTimeline(config ?? { seed: get().timeline.config.seed }), last: null }),
}));

export const useLabState = () => useLab((s) => s.timeline.current);
