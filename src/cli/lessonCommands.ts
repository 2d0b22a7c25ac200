// lparsh's lesson commands: write a built-in lesson as a `.lesson.json` file
// for a teacher to start from, and check a lesson file without the page.
//
//   npx lparsh --export-lesson ID        (a lesson id or number, "challenges", or a challenge id)
//   npx lparsh --lesson FILE --check [--lang L]
//                                        exit 0 every check passes, 1 a check fails, 2 a broken file
//
// A file in several languages (format version 2) is checked in all of them:
// the validator refuses it when a declared language's text is missing, and
// the lines and checks, the same in every language, are played once. --lang
// picks the language of the report: the lab's words from the catalog (what
// each check says and why it is not met, issue 23) and the lesson's own words
// (its title, a step's or a challenge's title), falling back to the file's
// first language where it has none in that one.

import { readFileSync } from 'node:fs';
import type { LessonFile, LineError, RuleResult } from '../engine/index.ts';
import { BUILTIN_FILES, findBuiltinFile, languagesOf, lessonFileText, parseLessonFile, playChallenge, refusal, runSolution, textIn, visible, WHOLE_FILE } from '../engine/index.ts';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../i18n/languages.ts';
import { readCatalog } from '../i18n/catalogFiles.ts';
import { makeTranslate, translateEnglish, type Translate } from '../i18n/translate.ts';
import { ioWhy } from './gradeCommand.ts';
import { saysIn, whyIn, wordsIn } from '../i18n/wordsIn.ts';


export interface Io {
  out(text: string): void;
  err(text: string): void;
  read(path: string): string;
}

const nodeIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  read: (path) => readFileSync(path, 'utf8'),
};

/**
 * Text for the terminal: a lesson file is untrusted, and its names, its rule
 * names and the JSON parser's snippets of it reach these messages, so every
 * line goes through the shell's `visible()` (an escape sequence in a key is
 * printed as `\x1b`, never obeyed). Line breaks are only the ones made here.
 */
const safe = (text: string) => text.split('\n').map(visible).join('\n');

/** Where a checked lesson file goes wrong: the checks not met, and the first line of a solution that failed unasked. */
export interface LessonFileCheck {
  readonly passed: string[];
  readonly failed: string[];
  /** the first failed line in a step or challenge that is not met: what to fix first */
  readonly firstError: string | null;
}

/** The report's words in a language: English is the English catalog, which says what this report always said. */
const translateIn = (lang: Language): Translate => makeTranslate(lang, readCatalog(lang));

const errorLine = (t: Translate, where: string, e: LineError) =>
  t('lparsh.check.lineFailed', { where, line: JSON.stringify(e.input), errno: e.errno, message: e.words ? wordsIn(t, e.words) : e.message });

/** A check not met, in the language of `t`: where, what it says, and why. */
const failedLine = (t: Translate, where: string, r: RuleResult) => t('lparsh.check.failed', { where, says: saysIn(t, r), why: whyIn(t, r) ?? t('lparsh.check.notMet') });

/** The failures of a checked lesson file, one line each, naming the step or challenge, in `lang` (the lesson's words in the file's first language where it has none in `lang`). */
export function checkLessonFile(file: LessonFile, lang: Language = DEFAULT_LANGUAGE): LessonFileCheck {
  const t = translateIn(lang);
  const passed: string[] = [];
  const failed: string[] = [];
  let first: string | null = null;
  const { lesson, challenges } = textIn(file, lang);
  for (const { step, check, error } of runSolution(lesson)) {
    const name = t('lparsh.check.step', { n: String(step + 1), title: lesson.steps[step]!.title });
    if (check.passed) passed.push(name);
    else failed.push(...check.results.filter((r) => !r.ok).map((r) => failedLine(t, name, r)));
    // steps build on each other: a typo in step 1 fails every step after it, so the line to fix is the first one
    if (!check.passed && error && first === null) first = errorLine(t, name, error);
  }
  for (const challenge of challenges) {
    const name = t('lparsh.check.challenge', { id: challenge.id, title: challenge.title });
    const { check, error } = playChallenge(challenge);
    if (check.passed) passed.push(name);
    else failed.push(...check.results.filter((r) => !r.ok).map((r) => failedLine(t, name, r)));
    if (!check.passed && error && first === null) first = errorLine(t, name, error);
  }
  return { passed, failed, firstError: first };
}

