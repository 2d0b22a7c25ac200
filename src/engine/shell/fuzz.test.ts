// Fuzzing the evaluator: garbage, near-miss syntax, wrong types, bad fds,
// huge numbers and unicode. Whatever is typed, the shell answers, never
// throws, and a rejected line leaves the machine exactly as it was.

import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createShell, runLine } from './shell.js';
import type { ShellState } from './shell.js';
import { checkInvariants } from '../invariants.js';
import { formatOutput } from './format.js';
import { eventsOf } from '../timeline/timeline.js';

declare const console: { log(...args: unknown[]): void };
declare const process: { env: Record<string, string | undefined> };
const QUICK = Number(process.env.LPARLAB_PROPERTY_RUNS ?? 0) > 0;

// lines a student might type, valid when the state allows
const SPEC_LINES = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(s, 7)', 'listen(s)', 'deny(s, B)', 'permit(s, B)',
  'fd = accept(s)', 'r = read(fd)', 'v = open(r.vfile)', 'read(v, 16)', 'write(v, "granted")', 'close(v)', 'write(fd, r.vfile)', 'unlink(r.vfile)',
  'peek(r.addr, 16)', 'poke(r.addr, "ok")', 'write(fd, r.addr)', 'select([fd1, fd2])', 'close(fd)', 'lpar_create("C", 32, 2)', 'limit(C, mem, 16)', 'lpar_end(C)',
  '@A ch = connect(7)', '@A ch = connect(B)', '@B signals()', '@B sig = signal()', '@B chb = permit(sig)', '@B rp = event_port()', '@A sp = event_connect(B, rp)',
  '@A event_send(sp)', '@B event_poll(rp)', '@A a = area(4096)', '@A poke(a, "hello")', '@A send(ch, a, "short text")', '@A peek(a, 5)', '@B r = recv(chb)',
  '@B free(r.addr)', '@A close(ch)', '@A request(mem, 64)', '@A sh = share(B, 4096)', 'frames_free()', 'frames_of(A)', 'owner_of(17)', 'help', 'help socket',
  'lpars', 'frames', 'map A', 'channels', 'fds', 'ls /msg', 'ps', 'log', 'back', '@A', '@B', '@scp', 'interrupt', 'interrupt A',
];

const CALL_NAMES = ['socket', 'bind', 'listen', 'accept', 'read', 'write', 'open', 'close', 'unlink', 'select', 'permit', 'deny', 'connect', 'area', 'send', 'recv', 'free', 'peek', 'poke', 'share', 'request', 'limit', 'lpar_create', 'lpar_end', 'event_send', 'event_poll', 'owner_of'];
const ATOMS = ['0', '1', '3', '4', '7', '-1', '0x100000', '9007199254740993', '1e9', '99999999999999999999', '"x"', '""', '"ünï©ødé 🚀"', 'A', 'B', 'C', 'scp', 'mem', 'AF_LPAR', 'fd', 's', 'r', 'r.vfile', 'r.addr', '[fd, s]', '[]', '[[1]]', 'ch', 'sig', 'nothing'];

const mutate = (line: string, at: number, ch: string, mode: number) => {
  const i = at % (line.length + 1);
  if (mode === 0) return line.slice(0, i) + line.slice(i + 1);
  if (mode === 1) return line.slice(0, i) + ch + line.slice(i);
  return line.slice(0, i) + ch + line.slice(i + 1);
};

const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPEC_LINES) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...SPEC_LINES), fc.nat(60), fc.constantFrom('(', ')', ',', '"', '.', '@', '=', '[', ']', ' ', 'x', '0', 'é', '\\', '#'), fc.nat(2)).map(([l, at, ch, mode]) => mutate(l, at, ch, mode)) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...CALL_NAMES), fc.array(fc.constantFrom(...ATOMS), { maxLength: 4 }), fc.constantFrom('', '@A ', '@B ', 'x = ', 'r = ')).map(([n, args, pre]) => `${pre}${n}(${args.join(', ')})`) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '# just a comment', '@', '@@A', '= 5', 'x =', '(((', '"\\', 'a.b.c.d', 'x'.repeat(5000), '[1, 2', '@A @B ps') },
  // hostile: nesting past the limit, names that are object keys, control sequences anywhere
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('[', '(', 'frames_of(', 'x = [', '@A peek('), fc.integer({ min: 1, max: 2100 }), fc.boolean()).map(([open, n, close]) => `${open.repeat(n)}1${close ? (open.includes('[') ? ']' : ')').repeat(n) : ''}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'), fc.constantFrom('', ' = 5', ' = socket(AF_LPAR, SOCK_SEQPACKET)', '.addr', ' = [__proto__]')).map(([n, rest]) => `${n}${rest}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SPEC_LINES), fc.nat(60), fc.constantFrom('\x1b[2J', '\x1b]52;c;aGk=\x07', '\u009b', '\x7f', '\x00', '\r', '\x1b]8;;http://x\x07'), fc.nat(2)).map(([l, at, ch, mode]) => mutate(l, at, ch, mode)) },
);

/** Any C0 control, DEL or C1 control: what a terminal may act on. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/; // eslint-disable-line no-control-regex

let lines = 0;

describe('the shell under fuzzed input', () => {
  it('answers every line, never throws, and a rejected line changes nothing', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 100, maxLength: 100 }), (batch) => {
        let shell: ShellState = createShell();
        for (const line of batch) {
          const before = shell;
          const { shell: after, out } = runLine(shell, line);
          lines++;
          const blank = line.trim() === '' || line.trim().startsWith('#');
          if (!blank) expect(out.length).toBeGreaterThan(0);
          for (const o of out) for (const printed of formatOutput(o)) expect(printed).not.toMatch(CONTROL);
          if (out.length > 0 && out.every((o) => o.kind === 'error')) {
            // recorded: the cursor moved on (after a `back` the length may stay, the old future dropped)
            const recorded = after.timeline.cursor > before.timeline.cursor;
            // only a refusal the machine decided is recorded (a policy denial, a page fault, a refused
            // connect): its events are in the trace, nothing else changed
            if (recorded) expect(['resource.deny', 'fault', 'call.refuse', 'channel.refuse']).toContain(eventsOf(after.timeline, after.timeline.cursor - 1).at(-1)!.kind);
            else expect(after.timeline.current).toBe(before.timeline.current);
            expect(after.vars).toBe(before.vars);
            expect(after.ctx).toBe(before.ctx);
          }
          shell = after;
        }
        expect(checkInvariants(shell.timeline.current)).toEqual([]);
      }),
      // fewer under the mutation run (LPARLAB_PROPERTY_RUNS), which repeats the suite for every mutant
      { numRuns: QUICK ? 8 : 110, seed: 7 },
    );
  }, 120_000);

  afterAll(() => {
    if (!QUICK) expect(lines).toBeGreaterThanOrEqual(10_000);
    console.log(`shell fuzz: ${lines} lines`);
  });
});
