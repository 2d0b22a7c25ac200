import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, parseProgressFile, progressFile, withChallengeSolved, withStepPassed } from './progress.ts';

const LESSONS = new Set(['flip', 'fault']);
const CHALLENGES = new Set(['round-trip']);
const parse = (text: string) => parseProgressFile(text, LESSONS, CHALLENGES);

describe('progress files', () => {
  it('round-trip what a student passed', () => {
    const p = withChallengeSolved(withStepPassed(withStepPassed(EMPTY_PROGRESS, 'flip', 2), 'flip', 0), 'round-trip');
    expect(parse(progressFile(p))).toEqual({ ok: true, progress: { lessons: { flip: [0, 2] }, challenges: ['round-trip'] } });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['a JSON array', '[]', /not a JSON object/],
    ['a foreign JSON file', '{"name": "package"}', /format/],
    ['a future version', '{"format": "lparlab-progress", "version": 9, "lessons": {}, "challenges": []}', /version 9/],
    ['an unknown lesson', '{"format": "lparlab-progress", "version": 1, "lessons": {"<img src=x>": [1]}, "challenges": []}', /unknown lesson/],
    ['steps that are not numbers', '{"format": "lparlab-progress", "version": 1, "lessons": {"flip": ["x"]}, "challenges": []}', /not step numbers/],
    ['an unknown challenge', '{"format": "lparlab-progress", "version": 1, "lessons": {}, "challenges": ["win"]}', /not known challenges/],
    ['a huge file', 'x'.repeat(70000), /too large/],
  ])('refuse %s with a message', (_what, text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(/unchanged/);
  });
});
