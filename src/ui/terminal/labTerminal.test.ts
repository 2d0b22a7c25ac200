// What one key press writes to xterm. xterm parses the first write after a
// key at once and the rest only in a later task, after the browser has drawn
// a frame: the echo, the answer and the new prompt of a typed line must reach
// it as one write, so the answer shows in the frame that follows Enter.

import { describe, expect, it } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { createShell, formatOutput, runLine } from '../../engine/index.ts';
import type { ShellState } from '../../engine/index.ts';
import { translateEnglish } from '../../i18n/translate.ts';
import { LabTerminal } from './labTerminal.ts';

/** A stand-in for xterm: it keeps each write and hands typed data to the addon. */
function fakeTerminal() {
  const writes: string[] = [];
  let type: (data: string) => void = () => {};
  const terminal = {
    cols: 80,
    onData: (listener: (data: string) => void) => { type = listener; },
    onResize: () => {},
    attachCustomKeyEventHandler: () => {},
    clear: () => writes.push('<clear>'),
    write: (seq: string) => writes.push(seq),
  };
  return { terminal: terminal as unknown as Terminal, writes, type: (data: string) => type(data) };
}

/** A terminal on a real shell, its welcome already written. */
function labTerminal() {
  let shell: ShellState = createShell();
  const lab = new LabTerminal({
    prompt: () => `${shell.ctx}$ `,
    submit: (line) => {
      const ran = runLine(shell, line);
      shell = ran.shell;
      return ran.out;
    },
    interrupt: () => null,
    complete: () => [],
    format: (o) => formatOutput(o),
    note: () => {},
    t: () => translateEnglish,
  });
  const fake = fakeTerminal();
  lab.activate(fake.terminal);
  fake.writes.length = 0;
  return { lab, ...fake };
}

describe('what a key press writes', () => {
  it('Enter writes the echoed line, the answer and the next prompt as one write', () => {
    const { writes, type } = labTerminal();
    type('@A a = area(4096)');
    writes.length = 0;
    type('\r');
    expect(writes).toHaveLength(1);
    const written = writes[0]!;
    const echo = written.indexOf('@A a = area(4096)');
    const answer = written.indexOf('= 0x');
    expect(echo).toBeGreaterThanOrEqual(0);
    expect(answer).toBeGreaterThan(echo);
    expect(written.lastIndexOf('$ ')).toBeGreaterThan(answer);
  });

  it('a pasted line with its Enter is one write too', () => {
    const { writes, type } = labTerminal();
    type('@A a = area(4096)\r');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toContain('= 0x');
  });

  it('Ctrl-L writes what came before it, then clears, then draws the prompt', () => {
    const { writes, type } = labTerminal();
    type('ab\x0c');
    expect(writes).toEqual([expect.stringContaining('ab'), '<clear>', expect.stringContaining('$ ')]);
  });

  it('lines printed outside a key press (a note) are written at once', () => {
    const { lab, writes } = labTerminal();
    lab.printNote(['opened a shared lab']);
    expect(writes.join('')).toContain('opened a shared lab');
  });
});
