// A lesson opened in the builder and exported again loses nothing the
// builder does not edit: its challenges, realWorld, number, hints past the
// second, and lines to type kept apart from the solution (issue 18 §5).

import { describe, expect, it } from 'vitest';
import type { LessonFile } from '../../engine/index.ts';
import { BUILTIN_FILES, createShell, lessonFileText, parseLessonFile, textIn } from '../../engine/index.ts';
import type { Draft } from './draft.ts';
import { draftFile, draftOf, emptyDraft, EMPTY_WORDS, missingOf, withSecond } from './draft.ts';
import { useBuilder } from './builderStore.ts';
import { useLab } from '../store/labStore.ts';
import { useLanguage } from '../app/language.ts';
import { englishIn } from '../../i18n/englishIn.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';

describe('the builder keeps what it does not edit', () => {
  it.each(BUILTIN_FILES.filter((f) => f.lesson.steps.length > 0).map((f) => [f.lesson.id, f] as const))('%s: opened and exported, the same file', (_, file) => {
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file).toEqual(file);
  });

  it('a lesson\'s tags choice is kept, and the builder sets or clears it (issue 19 §4)', () => {
    const flip = BUILTIN_FILES.find((f) => f.lesson.id === 'flip')!;
    for (const tags of ['patent', 'steps', 'none'] as const) {
      const file: LessonFile = { ...flip, lesson: { ...flip.lesson, tags } };
      const draft = draftOf(file);
      expect(draft.tags).toBe(tags);
      const made = draftFile(draft);
      expect(made.ok && made.file.lesson.tags).toBe(tags);
      // "as each reader has them": the file says nothing
      const cleared = draftFile({ ...draft, tags: null });
      expect(cleared.ok && 'tags' in cleared.file.lesson).toBe(false);
    }
    const set = draftFile({ ...draftOf(flip), tags: 'none' });
    expect(set.ok && set.file.lesson.tags).toBe('none');
  });

  it('a lesson with challenges and realWorld keeps them', () => {
    const flip = BUILTIN_FILES.find((f) => f.lesson.id === 'flip')!;
    const challenges = BUILTIN_FILES.find((f) => f.lesson.id === 'challenges')!.challenges;
    const file: LessonFile = { lesson: flip.lesson, challenges };
    expect(file.lesson.realWorld).toBeDefined();
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file.challenges).toEqual(challenges);
    expect(made.ok && made.file.lesson.realWorld).toBe(flip.lesson.realWorld);
  });

  it('a teacher\'s step with three hints and lines apart from its solution keeps both', () => {
    const read = parseLessonFile(JSON.stringify({
      format: 'lparlab-lesson', version: 1, id: 'mine', title: 'Mine', figures: 'Fig. 5', summary: 'S',
      steps: [{ title: 'T', narration: 'N', lines: ['@A x = area(64)'], solution: ['@A x = area(64)', '@A poke(x, "hi")'], checks: [{ rule: 'tag', tag: 'S105' }], hints: ['one', 'two', 'three'] }],
    }));
    expect(read.ok).toBe(true);
    const file = (read as { file: LessonFile }).file;
    const made = draftFile(draftOf(file));
    expect(made.ok && made.file).toEqual(file);
  });
});

