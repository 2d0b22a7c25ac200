// The heap a recorded history holds, weighed the way `npm run bench` weighs
// it (bench/run.ts: the heap in use after a full collection, before and after
// building the timeline), on a shorter history so the test stays quick. Heap
// bytes do not depend on how busy the machine is, so a bound on them is not a
// timed assertion. Issue 22: the bench's goal is <= 25 MB per 100,000 events.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timelineBench.ts';

const MB = 1024 * 1024;

/** V8's full collection, reachable without starting node with --expose-gc. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('the heap a recorded history holds', () => {
  it('is at most 24 MB per 100,000 events of the full transfer path, weighed on 40,000 (42.3 before the events were stored compactly, 34.3 before they were sized at their literal, 32.0 before a command kept only itself and its first event, 27.4 before the commands were kept in columns, 25.7 before a command or narration equal to a recent one was kept once)', () => {
    const gc = fullGc();
    const before = heapAfterGc(gc);
    const built = buildTimeline(1024, 40_000);
    const after = heapAfterGc(gc);
    const perHundredThousand = ((after - before) / MB) * (100_000 / built.events);
    expect(built.timeline.length).toBeGreaterThan(0);
    expect(perHundredThousand).toBeLessThan(24);
  });
});
