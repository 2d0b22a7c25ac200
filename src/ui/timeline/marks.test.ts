import { describe, expect, it } from 'vitest';
import { createShell, eventsOf, runLine } from '../../engine/index.ts';
import type { Timeline } from '../../engine/index.ts';
import { marksPath } from './TimelineBar.tsx';

const LINES = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "x")', '@B r = recv(chb)'];

function session(lines: readonly string[]) {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell.timeline;
}

/** The timeline's starts array wrapped to count the commands read (the same wrapper each call, as one shared array). */
function counting(t: Timeline) {
  let reads = 0;
  const starts = new Proxy(t.starts, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  // the timeline as it was after its first `n` commands, sharing the (wrapped) array
  const cut = (n: number): Timeline => ({ ...t, starts, length: n, eventCount: n < t.length ? t.starts[n]! : t.eventCount });
  return { cut, reads: () => reads };
}

describe('the scrubber marks (issue 22)', () => {
  it('marks each event at its place in events since boot: a tall mark where a command starts', () => {
    const t = session(LINES);
    const boot = t.bootEvents.length;
    const expected = t.starts.flatMap((_, i) => eventsOf(t, i).map((e, k) => `M${e.seq - boot + 0.5} ${k === 0 ? 0 : 5}V10`)).join('');
    expect(marksPath(t, boot)).toBe(expected);
    expect(marksPath(t, boot)).toMatch(/^M0\.5 0V10/);
  });

  it('draws the marks of a typed line without reading the earlier commands again', () => {
    const t = session([...LINES, ...LINES.slice(3), ...LINES.slice(3)]);
    const boot = t.bootEvents.length;
    const { cut, reads } = counting(t);
    const before = marksPath(cut(t.length - 1), boot);
    const first = reads();
    // each command, and where the next one starts
    expect(first).toBeGreaterThanOrEqual(t.length - 1);
    const after = marksPath(cut(t.length), boot);
    expect(reads() - first).toBe(1);
    expect(after.startsWith(before)).toBe(true);
    expect(after).toBe(marksPath(t, boot));
  });

  it('draws an older, shorter timeline sharing the array apart, leaving the kept marks as they were', () => {
    const t = session(LINES);
    const boot = t.bootEvents.length;
    const all = marksPath(t, boot);
    const shorter = marksPath({ ...t, length: 2, eventCount: t.starts[2]! }, boot);
    expect(all.startsWith(shorter)).toBe(true);
    expect(shorter.length).toBeLessThan(all.length);
    expect(marksPath(t, boot)).toBe(all);
  });
});
