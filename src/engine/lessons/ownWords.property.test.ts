// Checks accept the student's own words (issue 20 §1; docs/lesson-format.md):
// every built-in step and challenge still passes when its solution is typed
// with other names, other service numbers and other area sizes where the
// narration leaves them open, and independent lines in another order; and
// each challenge has a near miss, the goal not quite reached, that must fail.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHALLENGES, LESSONS } from './catalog.js';
import type { Challenge, Lesson } from './lesson.js';
import { runChallenge, runSolution, solutionOf } from './lesson.js';
import { asksFor, namesOf } from './rules.js';
import { CALLS, CONSTANTS } from '../shell/calls.js';
import { PEOPLE_TABLE } from '../shell/commands.js';

// ------------------------------------------------------------ renaming a solution

/** A line cut into tokens: string literals kept whole, so a name inside quotes is never renamed. */
const TOKENS = /"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*|\s+|./g;

/** The names a solution binds: the left side of `name = ...` (not `==`), after any `@ctx`. */
export function boundNames(lines: readonly string[]): string[] {
  const names = new Set<string>();
  for (const line of lines) {
    const m = /^\s*(?:@\w+\s+)?([A-Za-z_]\w*)\s*=(?!=)/.exec(line);
    if (m) names.add(m[1]!);
  }
  return [...names];
}

/** Every identifier in the lines, bound or not: a new name must be none of these. */
function identifiers(lines: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const line of lines) for (const t of line.match(TOKENS) ?? []) if (/^[A-Za-z_]/.test(t)) ids.add(t);
  return ids;
}

/** Rename bound names everywhere they are used: not inside strings, not a field after a dot, not a call. */
export function renameLine(line: string, names: ReadonlyMap<string, string>): string {
  const tokens = line.match(TOKENS) ?? [];
  return tokens.map((t, i) => {
    const to = names.get(t);
    if (to === undefined) return t;
    const before = tokens.slice(0, i).join('').trimEnd();
    const after = tokens.slice(i + 1).join('').trimStart();
    if (before.endsWith('.') || before.endsWith('@') || after.startsWith('(')) return t;
    return to;
  }).join('');
}

/** Other numbers where the text leaves them open: the service a socket is bound to, the size of an area. */
function renumberLine(line: string, services: ReadonlyMap<number, number>, grow: number): string {
  return line
    .replace(/\b(bind\(\s*\w+\s*,\s*)(\d+)/, (_, head: string, n: string) => `${head}${services.get(Number(n)) ?? n}`)
    .replace(/\b(connect\(\s*)(\d+)/, (_, head: string, n: string) => `${head}${services.get(Number(n)) ?? n}`)
    .replace(/\barea\(\s*(\d+)\s*\)/, (_, n: string) => `area(${Number(n) + grow})`);
}

interface Variation {
  /** a new name per bound name, in the order `boundNames` gives them */
  readonly names: readonly string[];
  readonly service: number;
  /** bytes added to every area: more frames, never fewer */
  readonly grow: number;
}

/**
 * Names the shell refuses for a variable, taken from its own tables (a hand list missed `map`, `frames`
 * and the other commands for people: a seed that drew one failed): the calls, the commands for people,
 * the constants, and the context name `scp`. A student who types one is told to choose another name.
 */
const RESERVED = new Set(['null', 'scp', ...CALLS.map((c) => c.name), ...PEOPLE_TABLE.map((c) => c.name), ...CONSTANTS]);

const variation = (count: number): fc.Arbitrary<Variation> =>
  fc.record({
    names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), { minLength: count, maxLength: count }),
    service: fc.integer({ min: 1, max: 65535 }),
    grow: fc.integer({ min: 0, max: 2 * 4096 }),
  });

