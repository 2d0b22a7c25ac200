import { describe, expect, it } from 'vitest';
import { EXERCISE_KINDS, generateExercise } from './exercises.js';

describe('the exercise generator', () => {
  it('gives the same exercise for the same seed, and varies with the seed', () => {
    for (const kind of EXERCISE_KINDS) {
      expect(generateExercise(kind, 5)).toEqual(generateExercise(kind, 5));
      const answers = new Set(Array.from({ length: 30 }, (_, s) => `${generateExercise(kind, s).script.join()}`));
      expect(answers.size).toBeGreaterThan(5);
    }
  });

  it('asks who owns a frame, with every kind of answer across seeds', () => {
    const answers = new Set(Array.from({ length: 60 }, (_, s) => generateExercise('owner', s).answer));
    expect(answers).toEqual(new Set(['A', 'B', 'free memory']));
  });

  it("cites the lab's free, not S109, for an area that was never sent (S109 is the receiver's discard)", () => {
    const whys = Array.from({ length: 60 }, (_, s) => generateExercise('owner', s).why);
    const unsentFreed = whys.filter((w) => w.includes('was never sent, and A freed it'));
    expect(unsentFreed.length).toBeGreaterThan(0);
    for (const why of unsentFreed) expect(why).toMatch(/lab:free: S109 is the receiver's discard/);
  });

  it('asks what select returns, including blocking', () => {
    const answers = new Set(Array.from({ length: 80 }, (_, s) => generateExercise('select', s).answer));
    expect([...answers].some((a) => a.includes('blocks'))).toBe(true);
    expect([...answers].some((a) => a.includes('s1'))).toBe(true);
  });
});
