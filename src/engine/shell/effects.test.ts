import { describe, expect, it } from 'vitest';
import { createShell, runLine } from './shell.js';
import type { ShellState } from './shell.js';
import { formatOutput } from './format.js';

function typed(lines: readonly string[]) {
  let shell: ShellState = createShell();
  let last = runLine(shell, '');
  for (const line of lines) {
    last = runLine(shell, line);
    shell = last.shell;
  }
  return { ...last, printed: last.out.flatMap(formatOutput) };
}

describe('what a line did (its effect)', () => {
  it('names each kind of line', () => {
    expect(typed(['@A a = area(4096)']).effect).toEqual({ kind: 'recorded' });
    expect(typed(['@A a = area(4096)', 'back']).effect).toEqual({ kind: 'moved' });
    expect(typed(['reset']).effect).toEqual({ kind: 'restarted' });
    expect(typed(['seed 4']).effect).toEqual({ kind: 'restarted' });
    expect(typed(['lesson flip']).effect).toEqual({ kind: 'openLesson', id: 'flip' });
    expect(typed(['lesson']).effect).toEqual({ kind: 'openLesson', id: null });
    expect(typed(['lesson nosuch']).effect).toEqual({ kind: 'none' });
    expect(typed(['x = 4', 'frames_free()', 'lpars', '@A']).effect).toEqual({ kind: 'none' });
    // a refused command records nothing, unless the machine decided the refusal: a page fault is
    // an event of the trace [0070], recorded (the state as it was, so `back` undoes only the event)
    expect(typed(['close(42)']).effect).toEqual({ kind: 'none' });
    expect(typed(['@A peek(0x200000, 4)']).effect).toEqual({ kind: 'recorded' });
  });

  it('records an interrupt typed as a line once in the history, as typed', () => {
    const { shell, effect } = typed(['@A ch = connect(B)', 'interrupt A']);
    expect(effect).toEqual({ kind: 'recorded' });
    expect([...shell.history]).toEqual(['@A ch = connect(B)', 'interrupt A']);
  });
});

describe('commands for people', () => {
  it("`@A help` lists A's calls, not the current context's", () => {
    const there = typed(['@A help']).printed;
    expect(there[0]).toMatch(/^In A \(a guest OS/);
    expect(there.some((l) => l.trim().startsWith('send('))).toBe(true);
    expect(there.some((l) => l.trim().startsWith('accept('))).toBe(false);
  });

  it('refuses extra words and leaves the machine as it was', () => {
    const before = typed(['@A a = area(4096)']);
    const refused = runLine(before.shell, 'back back');
    expect(refused.out.flatMap(formatOutput)).toEqual(['= -1 EINVAL: back takes no words (usage: back); nothing was done, remove: back']);
    expect(refused.shell.timeline).toBe(before.shell.timeline);
    expect(typed(['frames now']).printed).toEqual(['= -1 EINVAL: frames takes no words (usage: frames); nothing was done, remove: now']);
  });

  it('refuses a name that a command for people would hide', () => {
    const { printed, shell } = typed(['help = 1']);
    expect(printed).toEqual(['= -1 EINVAL: help is a command for people (help lists them); choose another name']);
    expect(shell.vars).toEqual({});
  });
});