/** What a solution looks like typed by someone else: every bound name renamed, numbers changed where allowed. */
function retype(lines: readonly string[], bound: readonly string[], taken: ReadonlySet<string>, v: Variation, openServices: boolean, openSizes: boolean): string[] | null {
  if (v.names.some((n) => taken.has(n) || RESERVED.has(n))) return null;
  const names = new Map(bound.map((b, i) => [b, v.names[i]!]));
  const used = new Set([...lines.join(' ').matchAll(/\bbind\(\s*\w+\s*,\s*(\d+)/g)].map((m) => Number(m[1])));
  const services = new Map<number, number>(openServices ? [...used].map((n, i) => [n, ((v.service + i * 101 - 1) % 65535) + 1]) : []);
  return lines.map((l) => renumberLine(renameLine(l, names), services, openSizes ? v.grow : 0));
}

/** Does the text name a service by number ("binds service 7")? Then the student must use that number. */
const namesService = (text: string) => /\bservice \d+/.test(text);

const RUNS = { numRuns: 12 };

describe('renaming helpers', () => {
  it('rename a bound name where it is used, never inside a string, a field or a call', () => {
    const names = new Map([['r', 'msg'], ['fd', 'conn'], ['a', 'read']]);
    expect(renameLine('r = read(fd)', names)).toBe('msg = read(conn)');
    expect(renameLine('v = open(r.vfile)', names)).toBe('v = open(msg.vfile)');
    expect(renameLine('@A poke(a, "a fd r")', names)).toBe('@A poke(read, "a fd r")');
    expect(renameLine('@A send(ch, a, "say \\"r\\"")', names)).toBe('@A send(ch, read, "say \\"r\\"")');
    expect(renameLine('x.r = a(1)', names)).toBe('x.r = a(1)');
    expect(boundNames(['@A ch = connect(B)', 'x == 1', 'fd = accept(s)', '@B permit(sig)'])).toEqual(['ch', 'fd']);
  });
});

describe('every built-in step passes when typed in other words', () => {
  for (const lesson of LESSONS) {
    it(`lesson ${lesson.number} (${lesson.id})`, () => {
      const all = lesson.steps.flatMap((s) => [...solutionOf(s)]);
      const bound = boundNames(all);
      const taken = identifiers(all);
      const openServices = !lesson.steps.some((s) => namesService(s.text));
      fc.assert(
        fc.property(variation(bound.length), (v) => {
          const steps = lesson.steps.map((s) => retype(solutionOf(s), bound, taken, v, openServices, true));
          if (steps.some((s) => s === null)) return;
          const other: Lesson = { ...lesson, steps: lesson.steps.map((s, i) => ({ ...s, solution: steps[i]! })) };
          for (const { step, check } of runSolution(other)) {
            const failed = check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`);
            expect(failed, `step ${step + 1} typed as ${JSON.stringify(steps[step])}`).toEqual([]);
          }
        }),
        RUNS,
      );
    });
  }

  for (const challenge of CHALLENGES) {
    it(`challenge ${challenge.id}`, () => {
      const bound = boundNames(challenge.solution);
      const taken = identifiers(challenge.solution);
      fc.assert(
        fc.property(variation(bound.length), (v) => {
          const lines = retype(challenge.solution, bound, taken, v, !namesService(challenge.goal), true);
          if (lines === null) return;
          const check = runChallenge({ ...challenge, solution: lines });
          expect(check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`), `typed as ${JSON.stringify(lines)}`).toEqual([]);
        }),
        RUNS,
      );
    });
  }
});

/** Play each step with the student's own lines (null: the step's solution) and say which steps were met. */
function stepsMet(lesson: Lesson, typed: readonly (readonly string[] | null)[]): boolean[] {
  const other: Lesson = { ...lesson, steps: lesson.steps.map((s, i) => ({ ...s, solution: typed[i] ?? solutionOf(s) })) };
  return runSolution(other).map((r) => r.check.passed);
}

const lesson = (id: string) => LESSONS.find((l) => l.id === id)!;
const challenge = (id: string): Challenge => CHALLENGES.find((c) => c.id === id)!;

