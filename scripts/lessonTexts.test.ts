// The page's English-only built-in lessons (issue 23) must be exactly the
// English the full files hold, and valid lesson files themselves.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textIn, validateLesson } from '../src/engine/lessons/format.ts';
import { firstLanguageOnly, LESSON_DATA_DIR } from './lessonTexts.ts';

const NAMES = readdirSync(LESSON_DATA_DIR).filter((f) => f.endsWith('.lesson.json'));

describe('firstLanguageOnly', () => {
  it('there are built-in files to project', () => expect(NAMES.length).toBeGreaterThanOrEqual(12));

  for (const name of NAMES) {
    it(`${name}: English only, valid, and the same English as the full file`, () => {
      const data = JSON.parse(readFileSync(join(LESSON_DATA_DIR, name), 'utf8')) as unknown;
      const full = validateLesson(data);
      const page = validateLesson(firstLanguageOnly(data));
      if (!full.ok || !page.ok) throw new Error(`${name} refused`);
      expect(full.file.languages).toEqual(['en', 'ja']);
      expect(page.file.languages).toEqual(['en']);
      expect(page.file.translations).toBeUndefined();
      expect({ lesson: page.file.lesson, challenges: page.file.challenges }).toEqual(textIn(full.file, 'en'));
      // no Japanese left: kana or kanji
      expect(JSON.stringify(firstLanguageOnly(data))).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    });
  }

  it('a file that declares one language or none is left as it is', () => {
    const v1 = { format: 'lparlab-lesson', version: 1, id: 'x', title: { en: 'kept as written' } };
    expect(firstLanguageOnly(v1)).toBe(v1);
    const one = { ...v1, version: 2, languages: ['en'] };
    expect(firstLanguageOnly(one)).toBe(one);
  });

  it('only objects made of declared languages and strings are texts', () => {
    const data = { languages: ['en', 'ja'], title: { en: 'A', ja: 'あ' }, checks: [{ rule: 'tag', tag: 'S101' }], odd: { en: 'A', fr: 'B' }, nested: { en: 1 } };
    expect(firstLanguageOnly(data)).toEqual({ languages: ['en'], title: 'A', checks: [{ rule: 'tag', tag: 'S101' }], odd: { en: 'A', fr: 'B' }, nested: { en: 1 } });
  });
});
