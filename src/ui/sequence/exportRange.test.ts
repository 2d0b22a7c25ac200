import { describe, expect, it } from 'vitest';
import { createShell, eventsOf, runLine } from '../../engine/index.ts';
import type { ShellState } from '../../engine/index.ts';
import { eventsInRange } from './exportSequenceSvg.ts';

function shellOf(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

const LINES = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "hi")'];

describe('eventsInRange', () => {
  const shell = shellOf(LINES);
  const t = shell.timeline;
  const boot = t.bootEvents.length;
  const end = boot + Array.from({ length: t.length }, (_, i) => eventsOf(t, i).length).reduce((a, b) => a + b, 0);
  const sendEvents = eventsOf(t, t.length - 1);

  it('gives the command at the playhead: the send and its flip, nothing before it', () => {
    const events = eventsInRange(t, end, 'command', null);
    expect(events.map((e) => e.seq)).toEqual(sendEvents.map((e) => e.seq));
    expect(events.some((e) => e.kind === 'area.flip')).toBe(true);
  });

  it('stops the command at the playhead when it is part way through', () => {
    const events = eventsInRange(t, end - 1, 'command', null);
    expect(events.map((e) => e.seq)).toEqual(sendEvents.slice(0, -1).map((e) => e.seq));
  });

  it('gives a lesson step from where it started', () => {
    const since = sendEvents[0]!.seq - 3;
    expect(eventsInRange(t, end, 'step', since).every((e) => e.seq >= since)).toBe(true);
    expect(eventsInRange(t, end, 'step', since)).toHaveLength(sendEvents.length + 3);
  });

  it('gives every command, without the boot, for everything', () => {
    const all = eventsInRange(t, end, 'all', null);
    expect(all[0]!.seq).toBe(boot);
    expect(all).toHaveLength(end - boot);
  });
});
