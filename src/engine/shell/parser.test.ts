import { describe, expect, it } from 'vitest';
import { parseLine } from './parser.js';

const WORDS = new Set(['help', 'ls', 'map', 'log']);
const parse = (line: string) => parseLine(line, WORDS);

describe('the command language parser', () => {
  it('parses calls, assignments, lists, members, strings and hex', () => {
    expect(parse('fd = accept(s)')).toMatchObject({ kind: 'assign', name: 'fd', expr: { kind: 'call', name: 'accept', args: [{ kind: 'name', name: 's' }] } });
    expect(parse('select([fd1, fd2])')).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{ kind: 'list', items: [{ name: 'fd1' }, { name: 'fd2' }] }] } });
    expect(parse('v = open(r.vfile)')).toMatchObject({ expr: { args: [{ kind: 'member', field: 'vfile', of: { name: 'r' } }] } });
    expect(parse('poke(0x1000, "a \\"q\\"")')).toMatchObject({ expr: { args: [{ kind: 'int', value: 4096 }, { kind: 'str', value: 'a "q"' }] } });
  });

  it('parses context switches, alone or with a command', () => {
    expect(parse('@A')).toMatchObject({ kind: 'switch', ctx: 'A', then: null });
    expect(parse('@A ch = connect(7)')).toMatchObject({ kind: 'switch', ctx: 'A', then: { kind: 'assign', name: 'ch' } });
    expect(parse('@B ls /msg')).toMatchObject({ kind: 'switch', ctx: 'B', then: { kind: 'words', command: 'ls', words: ['/msg'] } });
  });

  it('reads commands for people as bare words, unless called or assigned', () => {
    expect(parse('help socket')).toEqual({ kind: 'words', command: 'help', words: ['socket'] });
    expect(parse('map A # whose frames?')).toEqual({ kind: 'words', command: 'map', words: ['A'] });
    expect(parse('log = 3')).toMatchObject({ kind: 'assign', name: 'log' });
  });

  it('ignores comments and blank lines', () => {
    expect(parse('   ')).toEqual({ kind: 'empty' });
    expect(parse('# note')).toEqual({ kind: 'empty' });
    expect(parse('listen(s) # S203')).toMatchObject({ kind: 'expr' });
  });

  it('points at the column of a syntax error', () => {
    expect(parse('socket(AF_LPAR SOCK_SEQPACKET)')).toMatchObject({ kind: 'syntax', col: 16 });
    expect(parse('r = read(s')).toMatchObject({ kind: 'syntax', col: 11 });
    expect(parse('x = "open')).toMatchObject({ kind: 'syntax', col: 5, message: expect.stringMatching(/never closed/) });
    expect(parse('@A send(ch a)')).toMatchObject({ kind: 'syntax', col: 12 });
    expect(parse('bind(s, 7))')).toMatchObject({ kind: 'syntax', col: 11 });
    expect(parse('x = 12abc')).toMatchObject({ kind: 'syntax', col: 5 });
    expect(parse('x = 99999999999999999999')).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/too large/) });
    expect(parse('a ≠ b')).toMatchObject({ kind: 'syntax', col: 3 });
    expect(parse('x'.repeat(5000))).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/longer than/) });
  });
});
