// The builder offers checks from what the machine just did: after the flip,
// the frame's new owner and S107; after a socket, its fd. Every offer holds.

import { describe, expect, it } from 'vitest';
import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { checkRule } from './rules.js';
import { suggestChecks } from './suggest.js';

function play(shell: ShellState, lines: readonly string[]): { shell: ShellState; outputs: Output[] } {
  const outputs: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return { shell, outputs };
}

describe('checks offered from what the machine just did', () => {
  it('after the flip: S107, the frame owned by B, the address no longer mapped in A', () => {
    const before = play(createShell(), ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)']).shell;
    const after = play(before, ['@A send(ch, a, "hi")']);
    const offers = suggestChecks(before, after.shell, after.outputs);
    const says = offers.map((o) => o.says);
    expect(says).toContain('the machine has done S107 (area.flip)');
    const frame = after.shell.timeline.current.areas[Object.keys(after.shell.timeline.current.areas)[0] as never]!.frames[0];
    expect(says).toContain(`frame ${frame} is owned by B`);
    expect(says).toContain('A has no mapping at a');
    expect(says).not.toContain(`frame ${frame} is owned by A`);
    // every offer holds in the lab it was offered from
    for (const o of offers) expect(checkRule(o.rule, { shell: after.shell, outputs: after.outputs, since: before.timeline.current.seq }).ok).toBe(true);
  });

  it('after making a socket: its fd is open and the name is bound', () => {
    const before = createShell();
    const after = play(before, ['s = socket(AF_LPAR, SOCK_SEQPACKET)']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says).toContain('s holds a value');
    expect(says.some((s) => /^fd \d+ is open$/.test(s))).toBe(true);
  });

  it('a suspended call and an error are offered', () => {
    const before = createShell();
    const after = play(before, ['@A ch = connect(B)', '@A peek(0x5000, 4)']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says).toContain('A is suspended in connect');
  });

  it('offers nothing when nothing happened', () => {
    const shell = createShell();
    expect(suggestChecks(shell, shell, [])).toEqual([]);
  });
});
