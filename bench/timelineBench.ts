// Time travel on a long history: a timeline of at least 100,000 trace events
// (the full transfer path, recorded over and over), then how long it takes to
// step back one moment and to seek to a random moment, and how much heap the
// timeline holds.

import { eventsOf, record, seek, startTimeline, stepBack } from '../src/engine/index.ts';
import type { Command, Timeline } from '../src/engine/index.ts';
import { setUp, transferWith } from './engineBench.ts';
import type { Exec } from './engineBench.ts';
import { median, percentile, sampleMs, seeded } from './stats.ts';

export const TARGET_EVENTS = 100_000;

export function eventCount(timeline: Timeline): number {
  let n = timeline.bootEvents.length;
  for (let i = 0; i < timeline.length; i++) n += eventsOf(timeline, i).length;
  return n;
}

/** Record the channel set-up, then 1-page transfers until the trace holds `target` events. */
export function buildTimeline(frames: number, target = TARGET_EVENTS): { timeline: Timeline; events: number } {
  let timeline = startTimeline({ frames });
  let events = timeline.bootEvents.length;
  const exec: Exec = (command: Command) => {
    const r = record(timeline, command);
    timeline = r.timeline;
    events += r.step.result.ok ? r.step.events.length : 0;
    return r.step;
  };
  const ports = setUp(exec);
  while (events < target) transferWith(exec, ports, 1);
  const counted = eventCount(timeline);
  if (counted !== events) throw new Error(`bench: counted ${counted} events, recorded ${events}`);
  return { timeline, events };
}

/** Heap in use after a full collection (when node runs with --expose-gc). */
export function heapUsedAfterGc(): number {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
}

export interface Timing {
  median: number;
  p95: number;
  samples: number;
}

const summary = (samples: number[]): Timing => ({ median: median(samples), p95: percentile(samples, 0.95), samples: samples.length });

export function timeTravel(timeline: Timeline, ms: number): { backFromEnd: Timing; backFromRandom: Timing; seekFromEnd: Timing } {
  if (timeline.cursor !== timeline.length) throw new Error('bench: the timeline should stand at its end');
  const random = seeded(20240601);
  const anyMoment = () => 1 + Math.floor(random() * timeline.length); // 1 .. length
  const pastMoment = () => Math.floor(random() * timeline.length); // 0 .. length-1: a real seek
  // warm-up, untimed
  for (let i = 0; i < 200; i++) {
    stepBack(timeline);
    stepBack(seek(timeline, anyMoment()));
    seek(timeline, pastMoment());
  }
  const backFromEnd = sampleMs(() => timeline, (t) => stepBack(t), ms);
  const backFromRandom = sampleMs(() => seek(timeline, anyMoment()), (t) => stepBack(t), ms);
  const seekFromEnd = sampleMs(pastMoment, (m) => seek(timeline, m), ms);
  return { backFromEnd: summary(backFromEnd), backFromRandom: summary(backFromRandom), seekFromEnd: summary(seekFromEnd) };
}
