// A lesson being written in the builder, apart from the page: the draft's
// shape, a lesson file read into a draft (`draftOf`) and a draft made a
// lesson file through the validator (`draftFile`), so what the builder makes
// is exactly what a student's page will accept; and what a draft still needs
// (`missingOf`). A file opened in the builder keeps every field the builder
// does not edit (its challenges, realWorld, number, hints past the second,
// lines to type that differ from the solution): exporting it again loses
// nothing (issue 18). A lesson may have its words in two languages (format
// version 2, issue 23): the first language's words are the draft's own
// fields, the second's are `second`, edited beside them; lines and checks are
// written once.

import type { Challenge, Lesson, LessonFile, LessonLanguage, LessonText, Rule, TagStyle } from '../../engine/index.ts';
import { isLessonLanguage, languagesOf, LESSON_FORMAT, LESSON_VERSION, lessonToData, textIn, validateLesson, refusal } from '../../engine/index.ts';
import type { MessageKey, Values } from '../../i18n/translate.ts';
import { translateEnglish } from '../../i18n/translate.ts';
import { useLanguage } from '../app/language.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

export interface DraftStep {
  readonly title: string;
  readonly narration: string;
  readonly lines: readonly string[];
  readonly checks: readonly Rule[];
  /** the idea first, then the line */
  readonly hints: readonly [string, string];
  readonly ask: string;
  readonly answer: string;
  /** hints past the second, kept as the file had them (the builder edits two) */
  readonly moreHints: readonly string[];
  /** the lines a student is shown, when the file had them apart from the solution (`lines`); dropped once the lines change */
  readonly shown: readonly string[] | null;
}

/** What the builder does not edit, kept from the file it opened. */
export interface Kept {
  readonly number?: number;
  readonly realWorld?: string;
  readonly challenges: readonly Challenge[];
  /** the same, in the second language, when the file had one */
  readonly second?: { readonly realWorld?: string; readonly challenges: readonly Challenge[] };
}

/** A step's words in the draft's second language. */
export interface StepWords {
  readonly title: string;
  readonly narration: string;
  readonly hints: readonly [string, string];
  readonly ask: string;
  readonly answer: string;
  readonly moreHints: readonly string[];
  /** each check's `says` in this language, by the check's place (a typed rule's own sentence; issue 23), as the file gave it */
  readonly says?: readonly (string | undefined)[];
}

/** The lesson's words in its second language, beside the first: a step's words for each step, in the same order. */
export interface DraftWords {
  readonly title: string;
  readonly figures: string;
  readonly summary: string;
  readonly steps: readonly StepWords[];
}

export interface Draft {
  readonly id: string;
  readonly title: string;
  readonly figures: string;
  readonly summary: string;
  /** how the lesson wants the patent's tags shown (issue 19 §4); null: as each reader has them */
  readonly tags: TagStyle | null;
  readonly steps: readonly DraftStep[];
  readonly kept: Kept;
  /** the languages of the lesson's words: the draft's own fields are in the first, `second` in the second */
  readonly languages: readonly LessonLanguage[];
  /** the words in the second language, once the teacher adds one */
  readonly second: DraftWords | null;
}

export const EMPTY_STEP: DraftStep = { title: '', narration: '', lines: [], checks: [], hints: ['', ''], ask: '', answer: '', moreHints: [], shown: null };
export const EMPTY_WORDS: StepWords = { title: '', narration: '', hints: ['', ''], ask: '', answer: '', moreHints: [] };
const EMPTY_DRAFT: Draft = { id: '', title: '', figures: '', summary: '', tags: null, steps: [EMPTY_STEP], kept: { challenges: [] }, languages: ['en'], second: null };

/** A new lesson, written first in `lang` (the teacher's own language). */
export const emptyDraft = (lang: string): Draft => ({ ...EMPTY_DRAFT, languages: [isLessonLanguage(lang) ? lang : 'en'] });

/** The words of a lesson in one language, as the builder edits them beside the first. */
function wordsOf(lesson: Lesson): DraftWords {
  return {
    title: lesson.title,
    figures: lesson.figure,
    summary: lesson.summary,
    steps: lesson.steps.map((s) => ({
      title: s.title, narration: s.text, hints: [s.hints[0] ?? '', s.hints[1] ?? ''], ask: s.ask?.question ?? '', answer: s.ask?.answer ?? '', moreHints: s.hints.slice(2),
      says: s.check.map((r) => (r.kind === 'typed' ? r.says : undefined)),
    })),
  };
}

