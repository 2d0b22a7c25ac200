// The moments an export draws, read from a timeline without moving the
// page's playhead: the machine right after event p-1 (what the views show at
// playhead p), the events up to it, and the command's events so far. The
// still pictures, the animations and the handout all draw from these.

import type { LabConfig, LabEvent, LabState, Lesson, ShellState, Timeline } from '../../engine/index.ts';
import { createShell, entryEnd, locateEvent, microStates, runLine, solutionOf, stateAt } from '../../engine/index.ts';
import { eventsBefore } from '../store/eventIndex.ts';

export interface Moment {
  /** the playhead: events shown, boot included */
  readonly position: number;
  readonly state: LabState;
  /** every event up to the playhead, boot included */
  readonly events: readonly LabEvent[];
  /** the events of the command the playhead is in, up to it (ghosts, outlines) */
  readonly command: readonly LabEvent[];
  /** the event the playhead has just revealed (null at boot) */
  readonly focus: LabEvent | null;
}

/** Total events recorded on a timeline, boot included. */
export function recordedEvents(t: Timeline): number {
  return t.eventCount;
}

/** Reads moments of one timeline, computing each command's micro-steps once. */
export function momentReader(t: Timeline): (position: number) => Moment {
  const micro = new Map<number, readonly LabState[]>();
  return (position) => {
    const p = Math.max(t.bootEvents.length, Math.min(position, recordedEvents(t)));
    const events = eventsBefore(t.events, p);
    if (p <= t.bootEvents.length) return { position: p, state: stateAt(t, 0), events, command: [], focus: events[p - 1] ?? null };
    const { entry, index } = locateEvent(t, p - 1);
    let moments = micro.get(entry);
    if (!moments) {
      moments = microStates(t, entry).moments;
      micro.set(entry, moments);
    }
    const from = t.starts[entry]!;
    return { position: p, state: moments[index]!, events, command: t.events.slice(from, from + index + 1), focus: t.events[from + index]! };
  };
}

/** A stretch of one timeline to animate: the moments after each of its events, positions from+1 .. to. */
export interface Span {
  readonly timeline: Timeline;
  readonly from: number;
  readonly to: number;
}

/** The moments of a span: one per micro-step (event), in order. */
export function spanMoments(span: Span): Moment[] {
  const read = momentReader(span.timeline);
  const out: Moment[] = [];
  for (let p = span.from + 1; p <= span.to; p++) out.push(read(p));
  return out;
}

/** The command the playhead is in: positions (from, to], or null before any command. */
export function commandSpan(t: Timeline, position: number): Span | null {
  let start = t.bootEvents.length;
  for (let i = 0; i < t.length; i++) {
    const count = entryEnd(t, i) - t.starts[i]!;
    const end = start + count;
    if (count > 0 && position > start && position <= end) return { timeline: t, from: start, to: end };
    start = end;
  }
  return null;
}

/**
 * A lesson played from a fresh lab with its steps' solutions: the shell after
 * each step, and where each step's events begin and end on the one timeline.
 * Exports of a step, of the whole lesson and the handout draw from it, so they
 * show the lesson as written whatever was typed on the page.
 */
export interface PlayedLesson {
  readonly shell: ShellState;
  readonly steps: readonly { readonly from: number; readonly to: number; readonly lines: readonly string[] }[];
}

export function playLesson(lesson: Lesson, config: Partial<LabConfig>): PlayedLesson {
  let shell = createShell(config);
  const steps: { from: number; to: number; lines: readonly string[] }[] = [];
  for (const step of lesson.steps) {
    const from = recordedEvents(shell.timeline);
    const lines = solutionOf(step);
    for (const line of lines) shell = runLine(shell, line).shell;
    steps.push({ from, to: recordedEvents(shell.timeline), lines });
  }
  return { shell, steps };
}
