import { describe, expect, it } from 'vitest';
import { createShell, runLine } from '../../engine/index.ts';
import type { Output, ShellState } from '../../engine/index.ts';
import { completeWord, lastLineOf, splitWord, suggestionsFor } from './complete.ts';

const run = (lines: readonly string[]): { shell: ShellState; out: Output[] } => {
  let shell = createShell();
  const out: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    out.push(...ran.out);
  }
  return { shell, out };
};
const texts = (shell: ShellState, line: string) => suggestionsFor(shell, line).map((s) => s.text);

describe('the phone line\'s suggestions', () => {
  it('splits the word being typed from the line before it', () => {
    expect(splitWord('@A a = ar')).toEqual({ before: '@A a = ', prefix: 'ar' });
    expect(splitWord('send(ch, ')).toEqual({ before: 'send(ch, ', prefix: '' });
    expect(splitWord('')).toEqual({ before: '', prefix: '' });
  });

  it('completes as the context named at the start of the line would, as the terminal\'s Tab does', () => {
    const shell = createShell();
    // area() is a guest's call: not the system control program's
    expect(completeWord(shell, 'are', '')).not.toContain('area(');
    expect(completeWord(shell, 'are', '@A ')).toContain('area(');
  });

  it('offers the other contexts and this context\'s calls at the start of a line, and no constants there', () => {
    const shell = createShell();
    const start = texts(shell, '');
    expect(start.slice(0, 2)).toEqual(['@A ', '@B ']);
    // every call of the program, the last in the alphabet too
    for (const call of ['socket(', 'grant(', 'refuse(', 'write(']) expect(start).toContain(call);
    expect(start).not.toContain('area(');
    expect(start).not.toContain('AF_LPAR');
    // after @A: A's calls, no contexts
    const inA = texts(shell, '@A ');
    expect(inA).toContain('area(');
    expect(inA).toContain('connect(');
    expect(inA.some((t) => t.startsWith('@'))).toBe(false);
    // the value of a name comes from a call
    expect(texts(shell, '@A a = ar')).toEqual(['area(']);
  });

  it('offers names and constants first inside a call\'s parentheses, and nothing inside a string', () => {
    const { shell } = run(['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)']);
    const args = texts(shell, '@A send(');
    // the student's own names first (sorted), then partitions and constants, then calls; no commands for people
    expect(args.slice(0, 4)).toEqual(['a', 'ch', 'chb', 'sig']);
    expect(args.indexOf('AF_LPAR')).toBeLessThan(args.findIndex((t) => t.endsWith('(')));
    expect(args).not.toContain('help');
    expect(texts(shell, '@A send(c')).toContain('ch');
    expect(texts(shell, 's = socket(AF_')).toContain('AF_LPAR');
    expect(texts(shell, '@A poke(a, "he')).toEqual([]);
    // a closed string: suggestions again
    expect(texts(shell, '@A poke(a, "he", ')).not.toEqual([]);
  });

  it('never offers the word already typed, and at most the number asked for', () => {
    const shell = createShell();
    expect(texts(shell, '@A area')).not.toContain('area');
    expect(suggestionsFor(shell, '', 3)).toHaveLength(3);
  });
});

describe('the last line shown under the phone line', () => {
  it('is nothing before any line', () => {
    expect(lastLineOf([])).toBeNull();
  });

  it('shows the line as typed and what came back, errors marked', () => {
    const { out } = run(['@A a = area(4096)', 'bind(zz, 7)']);
    const last = lastLineOf(out)!;
    expect(last.echo).toBe('scp$ bind(zz, 7)');
    expect(last.lines).toHaveLength(1);
    expect(last.lines[0]!.error).toBe(true);
    expect(last.lines[0]!.text).toMatch(/^= -1 /);
    const first = lastLineOf(out.slice(0, 1))!;
    expect(first.echo).toBe('@A a = area(4096)');
    expect(first.lines).toEqual([{ text: '= 0x100000', error: false }]);
  });

  it('keeps every output of the last line together, and a completion without an echo', () => {
    // accept waits; connect from A completes it: the completion is printed under the line that caused it
    const { out } = run(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A ch = connect(7)']);
    const last = lastLineOf(out)!;
    expect(last.lines.length).toBeGreaterThanOrEqual(1);
    expect(last.lines.map((l) => l.text).join('\n')).toMatch(/completes|= /);
  });
});
