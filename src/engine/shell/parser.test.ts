import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DEPTH, parseLine } from './parser.js';

const WORDS = new Set(['help', 'ls', 'map', 'log']);
const parse = (line: string) => parseLine(line, WORDS);

describe('the command language parser', () => {
  it('parses calls, assignments, lists, members, strings and hex', () => {
    expect(parse('fd = accept(s)')).toMatchObject({ kind: 'assign', name: 'fd', expr: { kind: 'call', name: 'accept', args: [{ kind: 'name', name: 's' }] } });
    expect(parse('select([fd1, fd2])')).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{ kind: 'list', items: [{ name: 'fd1' }, { name: 'fd2' }] }] } });
    expect(parse('v = open(r.vfile)')).toMatchObject({ expr: { args: [{ kind: 'member', field: 'vfile', of: { name: 'r' } }] } });
    expect(parse('poke(0x1000, "a \\"q\\"")')).toMatchObject({ expr: { args: [{ kind: 'int', value: 4096 }, { kind: 'str', value: 'a "q"' }] } });
  });

  it('reads the escapes of a string: newline, tab, NUL, and any other character as itself', () => {
    expect(parse('poke(a, "1\\n2\\t3\\04\\q\\\\")')).toMatchObject({ expr: { args: [{}, { kind: 'str', value: '1\n2\t3\u00004q\\' }] } });
  });

  it('reads a number with a decimal point (a cost may be 0.3 cycles), and no exponent anywhere', () => {
    expect(parse('x = 1.5')).toEqual({ kind: 'assign', name: 'x', expr: { kind: 'num', value: 1.5, col: 5 } });
    expect(parse('cost(copyPerByte, 0.25)')).toMatchObject({ kind: 'expr', expr: { kind: 'call', args: [{ kind: 'name' }, { kind: 'num', value: 0.25 }] } });
    expect(parse('x = 1.5e3')).toMatchObject({ kind: 'syntax', col: 5, message: 'a number cannot run into letters or another point: 1.5e…' });
    expect(parse('x = 1e3')).toMatchObject({ kind: 'syntax', col: 5, message: expect.stringMatching(/^a number cannot run into letters/) });
    expect(parse('x = 1.2.3')).toMatchObject({ kind: 'syntax', col: 5 });
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

  it('refuses lines that nest deeper than MAX_DEPTH with a syntax error, never a stack overflow', () => {
    const tooDeep = { kind: 'syntax', message: expect.stringMatching(new RegExp(`deeper than ${MAX_DEPTH} levels`)) };
    expect(parse('['.repeat(4096))).toMatchObject({ ...tooDeep, col: MAX_DEPTH + 1 });
    expect(parse(`x = ${'['.repeat(2046)}${']'.repeat(2046)}`)).toMatchObject({ ...tooDeep, col: MAX_DEPTH + 5 });
    expect(parse('('.repeat(4095))).toMatchObject({ ...tooDeep, col: MAX_DEPTH + 1 });
    expect(parse(`peek(${'f('.repeat(40)}1${')'.repeat(40)}, 1)`)).toMatchObject(tooDeep);
    expect(parse(`r${'.addr'.repeat(MAX_DEPTH + 1)}`)).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/chain of \.fields/) });
    expect(parse(`@A x = ${'['.repeat(3000)}`)).toMatchObject(tooDeep);
  });

  it('accepts nesting up to MAX_DEPTH', () => {
    expect(parse(`x = ${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`)).toMatchObject({ kind: 'assign' });
    expect(parse(`${'('.repeat(MAX_DEPTH - 1)}frames_free()${')'.repeat(MAX_DEPTH - 1)}`)).toMatchObject({ kind: 'expr' });
    expect(parse(`r${'.addr'.repeat(MAX_DEPTH)}`)).toMatchObject({ kind: 'expr' });
  });

  it('answers any mix of brackets, parentheses, calls and fields up to the line limit', () => {
    const piece = fc.constantFrom('[', '(', 'f(', ']', ')', '.a', ',', '1', 'x', ' ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 2000 }), fc.constantFrom('', 'x = ', '@A '), (pieces, lead) => {
      const parsed = parse(lead + pieces.join(''));
      expect(['syntax', 'expr', 'assign', 'switch', 'empty']).toContain(parsed.kind);
    }), { numRuns: 200 });
  });
});