describe('a lesson in two languages in the builder (issue 23)', () => {
  // the built-in flip is in English and Japanese: these tests add the second language to its English alone
  const flip = textIn(BUILTIN_FILES.find((f) => f.lesson.id === 'flip')!, 'en');

  /** The flip lesson with Japanese words for everything the builder checks, the rest left for the first language's. */
  function inJapanese(): Draft {
    const draft = withSecond(draftOf(flip), 'ja');
    return {
      ...draft,
      second: {
        ...draft.second!,
        title: 'フリップ',
        steps: draft.steps.map((s, i) => ({ ...EMPTY_WORDS, title: `ステップ${i + 1}`, narration: `説明${i + 1}`, hints: [`考え方${i + 1}`, ''], ask: s.ask ? '質問' : '', answer: s.answer ? '答え' : '' })),
      },
    };
  }

  it('adding a language leaves its words to write, and the builder names each one missing in that language', () => {
    const draft = withSecond(draftOf(flip), 'ja');
    expect(draft.languages).toEqual(['en', 'ja']);
    expect(draft.second!.steps).toHaveLength(draft.steps.length);
    const missing = missingOf(draft);
    expect(missing[0]).toEqual({ key: 'builder.missing.title.second', values: { lang: '日本語' } });
    expect(missing).toContainEqual({ key: 'builder.missing.narration.second', values: { n: 3, lang: '日本語' } });
    expect(missingOf(inJapanese())).toEqual([]);
  });

  it('writes version 2 with both languages: the reader of each sees their words, the same lines and checks', () => {
    const made = draftFile(inJapanese());
    if (!made.ok) throw new Error(made.message);
    const file = made.file;
    expect(file.languages).toEqual(['en', 'ja']);
    const ja = textIn(file, 'ja').lesson;
    expect(ja.title).toBe('フリップ');
    expect(ja.steps[2]!.text).toBe('説明3');
    // left empty in Japanese: the figures and the hint that is a line are the first language's
    expect(ja.figure).toBe(flip.lesson.figure);
    expect(ja.steps[2]!.hints[1]).toBe(flip.lesson.steps[2]!.hints[1]);
    expect(textIn(file, 'en').lesson).toEqual(flip.lesson);
    expect(lessonFileText(file)).toMatch(/"version": 2,\n {2}"languages": \["en", "ja"\]/);
    // opened again, the builder shows both columns as they were written
    const again = draftFile(draftOf(file));
    expect(again.ok && again.file).toEqual(file);
  });

  it('removing the second language writes the one-language file again', () => {
    const made = draftFile(withSecond(inJapanese(), null));
    expect(made.ok && made.file).toEqual(flip);
  });

  it('a new lesson is written first in the teacher\'s language', () => {
    expect(emptyDraft('ja').languages).toEqual(['ja']);
    expect(emptyDraft('xx').languages).toEqual(['en']);
    const own = draftFile({ ...draftOf(flip), languages: ['ja'] });
    expect(own.ok && own.file.languages).toEqual(['ja']);
  });

  it('figures left empty say "a teacher\'s lesson" in each language the page can say it in, and the notes read in the page\'s language', () => {
    const ja = makeTranslate('ja', readCatalog('ja'));
    const bare = { ...draftOf(flip), figures: '' };
    const english = draftFile(bare);
    expect(english.ok && english.file.lesson.figure).toBe('a teacher\'s lesson');
    try {
      useLanguage.setState({ lang: 'ja', t: ja });
      // a Japanese teacher's lesson in Japanese alone, then with English beside it
      const own = draftFile({ ...bare, languages: ['ja'] });
      expect(own.ok && own.file.lesson.figure).toBe(ja('builder.figures.none'));
      const two = withSecond({ ...bare, languages: ['ja'] }, 'en');
      const steps = bare.steps.map((st) => ({ ...EMPTY_WORDS, title: st.title, narration: st.narration, hints: st.hints, ask: st.ask, answer: st.answer }));
      const both = draftFile({ ...two, second: { ...two.second!, title: 'Flip', figures: '', steps } });
      if (!both.ok) throw new Error(both.message);
      expect(textIn(both.file, 'ja').lesson.figure).toBe(ja('builder.figures.none'));
      expect(textIn(both.file, 'en').lesson.figure).toBe('a teacher\'s lesson');
      // the terminal's notes as the builder replaces the lab
      useLab.getState().replaceShell(createShell());
      useBuilder.getState().begin();
      const notes = [...useLab.getState().notice!.lines];
      useBuilder.getState().begin(flip);
      notes.push(...useLab.getState().notice!.lines);
      expect(notes.length).toBe(2);
      expect(notes.flatMap((l) => englishIn(l))).toEqual([]);
    } finally {
      useLanguage.setState({ lang: 'en', t: translateEnglish });
    }
    expect(englishIn(ja('builder.figures.none'))).toEqual([]);
  });

  it('a step added or removed keeps the second language\'s words beside the right step', () => {
    useLab.getState().replaceShell(createShell());
    const b = () => useBuilder.getState();
    b().begin(flip);
    b().setSecondLanguage('ja');
    b().selectStep(1);
    b().setSecondStep({ title: '二番目' });
    b().addStep();
    expect(b().draft!.second!.steps).toHaveLength(flip.lesson.steps.length + 1);
    b().selectStep(0);
    b().removeStep();
    expect(b().draft!.second!.steps[0]!.title).toBe('二番目');
    expect(b().draft!.steps[0]!.title).toBe(flip.lesson.steps[1]!.title);
  });
});
