// The lesson file format (`.lesson.json`, docs/lesson-format.md): the one
// shape in which both the built-in lessons and teachers' own lessons are
// stored. A file is untrusted data. `parseLessonFile` checks every field by
// hand against the table below and refuses, naming the field at fault, any
// unknown field or rule, a wrong type, a string or list past its limit, and
// control or bidirectional-override characters. Rules are picked by name from
// the rule library (rules.ts) with their parameters: a file holds no code and
// no HTML, so nothing in it can run, fetch, or draw outside the text it is.
//
// Hand-written rather than a schema library: the engine stays free of
// dependencies, and each message can say in the teacher's words which field
// is wrong and what it should be (`steps[3].checks[0].frame: a whole number
// from 0 to 1048575`).
//
// Version 2 (issue 23) lets a file carry its words in several languages: it
// declares them (`"languages": ["en", "ja"]`, the first being the fallback),
// and every text a person reads may be one string (the same in every
// language, such as a hint that is a line of code) or an object keyed by
// language. Lines, checks and ids stay one: the command language is the same
// in every class. The file is read into one lesson per declared language,
// each the model a version 1 file gives, so nothing that plays or shows a
// lesson needs to know about languages: it asks for the reader's (`textIn`).

import type { Challenge, Lesson, LessonStep } from './lesson.js';
import type { Compare, Rule } from './rules.js';
import type { Words } from '../words.js';
import { words as said } from '../words.js';
import { COUNT_WHAT } from './rules.js';
import { RESOURCE_KINDS } from '../types.js';
import { EVENT_KINDS } from '../event.js';
import { isTagStyle, mapRow, TAG_STYLES } from '../patentMap.js';
import { ID, describe, describeWords, fields as checkedFields, isRecord, list, parseJsonFile, readChecked, refuse, text } from '../untrusted.js';

export { describe, isRecord };

export const LESSON_FORMAT = 'lparlab-lesson';
/** The version this lab writes for a file in several languages; a one-language file is still written as version 1. */
export const LESSON_VERSION = 2;

/**
 * The language codes a lesson file may use: the lab's registered languages
 * (src/i18n/languages.ts; a test there keeps the two lists the same). A
 * code the lab cannot show is refused rather than carried unread.
 */
export const LESSON_LANGUAGES = ['en', 'ja'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

export const isLessonLanguage = (v: unknown): v is LessonLanguage => typeof v === 'string' && (LESSON_LANGUAGES as readonly string[]).includes(v);

export const LESSON_LIMITS = {
  /** characters of the whole file */
  file: 256 * 1024,
  steps: 40,
  challenges: 20,
  lines: 40,
  line: 400,
  checks: 10,
  hints: 4,
  title: 120,
  /** narration, a summary, a goal */
  text: 3000,
  /** a hint, a question, an answer, a rule's words */
  short: 600,
} as const;

/** A lesson and its challenges in one language: what the engine plays and the page shows. */
export interface LessonText {
  readonly lesson: Lesson;
  readonly challenges: readonly Challenge[];
}

/**
 * A lesson file's contents once checked: the lesson and challenges in the
 * file's first language, and (version 2) in each other language it
 * declares: the same lines, checks and ids, other words.
 */
export interface LessonFile extends LessonText {
  /** the languages the file declares, the first being the one `lesson` is in; absent: a one-language file (version 1, English) */
  readonly languages?: readonly LessonLanguage[];
  /** the lesson in each declared language after the first */
  readonly translations?: Readonly<Partial<Record<LessonLanguage, LessonText>>>;
}

/** The languages a file has its words in, the fallback first. */
export const languagesOf = (file: LessonFile): readonly LessonLanguage[] => file.languages ?? ['en'];

/** The lesson in the reader's language, or in the file's first language when it has none in that one. */
export function textIn(file: LessonFile, lang: string): LessonText {
  const own = isLessonLanguage(lang) ? file.translations?.[lang] : undefined;
  return own ?? { lesson: file.lesson, challenges: file.challenges };
}

export type LessonFileResult =
  | { readonly ok: true; readonly file: LessonFile }
  /** `words`: the refusal in words (words.ts) where the checker has them, for a page to say it in the reader's language */
  | { readonly ok: false; readonly field: string; readonly message: string; readonly words?: Words };

// ------------------------------------------------------------ the rule table

type Param =
  | { readonly type: 'name' }
  | { readonly type: 'text' }
  /** a person reads it: in a version 2 file, one string or one per language (a typed rule's `says`) */
  | { readonly type: 'words' }
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'callOrNull' }
  | { readonly type: 'tag' };

