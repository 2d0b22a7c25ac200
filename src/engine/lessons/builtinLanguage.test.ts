// The page's build hands the engine each built-in lesson file in English only
// (issue 23; scripts/lessonTexts.ts) and the full files once a reader chooses
// Japanese. Here the catalog module is loaded the page's way (each data file
// replaced by its English-only text) to check that addBuiltinLanguage gives it
// the Japanese, keeps the English objects the page compares, and refuses a
// bad file without changing anything.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { textIn, validateLesson } from './format.js';
import { lessonToData } from './writeLesson.js';
import machine from './data/01-machine.lesson.json' with { type: 'json' };
import policy from './data/02-policy.lesson.json' with { type: 'json' };
import events from './data/03-events.lesson.json' with { type: 'json' };
import flip from './data/04-flip.lesson.json' with { type: 'json' };
import fault from './data/05-fault.lesson.json' with { type: 'json' };
import vfile from './data/06-vfile.lesson.json' with { type: 'json' };
import map from './data/07-map.lesson.json' with { type: 'json' };
import select from './data/08-select.lesson.json' with { type: 'json' };
import end from './data/09-end.lesson.json' with { type: 'json' };
import compare from './data/10-compare.lesson.json' with { type: 'json' };
import decide from './data/11-decide.lesson.json' with { type: 'json' };
import challenges from './data/challenges.lesson.json' with { type: 'json' };

// the engine's tests have no Node: the data files as the catalog imports them
const DATA: Record<string, unknown> = { '01-machine.lesson.json': machine, '02-policy.lesson.json': policy, '03-events.lesson.json': events, '04-flip.lesson.json': flip, '05-fault.lesson.json': fault, '06-vfile.lesson.json': vfile, '07-map.lesson.json': map, '08-select.lesson.json': select, '09-end.lesson.json': end, '10-compare.lesson.json': compare, '11-decide.lesson.json': decide, 'challenges.lesson.json': challenges };
const NAMES = Object.keys(DATA);
const full = (name: string): unknown => JSON.parse(JSON.stringify(DATA[name]));
const FULL: unknown[] = NAMES.map(full);

/** The catalog module as the page gets it: every built-in file in English only. */
async function pageCatalog() {
  vi.resetModules();
  for (const name of NAMES) {
    const read = validateLesson(full(name));
    if (!read.ok) throw new Error(`${name} is refused`);
    const english = lessonToData(textIn(read.file, 'en'));
    vi.doMock(`./data/${name}`, () => ({ default: english }));
  }
  return import('./catalog.js');
}

afterEach(() => {
  for (const name of NAMES) vi.doUnmock(`./data/${name}`);
  vi.resetModules();
});

describe('addBuiltinLanguage', () => {
  it('an English-only catalog has no Japanese until the full files are added; then it has it, with the same English objects', async () => {
    const c = await pageCatalog();
    const flipEn = c.findLessonIn('flip', 'en')!;
    expect(c.findLessonIn('flip', 'ja')).toBe(flipEn); // falls back to English
    expect(c.BUILTIN_FILES.every((f) => f.translations === undefined)).toBe(true);

    expect(c.addBuiltinLanguage(FULL)).toEqual({ ok: true, added: NAMES.length });

    const flipJa = c.findLessonIn('flip', 'ja')!;
    expect(flipJa).not.toBe(flipEn);
    expect(flipJa.title).toBe('ゲストからゲストへ: S101-S112とフリップ');
    expect(c.findLessonIn('flip', 'en')).toBe(flipEn);
    expect(c.findLesson('flip')).toBe(flipEn);
    expect(c.findLessonIn('flip', 'ja')).toBe(flipJa); // the same object each time
    expect(c.lessonsIn('ja').map((l) => l.id)).toEqual(c.LESSONS.map((l) => l.id));
    expect(c.challengesIn('ja').length).toBe(c.CHALLENGES.length);
    // every built-in file now as Node reads it: the same languages, the same words
    for (const [i, f] of c.BUILTIN_FILES.entries()) {
      const read = validateLesson(FULL.find((d) => (d as { id: string }).id === f.lesson.id));
      expect(read.ok && lessonToData(read.file), NAMES[i]).toEqual(lessonToData(f));
    }
    // adding them again changes nothing
    expect(c.addBuiltinLanguage(FULL)).toEqual({ ok: true, added: 0 });
    expect(c.findLessonIn('flip', 'ja')).toBe(flipJa);
  });

  it('a bad file is refused, named by its place, and no built-in file changes', async () => {
    const c = await pageCatalog();
    const before = [...c.BUILTIN_FILES];
    const flip = FULL.findIndex((d) => (d as { id: string }).id === 'flip');
    const bad = (d: unknown) => FULL.map((x, i) => (i === flip ? d : x));

    const noJa = JSON.parse(JSON.stringify(FULL[flip])) as { title: Record<string, string> };
    delete noJa.title.ja;
    const missing = c.addBuiltinLanguage(bad(noJa));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.field).toBe(`[${flip}].title`);

    const other = { ...(FULL[flip] as object), title: { en: 'Another title', ja: '別の題' } };
    const changed = c.addBuiltinLanguage(bad(other));
    expect(changed).toEqual({ ok: false, field: `[${flip}]`, message: 'its en words are not those of the built-in "flip" of this lab' });

    const unknown = c.addBuiltinLanguage([...FULL, { ...(FULL[flip] as object), id: 'nope' }]);
    expect(unknown).toEqual({ ok: false, field: `[${FULL.length}].id`, message: '"nope" is not a built-in lesson file' });

    expect(c.addBuiltinLanguage([null]).ok).toBe(false);
    expect(c.BUILTIN_FILES).toEqual(before);
    expect(c.BUILTIN_FILES.every((f, i) => f === before[i])).toBe(true);
    expect(c.findLessonIn('flip', 'ja')).toBe(c.findLessonIn('flip', 'en'));
  });
});