describe('the cases from issue 20', () => {
  it('vfile: a student\'s own names pass steps 3 and 4', () => {
    const met = stepsMet(lesson('vfile'), [
      ['sock = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(sock, 7)', 'listen(sock)'],
      ['conn = accept(sock)'],
      ['@A c = connect(7)'],
      ['@A m = area(4096)', '@A poke(m, "need 64 pages")', '@A send(c, m, "mem request")', 'msg = read(conn)'],
      ['file = open(msg.vfile)', 'read(file, 13)', 'write(file, " granted")', 'close(file)'],
      ['write(conn, msg.vfile)', '@A reply = recv(c)', '@A peek(reply.addr, 21)'],
    ]);
    expect(met).toEqual([true, true, true, true, true, true]);
  });

  it('select: B connecting first and accepted first still makes select name B', () => {
    const met = stepsMet(lesson('select'), [
      ['srv = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(srv, 7)', 'listen(srv)', '@B qb = connect(7)', '@A qa = connect(7)', 'forb = accept(srv)', 'fora = accept(srv)'],
      ['ready = select([fora, forb])'],
      ['@B m = area(64)', '@B send(qb, m, "from B")'],
      ['read(forb)'],
    ]);
    expect(met).toEqual([true, true, true, true]);
  });

  it('flip: the area made before the channel, other names', () => {
    const met = stepsMet(lesson('flip'), [['@A c = connect(B)'], ['@B s = signal()', '@B end = permit(s)'], ['@A buf = area(8192)', '@A poke(buf, "hello")'], ['@A send(c, buf, "hi")'], ['@B got = recv(end)', '@B peek(got.addr, 5)', '@B free(got.addr)'], ['@B close(end)', '@A close(c)']]);
    expect(met).toEqual([true, true, true, true, true, true]);
  });
});

/** For each challenge, the goal not quite reached: a solution that must not pass. */
const NEAR_MISS: Record<string, { readonly why: string; readonly lines: readonly string[] }> = {
  'round-trip': {
    why: 'the answer never says "ok": the program sends the message back unchanged',
    lines: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)', '@A a = area(64)', '@A send(ch, a, "ping")', 'r = read(fd)', 'write(fd, r.vfile)', '@A r2 = recv(ch)', '@A peek(r2.addr, 4)'],
  },
  gatekeeper: {
    why: 'B was refused for asking a service nobody serves, not by a deny',
    lines: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@B connect(99)', '@A ch = connect(7)', 'fd = accept(s)'],
  },
  'one-bit': {
    why: 'three events, not four',
    lines: ['@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)', '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@B event_poll(rp)', '@B event_poll(rp)'],
  },
  squeeze: { why: 'the request never reaches the ceiling: granted, not reduced', lines: ['policy(mem, 64)', '@A request(mem, 30)'] },
  'clean-exit': {
    why: 'B reads the message before D ends',
    lines: ['lpar_create("D", 16, 1)', '@D ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@D a = area(4096)', '@D send(ch, a, "bye")', '@B r = recv(chb)', 'lpar_end(D)', '@B recv(chb)'],
  },
  'map-and-fault': {
    why: 'the area is never sent back: no fault, and B never reads "OK"',
    lines: ['m = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)', '@B a = area(16)', '@B poke(a, "please")', '@B send(ch, a)', 'r = read(fd)', 'poke(r.addr, "OK")', 'peek(r.addr, 2)'],
  },
};

describe('near misses fail', () => {
  it('every challenge has one', () => {
    expect(Object.keys(NEAR_MISS).sort()).toEqual(CHALLENGES.map((c) => c.id).sort());
  });
  for (const [id, miss] of Object.entries(NEAR_MISS)) {
    it(`${id}: ${miss.why}`, () => {
      expect(runChallenge({ ...challenge(id), solution: miss.lines }).passed).toBe(false);
    });
  }

  it('the gatekeeper without a deny fails under any names', () => {
    const miss = NEAR_MISS.gatekeeper!.lines;
    const bound = boundNames(miss);
    fc.assert(
      fc.property(variation(bound.length), (v) => {
        const lines = retype(miss, bound, identifiers(miss), v, false, false);
        if (lines) expect(runChallenge({ ...challenge('gatekeeper'), solution: lines }).passed).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('a check that reads a name is one the narration asks for', () => {
  const cases = [
    ...LESSONS.flatMap((l) => l.steps.map((s, i) => ({ where: `${l.id} step ${i + 1}`, text: s.text, rules: s.check }))),
    ...CHALLENGES.map((c) => ({ where: `challenge ${c.id}`, text: c.goal, rules: c.check })),
  ];
  for (const c of cases) {
    it(c.where, () => {
      const missing = c.rules.flatMap(namesOf).filter((name) => !asksFor(c.text, name));
      expect(missing, 'names a check reads that the narration does not ask for').toEqual([]);
    });
  }
});
