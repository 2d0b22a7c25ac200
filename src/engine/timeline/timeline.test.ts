import { describe, expect, it } from 'vitest';
import { apply } from '../lab.js';
import { opToCommand, seededOps } from '../testing/randomOps.js';
import type { LabState } from '../types.js';
import {
  CHECKPOINT_EVERY, commandsOf, eventsOf, locateEvent, microStates, momentOfEvent, record, replay, seek, startTimeline, stepBack, stepForward, traceOf,
} from './timeline.js';
import type { Timeline } from './timeline.js';

/** Record `count` random operations; keep the JSON of every moment for comparison. */
function recorded(seed: number, count: number) {
  let timeline = startTimeline({ seed });
  const moments: string[] = [JSON.stringify(timeline.current)];
  for (const op of seededOps(seed, count)) {
    const next = record(timeline, opToCommand(timeline.current, op)).timeline;
    if (next !== timeline) moments.push(JSON.stringify(next.current));
    timeline = next;
  }
  return { timeline, moments };
}

describe('the timeline', () => {
  it('records only accepted commands', () => {
    const t = startTimeline();
    const { timeline, step } = record(t, { kind: 'event.poll', by: 2 as never, port: 99 as never });
    expect(step.result.ok).toBe(false);
    expect(timeline).toBe(t);
  });

  it('restores any earlier moment exactly, across checkpoints', () => {
    const { timeline, moments } = recorded(7, 2000);
    expect(timeline.length).toBeGreaterThan(2 * CHECKPOINT_EVERY);
    for (const moment of [0, 1, CHECKPOINT_EVERY - 1, CHECKPOINT_EVERY, CHECKPOINT_EVERY + 1, timeline.length - 1, timeline.length]) {
      expect(JSON.stringify(seek(timeline, moment).current)).toBe(moments[moment]);
    }
  });

  it('steps back and forward again reproducing the same trace', () => {
    const { timeline } = recorded(3, 300);
    const trace = JSON.stringify(traceOf(timeline));
    let t: Timeline = timeline;
    for (let i = 0; i < 40; i++) t = stepBack(t);
    expect(t.cursor).toBe(timeline.length - 40);
    // going forward re-applies the recorded commands: the same events come out
    for (let i = 0; i < 40; i++) {
      const again = apply(t.current, t.commands[t.cursor]!);
      expect(JSON.stringify(again.events)).toBe(JSON.stringify(eventsOf(t, t.cursor)));
      t = stepForward(t);
    }
    expect(JSON.stringify(traceOf(t))).toBe(trace);
    expect(JSON.stringify(t.current)).toBe(JSON.stringify(timeline.current));
  });

  it('starts a new branch when a command is issued from the past, leaving the old one intact', () => {
    const { timeline, moments } = recorded(5, 400);
    const past = seek(timeline, 10);
    let branch = past;
    let state: LabState = past.current;
    for (const op of seededOps(99, 50)) {
      branch = record(branch, opToCommand(state, op)).timeline;
      state = branch.current;
    }
    expect(branch.length).toBe(branch.cursor);
    expect(branch.length).toBeLessThan(timeline.length);
    expect(JSON.stringify(seek(timeline, timeline.length).current)).toBe(moments[timeline.length]);
    expect(JSON.stringify(seek(branch, 10).current)).toBe(moments[10]);
  });

  it('finds the moment of an event, for clicks on the sequence chart', () => {
    const { timeline } = recorded(11, 200);
    const first = timeline.starts[20]!;
    const last = first + eventsOf(timeline, 20).length - 1;
    expect(momentOfEvent(timeline, first)).toBe(21);
    expect(momentOfEvent(timeline, last)).toBe(21);
    expect(momentOfEvent(timeline, 0)).toBe(0);
  });

  it('refuses a moment that does not exist', () => {
    const t = startTimeline();
    expect(() => seek(t, 1)).toThrow(RangeError);
    expect(() => seek(t, -1)).toThrow(RangeError);
  });

  it('rebuilds the same timeline from its seed and commands', () => {
    const { timeline } = recorded(13, 300);
    const again = replay({ seed: 13 }, commandsOf(timeline));
    expect(JSON.stringify(traceOf(again))).toBe(JSON.stringify(traceOf(timeline)));
  });
});

