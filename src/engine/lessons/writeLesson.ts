// Writing a lesson file (docs/lesson-format.md): the model back to the
// format's JSON, as the builder saves it and lparsh prints it. A file in one
// language is written as version 1, unchanged; a file in several languages as
// version 2, each text one string where the languages agree (issue 23).

import type { Challenge, LessonStep } from './lesson.js';
import type { Rule } from './rules.js';
import type { LessonFile, LessonLanguage } from './format.js';
import { LESSON_FORMAT, languagesOf, textIn } from './format.js';
import { isRecord } from '../untrusted.js';

function ruleOut(r: Rule): Record<string, unknown> {
  const { kind, ...params } = r;
  return { rule: kind, ...params };
}

/**
 * One text field written from the file's languages: a string when every
 * language says the same (a hint that is a line of code), otherwise an
 * object by language. `views` are the lesson in each of `langs`.
 */
type Say = <T>(views: readonly T[], get: (v: T) => string) => string | Record<string, string>;

function sayer(langs: readonly LessonLanguage[]): Say {
  return (views, get) => {
    const said = views.map(get);
    return said.every((s) => s === said[0]) ? said[0]! : Object.fromEntries(langs.map((l, i) => [l, said[i]!]));
  };
}

/** The checks, the same in every language but for a typed rule's `says`: the lesson's own sentence, one per language (issue 23). */
function checksOut(say: Say, views: readonly (readonly Rule[])[]): Record<string, unknown>[] {
  return views[0]!.map((rule, i) => {
    const out = ruleOut(rule);
    if (rule.kind === 'typed' && rule.says !== undefined) {
      const first = rule.says;
      out.says = say(views, (v) => {
        const own = v[i];
        return own?.kind === 'typed' && own.says !== undefined ? own.says : first;
      });
    }
    return out;
  });
}

function stepOut(say: Say, views: readonly LessonStep[]): Record<string, unknown> {
  const s = views[0]!;
  return {
    title: say(views, (v) => v.title),
    narration: say(views, (v) => v.text),
    lines: s.type,
    ...(s.solution ? { solution: s.solution } : {}),
    checks: checksOut(say, views.map((v) => v.check)),
    hints: s.hints.map((_, i) => say(views, (v) => v.hints[i] ?? s.hints[i]!)),
    ...(s.ask ? { question: { ask: say(views, (v) => v.ask?.question ?? s.ask!.question), answer: say(views, (v) => v.ask?.answer ?? s.ask!.answer) } } : {}),
  };
}

function challengeOut(say: Say, views: readonly Challenge[]): Record<string, unknown> {
  const c = views[0]!;
  return {
    id: c.id,
    title: say(views, (v) => v.title),
    goal: say(views, (v) => v.goal),
    checks: checksOut(say, views.map((v) => v.check)),
    hints: c.hints.map((_, i) => say(views, (v) => v.hints[i] ?? c.hints[i]!)),
    solution: c.solution,
  };
}

/**
 * The lesson file for a lesson and its challenges, as the object
 * `validateLesson` reads back: version 1 for a one-language file (as it
 * always was), version 2 with its languages otherwise. Lines, checks and ids
 * are the first language's (they are the same in every language).
 */
export function lessonToData(file: LessonFile): Record<string, unknown> {
  const langs = languagesOf(file);
  // a language the model lacks words for (a file put together by hand) is written with the first language's
  const views = langs.map((l) => textIn(file, l));
  const say = sayer(langs);
  const { lesson, challenges } = file;
  return {
    format: LESSON_FORMAT,
    version: file.languages ? 2 : 1,
    ...(file.languages ? { languages: file.languages } : {}),
    id: lesson.id,
    ...(lesson.number !== undefined ? { number: lesson.number } : {}),
    title: say(views, (v) => v.lesson.title),
    figures: say(views, (v) => v.lesson.figure),
    summary: say(views, (v) => v.lesson.summary),
    ...(lesson.realWorld ? { realWorld: say(views, (v) => v.lesson.realWorld ?? lesson.realWorld!) } : {}),
    ...(lesson.tags ? { tags: lesson.tags } : {}),
    steps: lesson.steps.map((_, i) => stepOut(say, views.map((v) => v.lesson.steps[i] ?? lesson.steps[i]!))),
    ...(challenges.length ? { challenges: challenges.map((_, i) => challengeOut(say, views.map((v) => v.challenges[i] ?? challenges[i]!))) } : {}),
  };
}

function oneLine(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(oneLine).join(', ')}]`;
  if (isRecord(v)) return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** JSON a teacher can read: whatever fits in 100 columns stays on one line (a rule, a short list of lines). */
function pretty(v: unknown, indent: string): string {
  const flat = oneLine(v);
  if (indent.length + flat.length <= 100 || (!Array.isArray(v) && !isRecord(v))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v)) return `[\n${v.map((x) => `${inner}${pretty(x, inner)}`).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** The text of a `.lesson.json` file. */
export const lessonFileText = (file: LessonFile) => `${pretty(lessonToData(file), '')}\n`;