interface RuleSpec {
  /** what the rule checks, for the format's documentation and the builder */
  readonly means: string;
  readonly required: Readonly<Record<string, Param>>;
  readonly optional: Readonly<Record<string, Param>>;
}

const NAME: Param = { type: 'name' };
const OPS: Param = { type: 'enum', values: ['==', '>=', '<=', '>'] satisfies Compare[] };
const COUNT: Param = { type: 'int', min: 0, max: 1 << 20 };

/** Every rule a lesson file may name, with its parameters: the rule library of rules.ts, as data. */
export const RULE_PARAMS: { readonly [K in Rule['kind']]: RuleSpec } = {
  bound: { means: 'a name the student bound holds a value (a record with this field)', required: { name: NAME }, optional: { field: NAME } },
  waiting: { means: 'a context is suspended in a call (null: not suspended)', required: { ctx: NAME, call: { type: 'callOrNull' } }, optional: {} },
  mapped: { means: 'the address a name holds is (or is not) mapped in a context', required: { ctx: NAME, name: NAME, mapped: { type: 'bool' } }, optional: { field: NAME } },
  count: {
    means: 'a number of the machine compared with a value',
    required: { what: { type: 'enum', values: COUNT_WHAT }, op: OPS, value: COUNT },
    optional: { ctx: NAME },
  },
  status: { means: 'a partition is active or has ended', required: { ctx: NAME, status: { type: 'enum', values: ['active', 'ended'] } }, optional: {} },
  resource: {
    means: "a partition's use or limit of a resource (no ctx: any guest's)",
    required: { resource: { type: 'enum', values: RESOURCE_KINDS }, of: { type: 'enum', values: ['used', 'limit'] }, op: OPS, value: COUNT },
    optional: { ctx: NAME },
  },
  tag: { means: 'an event with this patent tag (of this kind, to or from this partition) happened since the step began', required: { tag: { type: 'tag' } }, optional: { event: { type: 'enum', values: EVENT_KINDS }, ctx: NAME, times: { type: 'int', min: 1, max: 1000 }, after: { type: 'enum', values: EVENT_KINDS } } },
  answer: {
    means: 'a call (of this name) answered with an errno, printed a value, printed text containing something, or a record with a field',
    required: {},
    optional: { ctx: NAME, call: NAME, errno: NAME, value: { type: 'text' }, text: { type: 'text' }, field: NAME },
  },
  selected: { means: 'a select answered with the communication socket to this partition', required: { ctx: NAME }, optional: {} },
  typed: { means: 'the student typed a line starting with this text (says: what the check shows; without it, "you typed" the text, in the reader\'s language)', required: { start: { type: 'text' } }, optional: { says: { type: 'words' } } },
  pending: { means: "the pending bit of the event receive port a name holds, or (no name) of any of a partition's own receive ports", required: { ctx: NAME, pending: { type: 'bool' } }, optional: { name: NAME } },
  owner: { means: 'a physical frame is owned by a partition, "control" or "free"', required: { frame: { type: 'int', min: 0, max: (1 << 20) - 1 }, ctx: NAME }, optional: {} },
  fd: { means: "an fd of the system control program's kernel is open or closed", required: { fd: { type: 'int', min: 0, max: 4096 }, open: { type: 'bool' } }, optional: {} },
  policy: {
    means: "the system control program's policy for a resource: its ceiling compared with a value, and (ask) whether the program answers requests past a limit itself",
    required: { resource: { type: 'enum', values: RESOURCE_KINDS }, op: OPS, value: COUNT },
    optional: { ask: { type: 'bool' } },
  },
};

export const RULE_NAMES = Object.keys(RULE_PARAMS) as Rule['kind'][];

// ------------------------------------------------------------ checking

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

const fields = (v: unknown, field: string, allowed: readonly string[]) => checkedFields(v, field, allowed, 'a lesson file');

/** How a file is being read: its version, the languages it declares, and the one this pass picks. */
interface Reading {
  readonly v2: boolean;
  readonly langs: readonly LessonLanguage[];
  readonly pick: LessonLanguage;
}

const ONE_LANGUAGE: Reading = { v2: false, langs: ['en'], pick: 'en' };