describe('micro-steps', () => {
  it('gives the state after each event of an entry, ending at the entry\'s own result', () => {
    const { timeline } = recorded(21, 300);
    const index = timeline.starts.findIndex((_, i) => eventsOf(timeline, i).length >= 4);
    const { before, moments } = microStates(timeline, index);
    expect(moments).toHaveLength(eventsOf(timeline, index).length);
    expect(JSON.stringify(moments.at(-1))).toBe(JSON.stringify(seek(timeline, index + 1).current));
    expect(JSON.stringify(before)).toBe(JSON.stringify(seek(timeline, index).current));
    moments.forEach((m, i) => expect(m.seq).toBe(timeline.starts[index]! + i + 1));
  });

  it('locates an event in its entry', () => {
    const { timeline } = recorded(21, 100);
    expect(locateEvent(timeline, timeline.starts[5]! + 1)).toEqual({ entry: 5, index: 1 });
    expect(locateEvent(timeline, 2)).toEqual({ entry: -1, index: 2 });
  });
});

describe('the edges of the timeline', () => {
  it('seeking the moment it stands at gives the same timeline, not a copy', () => {
    const { timeline } = recorded(5, 30);
    expect(seek(timeline, timeline.cursor)).toBe(timeline);
  });

  it('says which moments exist, and which entries', () => {
    const { timeline } = recorded(5, 30);
    expect(() => seek(timeline, timeline.length + 1)).toThrow(`no moment ${timeline.length + 1}: the timeline has moments 0 to ${timeline.length}`);
    expect(() => microStates(timeline, timeline.length)).toThrow(`no entry ${timeline.length}`);
  });

  it('finds the moment and the place of an event of the last entry and of the first', () => {
    const { timeline } = recorded(11, 40);
    const last = timeline.starts.at(-1)!;
    expect(momentOfEvent(timeline, last)).toBe(timeline.length);
    expect(locateEvent(timeline, last)).toEqual({ entry: timeline.length - 1, index: 0 });
    expect(locateEvent(timeline, timeline.starts[0]!)).toEqual({ entry: 0, index: 0 });
  });

  it('gives the commands up to a moment, for saving a lab as it stood then', () => {
    const { timeline } = recorded(13, 40);
    expect(commandsOf(timeline, 3)).toEqual(timeline.commands.slice(0, 3));
    expect(commandsOf(timeline)).toHaveLength(timeline.length);
  });
});

describe('checkpoints across branches', () => {
  it('a branch from the past keeps no checkpoint of the branch it left', () => {
    const { timeline } = recorded(31, 1000);
    expect(timeline.length).toBeGreaterThan(2 * CHECKPOINT_EVERY);
    let branch = seek(timeline, 10);
    for (const op of seededOps(32, 1000)) branch = record(branch, opToCommand(branch.current, op)).timeline;
    expect(branch.length).toBeGreaterThan(2 * CHECKPOINT_EVERY);
    const again = replay({ seed: 31 }, commandsOf(branch));
    for (const moment of [CHECKPOINT_EVERY + 5, 2 * CHECKPOINT_EVERY + 1, branch.length]) {
      expect(JSON.stringify(seek(branch, moment).current)).toBe(JSON.stringify(seek(again, moment).current));
    }
  });

  it('keeps every event once, in one array by sequence number; a branch from the past keeps its own and leaves the old one intact', () => {
    const { timeline } = recorded(41, 300);
    const trace = JSON.stringify(traceOf(timeline));
    expect(timeline.eventCount).toBe(timeline.current.seq);
    timeline.events.slice(0, timeline.eventCount).forEach((e, seq) => expect(e.seq).toBe(seq));
    // each entry's events are the slice from its first to the next entry's first, as recorded
    let t = startTimeline({ seed: 41 });
    for (let i = 0; i < timeline.length; i++) {
      const { timeline: next, step } = record(t, timeline.commands[i]!);
      expect(eventsOf(timeline, i)).toEqual(step.events);
      t = next;
    }
    let branch = seek(timeline, 20);
    for (const op of seededOps(42, 30)) branch = record(branch, opToCommand(branch.current, op)).timeline;
    expect(branch.events).not.toBe(timeline.events);
    expect(branch.eventCount).toBe(branch.current.seq);
    expect(JSON.stringify(traceOf(branch, 20))).toBe(JSON.stringify(traceOf(timeline, 20)));
    expect(JSON.stringify(traceOf(branch))).toBe(JSON.stringify(traceOf(replay({ seed: 41 }, commandsOf(branch)))));
    expect(JSON.stringify(traceOf(timeline))).toBe(trace);
    expect(() => eventsOf(branch, branch.length)).toThrow(RangeError);
  });
});