/** The draft with a second language added (its words empty, to be written) or, with null, removed. */
export function withSecond(draft: Draft, lang: LessonLanguage | null): Draft {
  if (lang === null || lang === draft.languages[0]) return { ...draft, languages: draft.languages.slice(0, 1), second: null };
  const second = draft.second ?? { title: '', figures: '', summary: '', steps: draft.steps.map(() => EMPTY_WORDS) };
  return { ...draft, languages: [draft.languages[0]!, lang], second };
}

/** A lesson id from its title: lower-case words joined by -. */
export const idOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32).replace(/-+$/, '') || 'my-lesson';

export function draftOf(file: LessonFile): Draft {
  const { lesson } = file;
  // the builder edits two languages side by side (LESSON_LANGUAGES has two)
  const languages = languagesOf(file).slice(0, 2);
  const other: LessonText | null = languages[1] ? textIn(file, languages[1]) : null;
  return {
    languages,
    second: other && wordsOf(other.lesson),
    id: lesson.id,
    title: lesson.title,
    figures: lesson.figure,
    summary: lesson.summary,
    tags: lesson.tags ?? null,
    steps: lesson.steps.map((s) => ({
      title: s.title,
      narration: s.text,
      lines: [...(s.solution ?? s.type)],
      checks: [...s.check],
      hints: [s.hints[0] ?? '', s.hints[1] ?? ''],
      ask: s.ask?.question ?? '',
      answer: s.ask?.answer ?? '',
      moreHints: s.hints.slice(2),
      shown: s.solution ? [...s.type] : null,
    })),
    kept: {
      ...(lesson.number !== undefined ? { number: lesson.number } : {}),
      ...(lesson.realWorld !== undefined ? { realWorld: lesson.realWorld } : {}),
      challenges: file.challenges,
      ...(other ? { second: { ...(other.lesson.realWorld !== undefined ? { realWorld: other.lesson.realWorld } : {}), challenges: other.challenges } } : {}),
    },
  };
}

/**
 * A text in the draft's languages: one string when there is no second
 * language or it says the same, else the text by language. An empty second
 * text where `fallback` allows (figures, the hint that is a line) is the
 * first language's: those are usually the same in every language.
 */
function sayBoth(draft: Draft, first: string, second: string | undefined, fallback = false): string | Record<string, string> {
  const other = second === undefined || (fallback && second.trim() === '') ? first : second;
  return draft.second === null || other === first ? first : { [draft.languages[0]!]: first, [draft.languages[1]!]: other };
}

/**
 * What a lesson's figures say when its teacher gave none, in `lang`: the
 * page's words when it reads that language, English's for English; null for
 * another language, whose catalog the page may not have loaded (the file then
 * says the first language's).
 */
function noFigures(lang: string): string | null {
  const { lang: page, t } = useLanguage.getState();
  return lang === page ? t('builder.figures.none') : lang === 'en' ? translateEnglish('builder.figures.none') : null;
}