/**
 * A text a person reads: in version 1 a string; in version 2 a string (the
 * same in every language) or an object giving every declared language its
 * text. Every language's text is checked on every pass, so a file is
 * refused whichever language is being read; the picked one is returned.
 */
function words(r: Reading, v: unknown, field: string, max: number, opts: { multiline?: boolean; empty?: boolean } = {}): string {
  if (!r.v2 || typeof v === 'string') return text(v, field, max, opts);
  if (!isRecord(v)) {
    const example = `{ ${r.langs.map((l) => `"${l}": "…"`).join(', ')} }`;
    return refuse(field, `must be text (a JSON string) or text by language (${example}), not ${describe(v)}`, said('lesson.file.format.textByLanguage', { example, value: describeWords(v) }));
  }
  for (const key of Object.keys(v)) {
    if (!isLessonLanguage(key)) return refuse(`${field}.${key.slice(0, 40)}`, `is not a language this lab knows (${LESSON_LANGUAGES.join(', ')})`, said('lesson.file.format.unknownLanguage', { langs: LESSON_LANGUAGES.join(', ') }));
    if (!r.langs.includes(key)) {
      return refuse(`${field}.${key}`, `is not one of the languages the file declares (${r.langs.join(', ')}): add "${key}" to "languages" or remove this text`, said('lesson.file.format.undeclared', { langs: r.langs.join(', '), lang: key }));
    }
  }
  for (const lang of r.langs) if (!Object.hasOwn(v, lang)) return refuse(field, `has no "${lang}" text`, said('lesson.file.format.noText', { lang }));
  for (const lang of r.langs) text(v[lang], `${field}.${lang}`, max, opts);
  return v[r.pick] as string;
}

/** The `languages` field: 1 or more distinct codes this lab knows. */
function declared(v: unknown): LessonLanguage[] {
  const langs = list(v, 'languages', 1, 16);
  langs.forEach((l, i) => {
    if (!isLessonLanguage(l)) refuse(`languages[${i}]`, `${describe(l)} is not a language this lab knows (${LESSON_LANGUAGES.join(', ')})`, said('lesson.file.format.notLanguage', { value: describeWords(l), langs: LESSON_LANGUAGES.join(', ') }));
    if (langs.indexOf(l) !== i) refuse(`languages[${i}]`, `"${l as string}" is declared twice`, said('lesson.file.format.declaredTwice', { lang: l as string }));
  });
  return langs as LessonLanguage[];
}

function param(r: Reading, v: unknown, field: string, p: Param): unknown {
  switch (p.type) {
    case 'name':
      if (typeof v !== 'string' || !IDENT.test(v)) return refuse(field, `must be a name (letters, digits, _), not ${describe(v)}`, said('lesson.file.format.name', { value: describeWords(v) }));
      return v;
    case 'text':
      return text(v, field, LESSON_LIMITS.short, { empty: false });
    case 'words':
      return words(r, v, field, LESSON_LIMITS.short);
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < p.min || v > p.max) return refuse(field, `must be a whole number from ${p.min} to ${p.max}, not ${describe(v)}`, said('lesson.file.format.int', { min: p.min, max: p.max, value: describeWords(v) }));
      return v;
    case 'bool':
      if (typeof v !== 'boolean') return refuse(field, `must be true or false, not ${describe(v)}`, said('lesson.file.format.bool', { value: describeWords(v) }));
      return v;
    case 'enum':
      if (typeof v !== 'string' || !p.values.includes(v)) return refuse(field, `must be one of ${p.values.join(', ')}; not ${describe(v)}`, said('lesson.file.format.oneOf', { values: p.values.join(', '), value: describeWords(v) }));
      return v;
    case 'tag':
      // a tag no event carries could never be met: only the patent map's tags (S107, [0063], lab:reduce)
      if (typeof v !== 'string' || !mapRow(v)) return refuse(field, `must be a tag of the patent map (such as S107, [0063] or lab:reduce), not ${describe(v)}`, said('lesson.file.format.tag', { value: describeWords(v) }));
      return v;
    case 'callOrNull':
      if (v !== null && (typeof v !== 'string' || !IDENT.test(v))) return refuse(field, `must be a call name or null, not ${describe(v)}`, said('lesson.file.format.callOrNull', { value: describeWords(v) }));
      return v;
  }
}

