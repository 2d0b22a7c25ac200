// Lessons cannot rot: every step's solution, played on a fresh lab, must pass
// every one of that step's checks.

import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog.js';
import { runChallenge, runSolution } from './lesson.js';
import { CHALLENGES } from './challenges.js';

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
