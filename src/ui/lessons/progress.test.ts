import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from './progress.ts';
import {
  afterOtherTabSaved, clearProgress, EMPTY_PROGRESS, mergeProgress, parseProgressFile, PROGRESS_KEY, progressFile, saveProgress, withChallengeSolved, withStepPassed,
} from './progress.ts';

const KNOWN = { lessons: new Map([['flip', 6], ['fault', 4]]), challenges: new Set(['round-trip']) };
const parse = (text: string) => parseProgressFile(text, KNOWN);
const file = (lessons: unknown, challenges: unknown = []) => JSON.stringify({ format: 'lparlab-progress', version: 1, lessons, challenges });

describe('progress files', () => {
  it('round-trip what a student passed', () => {
    const p = withChallengeSolved(withStepPassed(withStepPassed(EMPTY_PROGRESS, 'flip', 2), 'flip', 0), 'round-trip');
    expect(parse(progressFile(p))).toEqual({ ok: true, progress: { lessons: { flip: [0, 2] }, challenges: ['round-trip'] } });
  });

  it("keeps a teacher's own lesson and challenge, under ~ and their ids", () => {
    const p = withChallengeSolved(withStepPassed(EMPTY_PROGRESS, '~my-flip', 1), '~my-exam');
    expect(parse(progressFile(p))).toEqual({ ok: true, progress: { lessons: { '~my-flip': [1] }, challenges: ['~my-exam'] } });
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
    ['a step the lesson does not have', file({ flip: [99] }), /step 100 of lesson flip, which has 6 steps/],
    ['a step one past the end', file({ flip: [0, 6] }), /step 7 of lesson flip/],
    ['a lesson named __proto__', file(JSON.parse('{"__proto__": [1]}')), /unknown lesson/],
  ])('refuse %s with a message', (_what, text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toMatch(/unchanged/);
  });
});

/** A localStorage that keeps items in a map, or refuses to store as a full or blocked one does. */
function fakeStorage(refuse: string | null = null) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse) throw Object.assign(new Error(refuse), { name: refuse });
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
  vi.stubGlobal('window', { localStorage: storage });
  return items;
}

afterEach(() => vi.unstubAllGlobals());

const stored = (items: Map<string, string>): Progress => {
  const result = parse(items.get(PROGRESS_KEY) ?? '');
  if (!result.ok) throw new Error(result.message);
  return result.progress;
};

describe('saving progress', () => {
  it('stores the union again when another tab saved over ticks it had not seen yet', () => {
    const items = fakeStorage();
    const ours = withChallengeSolved(withStepPassed(EMPTY_PROGRESS, 'fault', 0), 'round-trip');
    const theirs = withStepPassed(withStepPassed(EMPTY_PROGRESS, 'flip', 0), 'flip', 1);
    items.set(PROGRESS_KEY, progressFile(theirs)); // their write landed over ours
    const after = afterOtherTabSaved(ours, theirs, KNOWN);
    const union = { lessons: { fault: [0], flip: [0, 1] }, challenges: ['round-trip'] };
    expect(after).toEqual({ ok: true, progress: union });
    expect(stored(items)).toEqual(union);
  });

  it('takes in what another tab stored without writing when it already holds all of ours', () => {
    const items = fakeStorage();
    const ours = withStepPassed(EMPTY_PROGRESS, 'flip', 0);
    const theirs = withStepPassed(ours, 'flip', 1);
    expect(afterOtherTabSaved(ours, theirs, KNOWN)).toEqual({ ok: true, progress: theirs });
    expect(items.size).toBe(0); // nothing written, so two tabs do not echo each other forever
  });

  it('merges with what another tab saved meanwhile, so neither loses a tick', () => {
    const items = fakeStorage();
    const tabOne = withStepPassed(EMPTY_PROGRESS, 'flip', 0);
    const tabTwo = withChallengeSolved(withStepPassed(EMPTY_PROGRESS, 'flip', 3), 'round-trip');
    expect(saveProgress(tabTwo, KNOWN).ok).toBe(true);
    const saved = saveProgress(tabOne, KNOWN);
    expect(saved).toEqual({ ok: true, progress: { lessons: { flip: [0, 3] }, challenges: ['round-trip'] } });
    expect(stored(items)).toEqual(saved.progress);
  });

  it.each([
    ['full', 'QuotaExceededError', /storage for this site is full/],
    ['blocked', 'SecurityError', /does not let this page store anything/],
  ])('says so when storage is %s, and keeps the progress for this visit', (_what, error, why) => {
    fakeStorage(error);
    const progress = withStepPassed(EMPTY_PROGRESS, 'fault', 1);
    const saved = saveProgress(progress, KNOWN);
    expect(saved).toEqual({ ok: false, progress, message: expect.stringMatching(why) });
    expect(!saved.ok && saved.message).toMatch(/not saved.*export it/);
  });

  it('forgets the stored progress only when asked to clear it', () => {
    const items = fakeStorage();
    saveProgress(withStepPassed(EMPTY_PROGRESS, 'flip', 2), KNOWN);
    expect(clearProgress()).toEqual({ ok: true, progress: EMPTY_PROGRESS });
    expect(items.has(PROGRESS_KEY)).toBe(false);
  });
});

describe('merging progress', () => {
  it('keeps every step and challenge of both, each once, in order', () => {
    const a = { lessons: { flip: [0, 2] }, challenges: ['round-trip'] };
    const b = { lessons: { flip: [1, 2], fault: [0] }, challenges: ['round-trip'] };
    expect(mergeProgress(a, b)).toEqual({ lessons: { flip: [0, 1, 2], fault: [0] }, challenges: ['round-trip'] });
  });
});