function rule(r: Reading, v: unknown, field: string): Rule {
  if (!isRecord(v)) return refuse(field, `must be an object naming a rule, not ${describe(v)}`, said('lesson.file.format.ruleObject', { value: describeWords(v) }));
  const name = v.rule;
  const rules = RULE_NAMES.join(', ');
  if (typeof name !== 'string') return refuse(`${field}.rule`, `must name a rule: one of ${rules}`, said('lesson.file.format.ruleName', { rules }));
  if (!Object.hasOwn(RULE_PARAMS, name)) return refuse(`${field}.rule`, `"${name.slice(0, 40)}" is not a rule; the rules are ${rules}`, said('lesson.file.format.notRule', { name: name.slice(0, 40), rules }));
  const spec = RULE_PARAMS[name as Rule['kind']];
  const allowed = ['rule', ...Object.keys(spec.required), ...Object.keys(spec.optional)];
  fields(v, field, allowed);
  const out: Record<string, unknown> = { kind: name };
  for (const [key, p] of Object.entries(spec.required)) {
    if (!(key in v)) return refuse(`${field}.${key}`, `is missing: the rule ${name} needs ${Object.keys(spec.required).join(', ')}`, said('lesson.file.format.missing', { name, needs: Object.keys(spec.required).join(', ') }));
    out[key] = param(r, v[key], `${field}.${key}`, p);
  }
  for (const [key, p] of Object.entries(spec.optional)) if (key in v) out[key] = param(r, v[key], `${field}.${key}`, p);
  if (name === 'answer' && ['errno', 'value', 'text', 'field'].filter((k) => k in v).length !== 1) {
    return refuse(field, 'the rule answer needs exactly one of errno, value, text or field', said('lesson.file.format.answerOne'));
  }
  return out as unknown as Rule;
}

function lines(v: unknown, field: string, min: 0 | 1): string[] {
  return list(v, field, min, LESSON_LIMITS.lines).map((l, i) => text(l, `${field}[${i}]`, LESSON_LIMITS.line));
}

function hints(r: Reading, v: unknown, field: string): string[] {
  return list(v, field, 1, LESSON_LIMITS.hints).map((h, i) => words(r, h, `${field}[${i}]`, LESSON_LIMITS.short));
}

function checks(r: Reading, v: unknown, field: string): Rule[] {
  return list(v, field, 1, LESSON_LIMITS.checks).map((c, i) => rule(r, c, `${field}[${i}]`));
}

function step(r: Reading, v: unknown, field: string): LessonStep {
  const s = fields(v, field, ['title', 'narration', 'lines', 'solution', 'checks', 'hints', 'question']);
  const out: { -readonly [K in keyof LessonStep]: LessonStep[K] } = {
    title: words(r, s.title, `${field}.title`, LESSON_LIMITS.title),
    text: words(r, s.narration, `${field}.narration`, LESSON_LIMITS.text, { multiline: true }),
    type: lines(s.lines, `${field}.lines`, 1),
    check: checks(r, s.checks, `${field}.checks`),
    hints: hints(r, s.hints, `${field}.hints`),
  };
  if ('solution' in s) out.solution = lines(s.solution, `${field}.solution`, 0);
  if ('question' in s) {
    const q = fields(s.question, `${field}.question`, ['ask', 'answer']);
    out.ask = { question: words(r, q.ask, `${field}.question.ask`, LESSON_LIMITS.short), answer: words(r, q.answer, `${field}.question.answer`, LESSON_LIMITS.short) };
  }
  return out;
}

function challenge(r: Reading, v: unknown, field: string): Challenge {
  const c = fields(v, field, ['id', 'title', 'goal', 'checks', 'hints', 'solution']);
  if (typeof c.id !== 'string' || !ID.test(c.id)) return refuse(`${field}.id`, 'must be 1 to 32 lower-case letters, digits or -', said('lesson.file.format.id'));
  return {
    id: c.id,
    title: words(r, c.title, `${field}.title`, LESSON_LIMITS.title),
    goal: words(r, c.goal, `${field}.goal`, LESSON_LIMITS.text, { multiline: true }),
    check: checks(r, c.checks, `${field}.checks`),
    hints: hints(r, c.hints, `${field}.hints`),
    solution: lines(c.solution, `${field}.solution`, 1),
  };
}

const TOP = ['format', 'version', 'languages', 'id', 'number', 'title', 'figures', 'summary', 'realWorld', 'tags', 'steps', 'challenges'];

