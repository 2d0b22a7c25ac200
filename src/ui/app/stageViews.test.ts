import { describe, expect, it } from 'vitest';
import { findLesson, LESSONS } from '../../engine/index.ts';
import { stageViewsOf } from './stageViews.ts';

const step = (lesson: string, n: number) => findLesson(lesson)!.steps[n - 1];

describe('stageViewsOf', () => {
  it('puts Memory first, then Sequence, for every step of every lesson', () => {
    for (const lesson of LESSONS) for (const s of lesson.steps) expect(stageViewsOf(s).slice(0, 2)).toEqual(['memory', 'sequence']);
  });

  it('shows only Memory and Sequence for the flip, which uses no socket', () => {
    expect(stageViewsOf(step('flip', 4))).toEqual(['memory', 'sequence']);
  });

  it('adds the Sockets view where a step uses the socket calls', () => {
    const vfile = findLesson('vfile')!;
    expect(vfile.steps.some((s) => stageViewsOf(s).includes('sockets'))).toBe(true);
  });

  it('adds the Machine view where a step creates or limits a partition', () => {
    expect(stageViewsOf(step('machine', 3))).toContain('machine');
  });

  it('is only Memory and Sequence with no lesson open', () => {
    expect(stageViewsOf(undefined)).toEqual(['memory', 'sequence']);
  });
});
