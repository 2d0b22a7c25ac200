// Lessons cannot rot: every step's solution, played on a fresh lab, must pass
// every one of that step's checks. Checks are fair: each challenge is also
// solved a second, different way, and a step met once stays met when the
// student types ahead.

import { describe, expect, it } from 'vitest';
import { CHALLENGES, LESSONS } from './catalog.js';
import { checkStep, runChallenge, runSolution } from './lesson.js';
import { createShell, runLine } from '../shell/shell.js';
import type { Output } from '../shell/shell.js';
import { checkRule } from './checkRule.js';


describe('lessons', () => {
  it('there are at least ten, numbered in order, each with steps', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
    LESSONS.forEach((l, i) => {
      expect(l.number).toBe(i + 1);
      expect(l.steps.length).toBeGreaterThan(0);
    });
  });

  for (const lesson of LESSONS) {
    it(`lesson ${lesson.number} (${lesson.id}): the solution passes every check`, () => {
      for (const { step, check } of runSolution(lesson)) {
        const failed = check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`);
        expect(failed, `step ${step + 1}: ${lesson.steps[step]!.title}`).toEqual([]);
      }
    });
  }

  it('a check fails, naming the rule, when the step was not done', () => {
    const lesson = LESSONS.find((l) => l.id === 'flip')!;
    const skipped = { ...lesson, steps: [{ ...lesson.steps[3]!, solution: ['@A frames_free()'] }] };
    const { check } = runSolution(skipped)[0]!;
    expect(check.passed).toBe(false);
    expect(check.results.filter((r) => !r.ok).map((r) => r.says)).toContain('the machine has done S107 (area.flip)');
  });
});

describe('challenges', () => {
  it('there are at least five', () => expect(CHALLENGES.length).toBeGreaterThanOrEqual(5));
  for (const challenge of CHALLENGES) {
    it(`${challenge.id}: the solution meets the goal`, () => {
      const check = runChallenge(challenge);
      expect(check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`)).toEqual([]);
    });
    it(`${challenge.id}: doing nothing does not meet it`, () => {
      expect(runChallenge({ ...challenge, solution: [] }).passed).toBe(false);
    });
  }
});

/** The goal, reached another way than the solution in the file: checks must test the goal, not one path to it. */
const SECOND_WAY: Record<string, readonly string[]> = {
  // service 12, a bigger area, and an answer that only contains "ok"
  'round-trip': [
    'srv = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(srv, 12)', 'listen(srv)', '@A c = connect(12)', 'f = accept(srv)',
    '@A m = area(8192)', '@A send(c, m, "hi")', 'got = read(f)', 'file = open(got.vfile)', 'write(file, "all ok")', 'close(file)',
    'write(f, got.vfile)', '@A reply = recv(c)', '@A peek(reply.addr, 6)',
  ],
  // A connects and is accepted first; B is denied afterwards
  gatekeeper: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)', 'deny(s, B)', '@B connect(7)'],
  // five events instead of four
  'one-bit': [
    '@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)',
    '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@B event_poll(rp)', '@B event_poll(rp)',
  ],
  // "a guest": B this time
  squeeze: ['policy(mem, 30)', '@B request(mem, 40)'],
  // a bigger D and an 8 KiB message
  'clean-exit': [
    'lpar_create("D", 24, 1)', '@D ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@D a = area(8192)',
    '@D send(ch, a, "bye")', 'lpar_end(D)', '@B r = recv(chb)', '@B recv(chb)',
  ],
  // service 3, the fault by a write rather than a read
  'map-and-fault': [
    'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 3)', 'listen(m)', '@B ch = connect(3)', 'fd = accept(m)',
    '@B a = area(4096)', '@B poke(a, "please")', '@B send(ch, a)', 'r = read(fd)', 'poke(r.addr, "OKAY")', 'write(fd, r.addr)',
    'poke(r.addr, "no")', '@B r2 = recv(ch)', '@B peek(r2.addr, 4)',
  ],
};

describe('challenges are fair', () => {
  it('every challenge has a second way to solve it', () => {
    expect(Object.keys(SECOND_WAY).sort()).toEqual(CHALLENGES.map((c) => c.id).sort());
  });
  for (const challenge of CHALLENGES) {
    it(`${challenge.id}: a different solution meets the goal too`, () => {
      const other = SECOND_WAY[challenge.id]!;
      expect(other).not.toEqual(challenge.solution);
      const check = runChallenge({ ...challenge, solution: other });
      expect(check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`)).toEqual([]);
    });
  }

  it('the squeeze is not met by a request that was granted in full', () => {
    const squeeze = CHALLENGES.find((c) => c.id === 'squeeze')!;
    expect(runChallenge({ ...squeeze, solution: ['@B request(mem, 30)'] }).passed).toBe(false);
  });
});

describe('typing ahead', () => {
  it('a step met once stays met after the student types the next step too', () => {
    const flip = LESSONS.find((l) => l.id === 'flip')!;
    // step 1 wants A suspended in connect; typing step 2 as well releases A
    const ahead = { ...flip, steps: [{ ...flip.steps[0]!, solution: [...flip.steps[0]!.type, ...flip.steps[1]!.type] }] };
    expect(runSolution(ahead)[0]!.check.passed).toBe(true);
    // checked only at the end, A is no longer waiting: the latch is what keeps the step met
    let shell = createShell();
    const outputs: Output[] = [];
    for (const line of ahead.steps[0]!.solution) {
      const ran = runLine(shell, line);
      shell = ran.shell;
      outputs.push(...ran.out);
    }
    expect(checkStep(flip.steps[0]!.check, shell, outputs, 0).passed).toBe(false);
  });
});

describe('rules for picking', () => {
  it('frame owner and open fd say what the machine holds', () => {
    let shell = createShell();
    const outputs: Output[] = [];
    for (const line of ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "hi")', 's = socket(AF_LPAR, SOCK_SEQPACKET)']) {
      const ran = runLine(shell, line);
      shell = ran.shell;
      outputs.push(...ran.out);
    }
    const state = shell.timeline.current;
    const area = Object.values(state.areas).find((a) => a.kind === 'message')!;
    const frame = area.frames[0]!;
    const c = { shell, outputs, since: 0 };
    expect(checkRule({ kind: 'owner', frame, ctx: 'B' }, c)).toMatchObject({ ok: true, says: `frame ${frame} is owned by B` });
    expect(checkRule({ kind: 'owner', frame, ctx: 'A' }, c)).toMatchObject({ ok: false, why: 'B owns it' });
    expect(checkRule({ kind: 'owner', frame: 1 << 19, ctx: 'A' }, c).ok).toBe(false);
    const fd = Number(Object.keys(state.kernel.fds)[0]);
    expect(checkRule({ kind: 'fd', fd, open: true }, c).ok).toBe(true);
    expect(checkRule({ kind: 'fd', fd: fd + 1, open: true }, c)).toMatchObject({ ok: false, why: `there is no fd ${fd + 1}` });
  });
});
