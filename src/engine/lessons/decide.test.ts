// Lesson 11 ("The system control program decides") solved a second way, with
// other names, other sockets and the other decision: its checks read what the
// machine did (a request granted, one refused, the policy tightened), never
// which names the student chose or which guest won. And the near misses fail.

import { describe, expect, it } from 'vitest';
import { findLesson } from './catalog.js';
import type { Lesson } from './lesson.js';
import { runSolution, solutionOf } from './lesson.js';

const lesson = findLesson('decide')!;

function solvedWith(steps: readonly (readonly string[])[]): string[][] {
  const other: Lesson = { ...lesson, steps: lesson.steps.map((s, i) => ({ ...s, solution: steps[i]! })) };
  return runSolution(other).map(({ check, error }) => [
    ...check.results.filter((r) => !r.ok).map((r) => `${r.says}: ${r.why}`),
    ...(error ? [`${error.input} failed: ${error.errno} ${error.message}`] : []),
  ]);
}

describe('lesson 11: the system control program decides', () => {
  it('is the eleventh lesson, and its own solution passes every step', () => {
    expect(lesson.number).toBe(11);
    expect(solvedWith(lesson.steps.map((s) => solutionOf(s)))).toEqual(lesson.steps.map(() => []));
  });

  it('passes when solved another way: direct mapping, B first, B granted after raising the ceiling, A refused', () => {
    const failed = solvedWith([
      ['srv = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(srv, 12)', 'listen(srv)', '@B link = connect(12)', 'to_b = accept(srv)', '@A link = connect(12)', 'to_a = accept(srv)'],
      ['policy(mem, ask)', '@B request(mem, 40)', '@A request(mem, 30)'],
      ['got_b = read(to_b)', 'got_a = read(to_a)'],
      ['policy(mem, 40)', 'grant(got_b)', 'refuse(got_a.request, "A asks too often")'],
      ['policy(mem, auto)', 'policy(mem, 20)', '@A request(mem, 30)'],
    ]);
    expect(failed).toEqual([[], [], [], [], []]);
  });

  it('does not pass near misses: one guest asking, both granted, the ceiling still asked of the program', () => {
    const failed = solvedWith([
      ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fa = accept(s)'],
      ['policy(mem, ask)', '@A request(mem, 24)'],
      ['ra = read(fa)'],
      ['grant(ra)'],
      ['policy(mem, 32)', '@A request(mem, 40)'],
    ]);
    expect(failed[0]).toEqual(['accepted communication sockets to B >= 1: it is 0']);
    expect(failed[1]).toEqual(['B is suspended in request: B is running', 'the machine has done [0080] (resource.forward) 2 times: only 1 so far']);
    expect(failed[3]).toContain('the machine has done [0049] (resource.deny): no [0049] event yet');
    expect(failed[4]![0]).toBe("the policy's ceiling for mem <= 32, answered by the ceiling: the ceiling is 32 and requests are answered by the program itself");
  });
});