/** Runs --export-lesson or --lesson; null when the arguments ask for neither. */
export function runLessonCommand(argv: readonly string[], io: Io = nodeIo): number | null {
  const exportAt = argv.indexOf('--export-lesson');
  const lessonAt = argv.indexOf('--lesson');
  if (exportAt < 0 && lessonAt < 0) return null;
  const fail = (message: string, code = 2) => {
    io.err(`lparsh: ${safe(message)}\n`);
    return code;
  };
  // the language first, so that every refusal after it is in that language (an exported file holds every language it has)
  const rest = [...argv];
  let lang: Language = DEFAULT_LANGUAGE;
  const langAt = rest.indexOf('--lang');
  if (langAt >= 0) {
    const wanted = rest[langAt + 1];
    const langs = Object.keys(LANGUAGES).join(', ');
    if (!isLanguage(wanted)) return fail(wanted === undefined ? translateEnglish('lparsh.lang.takes', { langs }) : translateEnglish('lparsh.lang.takesNot', { langs, lang: wanted.slice(0, 40) }));
    lang = wanted;
    rest.splice(langAt, 2);
  }
  const t = translateIn(lang);
  if (exportAt >= 0 && lessonAt >= 0) return fail(t('lparsh.lesson.oneAtATime'));
  if (exportAt >= 0) {
    const id = argv[exportAt + 1];
    if (rest.length !== 2 || id === undefined || id === '--lang') return fail(`${t('lparsh.lesson.exportTakes')}\n${t('lparsh.usage.lesson')}`);
    const file = findBuiltinFile(id);
    if (!file) {
      const lessons = BUILTIN_FILES.filter((f) => f.lesson.steps.length).map((f) => f.lesson.id).join(', ');
      const challenges = BUILTIN_FILES.flatMap((f) => f.challenges.map((c) => c.id)).join(', ');
      return fail(t('lparsh.lesson.noSuch', { id: id.slice(0, 40), lessons, challenges }));
    }
    io.out(lessonFileText(file));
    return 0;
  }
  const at = rest.indexOf('--lesson');
  const path = rest[at + 1];
  rest.splice(at, 2);
  if (path === undefined || path.startsWith('-')) return fail(`${t('lparsh.lesson.needsFile')}\n${t('lparsh.usage.lesson')}`);
  if (rest.length !== 1 || rest[0] !== '--check') return fail(`${t('lparsh.lesson.goesWith')}\n${t('lparsh.usage.lesson')}`);
  let source: string;
  try {
    source = io.read(path);
  } catch (e) {
    return fail(t('lparsh.file.cannotRead', { path, why: ioWhy(t, e) }));
  }
  const parsed = parseLessonFile(source);
  // the validator's words where it has them (every refusal of the format), the field named as the file names it
  if (!parsed.ok) return fail(t('lparsh.lesson.notLesson', { path, why: parsed.words ? t('lesson.file.field', { field: parsed.field === WHOLE_FILE ? t('lesson.file.whole') : parsed.field, problem: wordsIn(t, parsed.words) }) : refusal(parsed) }));
  const { passed, failed, firstError } = checkLessonFile(parsed.file, lang);
  const { lesson, challenges } = textIn(parsed.file, lang);
  const amount = (key: 'lparsh.check.steps' | 'lparsh.check.challenges', n: number) => (n ? t(key, { n: String(n), count: n }) : '');
  const [steps, tasks] = [amount('lparsh.check.steps', lesson.steps.length), amount('lparsh.check.challenges', challenges.length)];
  const what = steps && tasks ? t('lparsh.check.both', { steps, challenges: tasks }) : steps || tasks;
  if (failed.length) {
    const lead = firstError ? [`  ${t('lparsh.check.firstError', { line: firstError })}`, `  ${t('lparsh.check.theFailed', { more: String(failed.length > 1) })}`] : [];
    const head = t('lparsh.check.failedCount', { path, title: lesson.title, n: String(failed.length), count: failed.length });
    io.err(`${safe([head, ...lead, ...failed.map((f) => `  ${t('lparsh.check.fail', { line: f })}`)].join('\n'))}\n`);
    return 1;
  }
  // a file in several languages says which ones were checked: each was found complete
  const langs = parsed.file.languages ? t('lparsh.check.complete', { langs: languagesOf(parsed.file).join(', ') }) : '';
  io.out(`${safe(t('lparsh.check.passes', { path, title: lesson.title, what, played: String(passed.length), langs }))}\n`);
  return 0;
}