/** The file in the language `r` picks (every language's text is checked on the way). */
function readIn(d: Record<string, unknown>, r: Reading): LessonText {
  // in the order a file is written, so the first refusal is the first fault a teacher meets reading it
  const title = words(r, d.title, 'title', LESSON_LIMITS.title);
  const figure = words(r, d.figures, 'figures', LESSON_LIMITS.title);
  const summary = words(r, d.summary, 'summary', LESSON_LIMITS.text, { multiline: true });
  const steps = list(d.steps ?? [], 'steps', 0, LESSON_LIMITS.steps).map((s, i) => step(r, s, `steps[${i}]`));
  const challenges = list(d.challenges ?? [], 'challenges', 0, LESSON_LIMITS.challenges).map((c, i) => challenge(r, c, `challenges[${i}]`));
  if (steps.length + challenges.length === 0) refuse('steps', 'a lesson needs at least one step or one challenge', said('lesson.file.format.nothing'));
  const ids = new Set<string>();
  challenges.forEach((c, i) => {
    if (ids.has(c.id)) refuse(`challenges[${i}].id`, `"${c.id}" is used twice`, said('lesson.file.format.usedTwice', { id: c.id }));
    ids.add(c.id);
  });
  const lesson: { -readonly [K in keyof Lesson]: Lesson[K] } = {
    id: d.id as string,
    title,
    figure,
    summary,
    steps,
  };
  if ('number' in d) lesson.number = d.number as number;
  if ('realWorld' in d) lesson.realWorld = words(r, d.realWorld, 'realWorld', LESSON_LIMITS.text, { multiline: true });
  if ('tags' in d) {
    const tags = d.tags;
    const styles = TAG_STYLES.map((t) => `"${t}"`).join(', ');
    if (!isTagStyle(tags)) return refuse('tags', `must be one of ${styles}, not ${describe(tags)}`, said('lesson.file.format.tagStyle', { values: styles, value: describeWords(tags) }));
    lesson.tags = tags;
  }
  return { lesson, challenges };
}

/** Check parsed JSON as a lesson file (version 1, or 2 with its languages). */
export function validateLesson(data: unknown): LessonFileResult {
  const read = readChecked((): LessonFile => {
    const d = fields(data, '', TOP);
    if (d.format !== LESSON_FORMAT) refuse('format', `must be "${LESSON_FORMAT}"`, said('lesson.file.format.format', { format: LESSON_FORMAT }));
    if (d.version !== 1 && d.version !== 2) refuse('version', `is ${describe(d.version)}; this lab reads versions 1 and 2`, said('lesson.file.format.version', { value: describeWords(d.version) }));
    if (typeof d.id !== 'string' || !ID.test(d.id)) refuse('id', 'must be 1 to 32 lower-case letters, digits or -', said('lesson.file.format.id'));
    if ('number' in d && (typeof d.number !== 'number' || !Number.isInteger(d.number) || d.number < 1 || d.number > 999)) refuse('number', 'must be a whole number from 1 to 999', said('lesson.file.format.number'));
    if (d.version === 1) {
      // a version 1 file reads exactly as it always did: one language, every text a string
      if ('languages' in d) refuse('languages', 'needs "version": 2 (a version 1 file is in one language)', said('lesson.file.format.needsV2'));
      return readIn(d, ONE_LANGUAGE);
    }
    const langs = 'languages' in d ? declared(d.languages) : ['en' as const];
    // one pass per language, each checking every language's text: the first refusal is the same whichever pass meets it
    const [first, ...others] = langs.map((pick) => readIn(d, { v2: true, langs, pick }));
    const file: LessonFile = { ...first!, ...('languages' in d ? { languages: langs } : {}) };
    return others.length ? { ...file, translations: Object.fromEntries(others.map((t, i) => [langs[i + 1]!, t])) } : file;
  });
  return read.ok ? { ok: true, file: read.value } : read;
}

/** Read a lesson file's text: JSON within the size limit, then `validateLesson`. */
export function parseLessonFile(source: string): LessonFileResult {
  const data = readChecked(() => parseJsonFile(source, LESSON_LIMITS.file, 'a lesson file'));
  return data.ok ? validateLesson(data.value) : data;
}

/** One line saying what is wrong with a refused file. */
export const refusal = (r: { field: string; message: string }) => `${r.field} ${r.message}`;
