import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Progress } from './progress.ts';
import type { Said } from '../share/linkFields.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { englishIn } from '../../i18n/englishIn.ts';
import {
  afterOtherTabSaved, clearProgress, EMPTY_PROGRESS, loadProgress, mergeProgress, parseProgressFile, PROGRESS_KEY, progressFile, readStoredProgress,
  saveProgress, SET_ASIDE_KEY, SET_ASIDE_PLACES, withChallengeSolved, withStepPassed,
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

/** A localStorage that keeps items in a map, or refuses to store (under `only` that key, or any) as a full or blocked one does. */
function fakeStorage(refuse: string | null = null, only: ((key: string) => boolean) | null = null) {
  const items = new Map<string, string>();
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse && (only === null || only(k))) throw Object.assign(new Error(refuse), { name: refuse });
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
    expect(saved).toMatchObject({ ok: false, progress, message: expect.stringMatching(why) });
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

// issue 18: one unreadable entry in stored progress dropped all of it, and the next tick wrote over it
describe('stored progress with parts this lab cannot read', () => {
  it.each([
    ['an unknown lesson', file({ flip: [0, 2], 'next-year': [1] }, ['round-trip']), { lessons: { flip: [0, 2] }, challenges: ['round-trip'] }, /a lesson this lab does not have, "next-year"/],
    ['a step past a lesson\'s end', file({ flip: [0, 6, 99], fault: [1] }), { lessons: { flip: [0], fault: [1] }, challenges: [] }, /2 steps of lesson flip that it does not have \(it has 6\)/],
    ['steps that are not a list', file({ flip: 'all', fault: [3] }), { lessons: { fault: [3] }, challenges: [] }, /lesson flip, which are not a list/],
    ['an unknown challenge', file({ fault: [0] }, ['round-trip', 'win', 7]), { lessons: { fault: [0] }, challenges: ['round-trip'] }, /a challenge this lab does not have, "win".*7/],
    ['a lesson named __proto__', file(JSON.parse('{"__proto__": [1], "flip": [1]}')), { lessons: { flip: [1] }, challenges: [] }, /"__proto__"/],
    ['JSON cut short', file({ flip: [0, 2] }).slice(0, 60), EMPTY_PROGRESS, /not JSON, perhaps cut short/],
    ['a future version', JSON.stringify({ format: 'lparlab-progress', version: 2, lessons: { flip: [0] }, challenges: [] }), EMPTY_PROGRESS, /version 2, and this lab reads version 1/],
  ])('keeps what can be read around %s', (_what, raw, progress, unread) => {
    const read = readStoredProgress(raw, KNOWN);
    expect(read.progress).toEqual(progress);
    expect(read.unread.map((u) => u.message).join('; ')).toMatch(unread);
  });

  it('reads all of what it wrote itself', () => {
    const p = withChallengeSolved(withStepPassed(EMPTY_PROGRESS, '~mine', 3), 'round-trip');
    expect(readStoredProgress(progressFile(p), KNOWN)).toEqual({ progress: p, unread: [] });
  });

  it('loads the rest, keeps a copy of what was stored, and says where', () => {
    const items = fakeStorage();
    const raw = file({ flip: [0, 2], 'next-year': [1] });
    items.set(PROGRESS_KEY, raw);
    const loaded = loadProgress(KNOWN);
    expect(loaded.progress).toEqual({ lessons: { flip: [0, 2] }, challenges: [] });
    expect(items.get(SET_ASIDE_KEY)).toBe(raw);
    expect(loaded.setAside).toMatchObject({ copy: SET_ASIDE_KEY, message: expect.stringMatching(/^Part of the progress stored in this browser could not be read \(the steps of a lesson this lab does not have, "next-year"\); the rest is loaded\. A copy of it as it was stored is kept under "lparlab\.progress\.unreadable"/) });
    // read again (a reload): the same copy, not a second one
    expect(loadProgress(KNOWN).setAside?.copy).toBe(SET_ASIDE_KEY);
    expect(items.size).toBe(2);
  });

  it('keeps every readable tick when the next tick is saved, and the copy of the rest', () => {
    const items = fakeStorage();
    const raw = file({ flip: [0, 2], fault: [9], 'next-year': [1] }, ['round-trip']);
    items.set(PROGRESS_KEY, raw);
    const saved = saveProgress(withStepPassed(EMPTY_PROGRESS, 'flip', 1), KNOWN);
    const kept = { lessons: { flip: [0, 1, 2] }, challenges: ['round-trip'] };
    expect(saved).toMatchObject({ ok: true, progress: kept, setAside: { copy: SET_ASIDE_KEY } });
    expect(stored(items)).toEqual(kept);
    expect(items.get(SET_ASIDE_KEY)).toBe(raw);
  });

  it('writes over JSON cut short only after keeping a copy of it', () => {
    const items = fakeStorage();
    const raw = file({ flip: [0, 2] }).slice(0, 60);
    items.set(PROGRESS_KEY, raw);
    const saved = saveProgress(withStepPassed(EMPTY_PROGRESS, 'fault', 0), KNOWN);
    expect(saved).toMatchObject({ ok: true, setAside: { message: expect.stringMatching(/^The progress stored in this browser could not be read \(it is not JSON, perhaps cut short\)/) } });
    expect(stored(items)).toEqual({ lessons: { fault: [0] }, challenges: [] });
    expect(items.get(SET_ASIDE_KEY)).toBe(raw);
  });

  it('never writes over an earlier copy: a second one goes to the next place', () => {
    const items = fakeStorage();
    items.set(SET_ASIDE_KEY, 'an older copy');
    items.set(PROGRESS_KEY, '{"format": "lparlab-progress"');
    expect(saveProgress(EMPTY_PROGRESS, KNOWN)).toMatchObject({ ok: true, setAside: { copy: `${SET_ASIDE_KEY}.2` } });
    expect(items.get(SET_ASIDE_KEY)).toBe('an older copy');
    expect(items.get(`${SET_ASIDE_KEY}.2`)).toBe('{"format": "lparlab-progress"');
  });

  it.each([
    ['storage refuses the copy', () => fakeStorage('QuotaExceededError', (k) => k !== PROGRESS_KEY), /storage for this site is full/],
    ['every place for a copy is taken', () => {
      const items = fakeStorage();
      for (let place = 1; place <= SET_ASIDE_PLACES; place++) items.set(place === 1 ? SET_ASIDE_KEY : `${SET_ASIDE_KEY}.${place}`, `copy ${place}`);
      return items;
    }, /9 places for such copies are all taken/],
  ])('leaves stored progress it cannot read as it is when %s', (_what, storage, why) => {
    const items = storage();
    const raw = file({ flip: [0], 'next-year': [1] });
    items.set(PROGRESS_KEY, raw);
    const loaded = loadProgress(KNOWN);
    expect(loaded.progress).toEqual({ lessons: { flip: [0] }, challenges: [] });
    expect(loaded.setAside).toMatchObject({ copy: null, message: expect.stringMatching(why) });
    expect(loaded.setAside?.message).toMatch(/left as it is and what you pass now counts for this visit only; export your progress/);
    const progress = withStepPassed(loaded.progress, 'flip', 1);
    expect(saveProgress(progress, KNOWN)).toMatchObject({ ok: false, progress, message: expect.stringMatching(/not saved: .* no copy of them could be kept, so it is not written over/) });
    expect(items.get(PROGRESS_KEY)).toBe(raw);
  });
});

// issue 23: what the page says when storage fails or stored progress is not
// all read is in the reader's language: the English catalog says exactly the
// sentence, and Japanese leaves no English but the stored file's own names
// (lesson ids, the key the copy is kept under) and JSON.
describe('storage troubles in the reader\'s language', () => {
  const ja = makeTranslate('ja', readCatalog('ja'));
  const inEveryLanguage = (what: Said, kept = '') => {
    expect(wordsIn(translateEnglish, what.words)).toBe(what.message);
    expect(englishIn(wordsIn(ja, what.words), `JSON ${kept}`)).toEqual([]);
  };

  it.each([
    ['an unknown lesson and challenge, and steps past the end', file({ flip: [0, 6, 99], 'next-year': [1], fault: 'all' }, ['win', 7]), 'next-year win flip fault'],
    ['a step past the end', file({ flip: [9] }), 'flip'],
    ['lessons and challenges of the wrong shape', JSON.stringify({ format: 'lparlab-progress', version: 1, lessons: [], challenges: {} }), ''],
    ['JSON cut short', file({ flip: [0] }).slice(0, 30), ''],
    ['not an object', '[1]', ''],
    ['another format', JSON.stringify({ format: 'x' }), 'x'],
    ['a future version', JSON.stringify({ format: 'lparlab-progress', version: 2 }), ''],
  ])('stored progress with %s: each reason, and the banner with its copy kept or not', (_what, raw, kept) => {
    const read = readStoredProgress(raw, KNOWN);
    expect(read.unread.length).toBeGreaterThan(0);
    for (const reason of read.unread) inEveryLanguage(reason, kept);
    const items = fakeStorage();
    items.set(PROGRESS_KEY, raw);
    const loaded = loadProgress(KNOWN);
    inEveryLanguage(loaded.setAside!, `${kept} ${SET_ASIDE_KEY}`);
    // every place for a copy taken: none is kept, and the banner says why
    for (let place = 1; place <= SET_ASIDE_PLACES; place++) items.set(place === 1 ? SET_ASIDE_KEY : `${SET_ASIDE_KEY}.${place}`, `copy ${place}`);
    const none = loadProgress(KNOWN).setAside!;
    expect(none.copy).toBeNull();
    inEveryLanguage(none, kept);
    const refused = saveProgress(EMPTY_PROGRESS, KNOWN);
    if (refused.ok) throw new Error('saved over progress it could not copy');
    inEveryLanguage(refused);
  });

  it.each([['QuotaExceededError'], ['SecurityError'], ['InvalidStateError']])('a save and a clear refused with %s', (error) => {
    fakeStorage(error);
    const saved = saveProgress(withStepPassed(EMPTY_PROGRESS, 'fault', 1), KNOWN);
    if (saved.ok) throw new Error('saved');
    inEveryLanguage(saved);
    vi.stubGlobal('window', { localStorage: { removeItem: () => { throw Object.assign(new Error(error), { name: error }); } } });
    const cleared = clearProgress();
    if (cleared.ok) throw new Error('cleared');
    inEveryLanguage(cleared);
  });
});
