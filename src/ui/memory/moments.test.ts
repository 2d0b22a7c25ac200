import { describe, expect, it } from 'vitest';
import { createShell, eventsOf, findLesson, runLine, stateAt } from '../../engine/index.ts';
import { commandSpan, momentReader, playLesson, recordedEvents, spanMoments } from './moments.ts';

const FLIP = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "hi")'];

function typed(lines: readonly string[]) {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

describe('moments of a timeline', () => {
  it('one moment per event of the command, each the machine right after that event', () => {
    const t = typed(FLIP).timeline;
    const end = recordedEvents(t);
    const span = commandSpan(t, end)!;
    const events = eventsOf(t, t.length - 1);
    expect(span.to - span.from).toBe(events.length);
    const moments = spanMoments(span);
    expect(moments.map((m) => m.focus)).toEqual(events);
    expect(moments.map((m) => m.command.length)).toEqual(events.map((_, i) => i + 1));
    // the last moment is the machine after the command
    expect(moments.at(-1)!.state).toEqual(stateAt(t, t.length));
    expect(moments.at(-1)!.events.length).toBe(end);
  });

  it('before any command there is no command span, and boot shows the first machine', () => {
    const t = createShell().timeline;
    expect(commandSpan(t, t.bootEvents.length)).toBeNull();
    const read = momentReader(t);
    expect(read(0).position).toBe(t.bootEvents.length);
    expect(read(0).command).toEqual([]);
  });

  it('a lesson played from its solutions: each step where the one before ended, together every event', () => {
    const lesson = findLesson('flip')!;
    const played = playLesson(lesson, {});
    expect(played.steps).toHaveLength(lesson.steps.length);
    played.steps.forEach((s, i) => {
      expect(s.from).toBe(i === 0 ? played.shell.timeline.bootEvents.length : played.steps[i - 1]!.to);
      expect(s.to).toBeGreaterThan(s.from);
    });
    expect(played.steps.at(-1)!.to).toBe(recordedEvents(played.shell.timeline));
  });
});