/** The draft as a lesson file, through the validator: the file, or the field at fault. */
export function draftFile(draft: Draft): { ok: true; file: LessonFile } | { ok: false; message: string } {
  const two = draft.second;
  const lessonTitle = sayBoth(draft, draft.title, two?.title);
  const placeholder = { id: 'x', title: 'x', figure: 'x', summary: 'x', steps: [] };
  // the kept challenges, written by the engine in the draft's languages (the first's words where the file had no second)
  const challengesData = (): unknown => lessonToData({
    lesson: placeholder,
    challenges: draft.kept.challenges,
    ...(two ? { languages: draft.languages, translations: { [draft.languages[1]!]: { lesson: placeholder, challenges: draft.kept.second?.challenges ?? draft.kept.challenges } } } : {}),
  }).challenges;
  const data = {
    format: LESSON_FORMAT,
    // one language other than English, or two, need version 2 and "languages"; an English lesson stays a version 1 file
    ...(two || draft.languages[0] !== 'en' ? { version: LESSON_VERSION, languages: draft.languages } : { version: 1 }),
    id: draft.id || idOf(draft.title),
    ...(draft.kept.number !== undefined ? { number: draft.kept.number } : {}),
    title: lessonTitle,
    // figures left empty: the lesson says it is a teacher's own, in each of its languages the page can say it in
    figures: draft.figures
      ? sayBoth(draft, draft.figures, two?.figures, true)
      : sayBoth(draft, noFigures(draft.languages[0]!) ?? translateEnglish('builder.figures.none'), two ? two.figures || (noFigures(draft.languages[1]!) ?? '') : undefined, true),
    summary: sayBoth(draft, draft.summary || draft.title, two ? two.summary || two.title : undefined),
    ...(draft.kept.realWorld !== undefined ? { realWorld: sayBoth(draft, draft.kept.realWorld, draft.kept.second?.realWorld) } : {}),
    ...(draft.tags ? { tags: draft.tags } : {}),
    steps: draft.steps.map((s, i) => {
      const w = two?.steps[i];
      const hints = [...s.hints, ...s.moreHints];
      const other = w && [...w.hints, ...w.moreHints];
      return {
        title: sayBoth(draft, s.title, w?.title),
        narration: sayBoth(draft, s.narration, w?.narration),
        lines: s.shown ?? s.lines,
        ...(s.shown ? { solution: s.lines } : {}),
        checks: s.checks.map((r, j) => {
          const { kind, ...params } = r;
          // a typed rule's says is the lesson's own sentence: kept in both languages as the file gave it (issue 23)
          if (r.kind === 'typed' && r.says !== undefined) return { rule: kind, ...params, says: sayBoth(draft, r.says, w?.says?.[j]) };
          return { rule: kind, ...params };
        }),
        // a hint left empty in the first language is dropped in both; one left empty in the second is the first's (a line of code)
        hints: hints.flatMap((h, j) => (h.trim() === '' ? [] : [sayBoth(draft, h, other?.[j], true)])),
        ...(s.ask.trim() || s.answer.trim() ? { question: { ask: sayBoth(draft, s.ask, w?.ask), answer: sayBoth(draft, s.answer, w?.answer) } } : {}),
      };
    }),
    ...(draft.kept.challenges.length ? { challenges: challengesData() } : {}),
  };
  const read = validateLesson(data);
  return read.ok ? { ok: true, file: read.file } : { ok: false, message: refusal(read) };
}

/** Something the draft still needs, as a catalog message. */
export interface Missing {
  readonly key: MessageKey;
  readonly values?: Values;
}

/** What the draft still needs, in the order a teacher would do it: the first is what comes next. */
export function missingOf(draft: Draft): Missing[] {
  const missing: Missing[] = [];
  const second = draft.second;
  // the language named by its own name, as the builder's columns are headed
  const second2 = draft.languages[1];
  const lang = second2 ? LANGUAGES[second2].name : '';
  if (!draft.title.trim()) missing.push({ key: 'builder.missing.title' });
  if (second && !second.title.trim()) missing.push({ key: 'builder.missing.title.second', values: { lang } });
  draft.steps.forEach((s, i) => {
    const n = i + 1;
    if (s.lines.length === 0) missing.push({ key: 'builder.missing.lines', values: { n } });
    if (!s.title.trim()) missing.push({ key: 'builder.missing.stepTitle', values: { n } });
    if (!s.narration.trim()) missing.push({ key: 'builder.missing.narration', values: { n } });
    if (s.checks.length === 0) missing.push({ key: 'builder.missing.checks', values: { n } });
    if (!s.hints[0].trim()) missing.push({ key: 'builder.missing.hint', values: { n } });
    if ((s.ask.trim() === '') !== (s.answer.trim() === '')) missing.push({ key: 'builder.missing.question', values: { n } });
    const w = second?.steps[i];
    if (w) {
      // the second language needs what a reader of it cannot do without
      if (!w.title.trim()) missing.push({ key: 'builder.missing.stepTitle.second', values: { n, lang } });
      if (!w.narration.trim()) missing.push({ key: 'builder.missing.narration.second', values: { n, lang } });
      if (s.hints[0].trim() && !w.hints[0].trim()) missing.push({ key: 'builder.missing.hint.second', values: { n, lang } });
      if (s.ask.trim() && s.answer.trim() && (!w.ask.trim() || !w.answer.trim())) missing.push({ key: 'builder.missing.question.second', values: { n, lang } });
    }
  });
  if (missing.length === 0) {
    const made = draftFile(draft);
    if (!made.ok) missing.push({ key: 'builder.missing.refused', values: { message: made.message } });
  }
  return missing;
}
