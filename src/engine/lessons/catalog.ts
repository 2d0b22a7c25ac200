// The built-in lessons, in teaching order, and the challenges: `.lesson.json`
// files read through the same validator as a teacher's file, so the format
// can say everything the built-in lessons do. A built-in file that does not
// validate is a broken invariant (the tests load every one).

import type { Challenge, Lesson } from './lesson.js';
import type { LessonFile, LessonText } from './format.js';
import { languagesOf, refusal, textIn, validateLesson } from './format.js';
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

/** A built-in file through the teacher's validator: refused, it is a broken invariant and the lab does not start. */
export function builtinFile(data: unknown): LessonFile {
  const read = validateLesson(data);
  if (!read.ok) throw new Error(`invariant: a built-in lesson file is refused: ${refusal(read)}`);
  return read.file;
}

const files: LessonFile[] = [machine, policy, events, flip, fault, vfile, map, select, end, compare, decide, challenges].map(builtinFile);

/**
 * Every built-in lesson file: the eleven lessons, then the challenges. The
 * page's build hands the engine these files in English only (issue 23: an
 * English reader does not download the Japanese) and `addBuiltinLanguage`
 * fills in the other languages when the reader chooses one; Node, the tests
 * and lparsh read the full files from the start.
 */
export const BUILTIN_FILES: readonly LessonFile[] = files;

export const LESSONS: readonly Lesson[] = BUILTIN_FILES.filter((f) => f.lesson.steps.length > 0).map((f) => f.lesson);

export const CHALLENGES: readonly Challenge[] = BUILTIN_FILES.flatMap((f) => f.challenges);

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id || String(l.number) === id);
}

export function findChallenge(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

/** The built-in lessons in `lang`, in teaching order (a file without that language gives its first). */
export const lessonsIn = (lang: string): readonly Lesson[] => BUILTIN_FILES.filter((f) => f.lesson.steps.length > 0).map((f) => textIn(f, lang).lesson);

/** The built-in challenges in `lang`. */
export const challengesIn = (lang: string): readonly Challenge[] => BUILTIN_FILES.flatMap((f) => textIn(f, lang).challenges);

/** A built-in lesson (by id or number) in `lang`: the same object each time, so the page can compare it. */
export function findLessonIn(id: string, lang: string): Lesson | undefined {
  const lesson = findLesson(id);
  const file = lesson && BUILTIN_FILES.find((f) => f.lesson === lesson);
  return file && textIn(file, lang).lesson;
}

/** A built-in challenge in `lang`. */
export function findChallengeIn(id: string, lang: string): Challenge | undefined {
  for (const file of BUILTIN_FILES) {
    const found = textIn(file, lang).challenges.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A built-in lesson (by id or number), the challenges file ("challenges"), or one challenge in a file of its own, in every language its file has. */
export function findBuiltinFile(id: string): LessonFile | undefined {
  const lesson = findLesson(id);
  const own = BUILTIN_FILES.find((f) => (lesson ? f.lesson === lesson : f.lesson.id === id));
  if (own) return own;
  const file = BUILTIN_FILES.find((f) => f.challenges.some((c) => c.id === id));
  if (!file) return undefined;
  // the challenge alone, as a lesson with no steps, in each language of the file it came from
  const alone = (t: LessonText): LessonText => {
    const challenge = t.challenges.find((c) => c.id === id)!;
    return { lesson: { id: challenge.id, title: challenge.title, figure: 'a challenge', summary: challenge.goal, steps: [] }, challenges: [challenge] };
  };
  const translations = file.translations && Object.fromEntries(Object.entries(file.translations).map(([lang, t]) => [lang, alone(t)]));
  return { ...alone(file), ...(file.languages ? { languages: file.languages } : {}), ...(translations ? { translations } : {}) };
}

/** What `addBuiltinLanguage` did: how many built-in files gained languages, or which file it refused (its place in the list) and why. */
export type AddLanguageResult = { readonly ok: true; readonly added: number } | { readonly ok: false; readonly field: string; readonly message: string };

/**
 * Gives the built-in files the languages the page fetched later: each of
 * `data` is a full built-in file (every language), read through the same
 * validator. A file's own-language words must be the ones already loaded, so
 * the objects `LESSONS`, `findLesson` and `findLessonIn(id, "en")` hand out
 * stay the same objects; only its translations are added. All or nothing:
 * one refused file leaves every built-in file as it was.
 */
export function addBuiltinLanguage(data: readonly unknown[]): AddLanguageResult {
  const merged: [number, LessonFile][] = [];
  for (const [i, d] of data.entries()) {
    const read = validateLesson(d);
    if (!read.ok) return { ok: false, field: `[${i}].${read.field}`, message: read.message };
    const full = read.file;
    const at = files.findIndex((f) => f.lesson.id === full.lesson.id);
    if (at < 0) return { ok: false, field: `[${i}].id`, message: `"${full.lesson.id.slice(0, 40)}" is not a built-in lesson file` };
    const own = files[at]!;
    if (JSON.stringify(textIn(full, languagesOf(own)[0]!)) !== JSON.stringify({ lesson: own.lesson, challenges: own.challenges })) {
      return { ok: false, field: `[${i}]`, message: `its ${languagesOf(own)[0]} words are not those of the built-in "${own.lesson.id}" of this lab` };
    }
    // a file that already has these languages keeps its objects too (Node reads the full files from the start)
    if (JSON.stringify([own.languages, own.translations]) === JSON.stringify([full.languages, full.translations])) continue;
    merged.push([at, { lesson: own.lesson, challenges: own.challenges, ...(full.languages ? { languages: full.languages } : {}), ...(full.translations ? { translations: full.translations } : {}) }]);
  }
  for (const [at, file] of merged) files[at] = file;
  return { ok: true, added: merged.length };
}
