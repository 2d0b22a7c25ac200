// Stepping along the timeline stops at its ends: back at the first moment
// and forward at the last leave it where it is; a micro-step view of an
// entry that was never recorded is a range error, not a guess.

import { describe, expect, it } from 'vitest';
import { microStates, record, startTimeline, stepBack, stepForward } from './timeline.js';
import { asPid } from '../types.js';

const tick = { kind: 'sched.tick', by: asPid(1), slices: 1 } as const;

describe('stepping', () => {
  it('back from the first moment and forward from the last stay put; in between they move by one', () => {
    const start = startTimeline();
    expect(stepBack(start)).toBe(start);
    const one = record(start, tick).timeline;
    const two = record(one, tick).timeline;
    expect(stepForward(two)).toBe(two);
    const back = stepBack(two);
    expect(back.cursor).toBe(1);
    expect(back.current).toEqual(one.current);
    expect(stepForward(back).cursor).toBe(2);
    expect(stepForward(back).current).toEqual(two.current);
  });

  it('micro-steps exist for recorded entries only', () => {
    const one = record(startTimeline(), tick).timeline;
    expect(microStates(one, 0).moments.length).toBeGreaterThan(0);
    for (const index of [-1, 1, 0.5]) expect(() => microStates(one, index)).toThrow(RangeError);
  });
});
