// lparsh's grader: `npx lparsh --grade ASSIGNMENT SUBMISSIONS... [--csv FILE]`.
// Replays every task of every hand-in on a fresh machine and re-checks every
// rule (src/engine/homework/grade.ts); the verdict a hand-in claims is shown
// but never used. Prints a table and writes CSV. Hand-ins are files or folders
// (every `*.lparlab.json` in a folder); a hand-in may also be the copyable
// code the page offers (`lparlab-handin:1:...`, deflated JSON in base64url).
//
// Exit 0: every hand-in was graded; 1: some hand-in could not be (each is a row
// with its reason); 2: the assignment or the arguments are broken.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { AcceptAnswers, Assignment, SubmissionGrade, TaskGrade } from '../engine/index.ts';
import { canonicalLines, gradeSubmission, HANDIN_CODE_PREFIX, parseAssignment, parseSubmission, SUBMISSION_LIMITS, visible } from '../engine/index.ts';
import stringWidth from 'string-width';
import { isLanguage, LANGUAGES } from '../i18n/languages.ts';
import { readCatalog } from '../i18n/catalogFiles.ts';
import { makeTranslate, translateEnglish, type MessageKey, type Translate } from '../i18n/translate.ts';
import { answersIn, wordsIn } from '../i18n/wordsIn.ts';

/** The prefix of the copyable hand-in code the page offers (one constant, in the engine, for the page and the grader). */
export { HANDIN_CODE_PREFIX };

export interface GradeIo {
  out(text: string): void;
  err(text: string): void;
  read(path: string): string;
  /** the names in a folder, or null when the path is not a folder */
  list(path: string): string[] | null;
  size(path: string): number;
  write(path: string, text: string): void;
}

export const nodeGradeIo: GradeIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  read: (path) => readFileSync(path, 'utf8'),
  list: (path) => (statSync(path).isDirectory() ? readdirSync(path).sort() : null),
  size: (path) => statSync(path).size,
  write: (path, text) => writeFileSync(path, text),
};

/** A grade row: one task of one hand-in, or one hand-in that could not be graded. */
export interface GradeRow {
  readonly file: string;
  readonly student: string;
  readonly task: string;
  readonly variant: string;
  readonly solved: string;
  readonly steps: string;
  readonly lines: string;
  readonly firstError: string;
  readonly sameLinesAs: string;
  readonly claimed: string;
  readonly note: string;
}

/** The columns, in order, with the catalog key of each heading (in English: student, task, variant, solved, steps met, ...). */
const COLUMNS: readonly [keyof GradeRow, MessageKey][] = [
  ['student', 'lparsh.grade.column.student'], ['task', 'lparsh.grade.column.task'], ['variant', 'lparsh.grade.column.variant'],
  ['solved', 'lparsh.grade.column.solved'], ['steps', 'lparsh.grade.column.steps'], ['lines', 'lparsh.grade.column.lines'],
  ['firstError', 'lparsh.grade.column.firstError'], ['sameLinesAs', 'lparsh.grade.column.sameLinesAs'], ['claimed', 'lparsh.grade.column.claimed'],
  ['note', 'lparsh.grade.column.note'], ['file', 'lparsh.grade.column.file'],
];

/** A hand-in's text: its JSON, or the JSON inside a copyable code, inflated within the size limit. */
export function handInText(source: string, t: Translate = translateEnglish): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = source.trim();
  if (!trimmed.startsWith(HANDIN_CODE_PREFIX)) return { ok: true, text: source };
  const code = trimmed.slice(HANDIN_CODE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return { ok: false, message: t('lparsh.grade.codeCharacters') };
  try {
    const bytes = inflateRawSync(Buffer.from(code, 'base64url'), { maxOutputLength: SUBMISSION_LIMITS.file });
    return { ok: true, text: bytes.toString('utf8') };
  } catch (e) {
    const message = (e as Error).message;
    return { ok: false, message: /larger than|maxOutputLength|buffer/i.test(message) ? t('lparsh.grade.codeTooLarge', { kib: String(SUBMISSION_LIMITS.file / 1024) }) : t('lparsh.grade.codeDamaged', { why: message.slice(0, 80) }) };
  }
}

/** CSV text: every field quoted when it needs it; a field a spreadsheet would run as a formula is prefixed with '. */
export function csv(rows: readonly GradeRow[], t: Translate = translateEnglish): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[COLUMNS.map(([, h]) => t(h)), ...rows.map((r) => COLUMNS.map(([k]) => r[k]))].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

interface Graded {
  readonly file: string;
  readonly grade: SubmissionGrade;
  readonly lines: ReadonlyMap<number, readonly string[]>;
}

/**
 * An exercise's answer as a student of any registered language may write it
 * (each catalog's forms): the class reads its own language, and the grader
 * takes them all.
 */
export function answersInEveryLanguage(): AcceptAnswers {
  const translators = Object.keys(LANGUAGES).map((lang) => makeTranslate(lang, readCatalog(lang)));
  return (e) => translators.flatMap((t) => answersIn(t, e));
}

/** Grade the hand-ins read from `files` against an assignment; rows in file order, task order, their words in the language of `t`. */
export function gradeFiles(assignment: Assignment, files: readonly { file: string; source: string | { error: string } }[], accept: AcceptAnswers = answersInEveryLanguage(), t: Translate = translateEnglish): GradeRow[] {
  const graded: Graded[] = files.map(({ file, source }) => {
    if (typeof source !== 'string') return { file, grade: { ok: false, student: null, reason: source.error }, lines: new Map() };
    const text = handInText(source, t);
    if (!text.ok) return { file, grade: { ok: false, student: null, reason: text.message }, lines: new Map() };
    const parsed = parseSubmission(text.text);
    if (!parsed.ok) return { file, grade: { ok: false, student: null, reason: t('lparsh.grade.notHandIn', { why: parsed.words ? wordsIn(t, parsed.words) : parsed.message }) }, lines: new Map() };
    return { file, grade: gradeSubmission(assignment, parsed.submission, accept), lines: new Map(parsed.submission.tasks.map((t) => [t.task, t.lines])) };
  });

  // the same lines after renaming, per task, among hand-ins of at least 3 lines
  const byLines = new Map<string, string[]>();
  const keyOf = (g: Graded, task: number) => {
    const lines = g.lines.get(task);
    return lines && lines.length >= 3 ? `${task}\n${canonicalLines(lines)}` : null;
  };
  for (const g of graded) {
    if (!g.grade.ok) continue;
    for (const t of g.grade.tasks) {
      const key = keyOf(g, t.index);
      if (key) byLines.set(key, [...(byLines.get(key) ?? []), g.grade.student]);
    }
  }
  const students = graded.filter((g) => g.grade.ok).map((g) => g.grade.student);
  const twice = new Set(students.filter((s, i) => students.indexOf(s) !== i));

  const rows: GradeRow[] = [];
  const empty = { variant: '', solved: '', steps: '', lines: '', firstError: '', sameLinesAs: '', claimed: '' };
  for (const g of graded) {
    const file = basename(g.file);
    if (!g.grade.ok) {
      const reason = g.grade.reasonWords ? wordsIn(t, g.grade.reasonWords) : g.grade.reason;
      rows.push({ ...empty, file, student: g.grade.student ?? '', task: '', note: reason.replace(/\s+/g, ' ') });
      continue;
    }
    const { student } = g.grade;
    for (const task of g.grade.tasks) {
      const key = keyOf(g, task.index);
      const same = key ? (byLines.get(key) ?? []).filter((s) => s !== student) : [];
      rows.push(taskRow(t, file, student, task, same, twice.has(student)));
    }
  }
  return rows;
}

/** One task's row in the language of `t`; the task's name is the command that opens it, the same in every language. */
function taskRow(t: Translate, file: string, student: string, task: TaskGrade, same: readonly string[], twice: boolean): GradeRow {
  const note = task.noteWords ? wordsIn(t, task.noteWords) : task.note;
  const notes = [note, twice ? t('lparsh.grade.twice') : null].filter(Boolean);
  const error = task.firstError;
  // an error's words may run to a second line (a hint): the table keeps the first, as the English does
  const message = error?.words ? `${error.errno}: ${wordsIn(t, error.words).split('\n')[0]}` : error?.message;
  const claimed = task.claimed;
  return {
    file,
    student,
    task: `${task.index + 1}: ${task.name}`,
    variant: task.variant === null ? '' : String(task.variant),
    solved: t(task.solved ? 'lparsh.grade.yes' : 'lparsh.grade.no'),
    steps: `${task.stepsMet}/${task.stepsTotal}`,
    lines: String(task.lines),
    firstError: error ? t('lparsh.grade.firstError', { line: String(error.line), input: error.input, message: message! }) : '',
    sameLinesAs: same.join(' '),
    claimed: claimed ? t('lparsh.grade.claimed', { solved: String(claimed.solved), n: String(claimed.stepsMet), count: claimed.stepsMet }) : '',
    note: notes.join(t('lparsh.grade.noteSeparator')),
  };
}

/** The most terminal cells a table cell takes before it is cut with an ellipsis. */
const CELL_MOST = 48;

/**
 * `text` in at most `most` terminal cells: cut by what the terminal shows
 * (a Japanese character takes two cells, an emoji is not split in half),
 * not by UTF-16 units, with '…' (one cell) saying something was left out.
 */
export function cutToCells(text: string, most: number): string {
  if (stringWidth(text) <= most) return text;
  let kept = '';
  let width = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    const w = stringWidth(segment);
    if (width + w > most - 1) break;
    kept += segment;
    width += w;
  }
  return `${kept}…`;
}

/** The table printed for people: one row per line, columns padded, every string made visible. */
export function table(rows: readonly GradeRow[], t: Translate = translateEnglish): string {
  const shown: (keyof GradeRow)[] = ['student', 'task', 'variant', 'solved', 'steps', 'lines', 'firstError', 'sameLinesAs', 'note', 'file'];
  const cells = [shown.map((k) => t(COLUMNS.find(([c]) => c === k)![1])), ...rows.map((r) => shown.map((k) => cutToCells(visible(r[k]), CELL_MOST)))];
  // measured in terminal cells: a Japanese heading or name takes two a character (ASCII measures as its length)
  const widths = shown.map((_, i) => Math.max(...cells.map((c) => stringWidth(c[i]!))));
  return `${cells.map((c) => c.map((v, i) => v + ' '.repeat(widths[i]! - stringWidth(v))).join('  ').trimEnd()).join('\n')}\n`;
}

/**
 * Why a file could not be read or written, in the language of `t`: the
 * system's English sentence in English (as it always was), and in another
 * language the catalog's words for the common errno codes, the code kept.
 */
export const ioWhy = (t: Translate, e: unknown): string => t('lparsh.file.why', { code: String((e as NodeJS.ErrnoException).code ?? ''), message: (e as Error).message });

/** Runs --grade; null when the arguments do not ask for it. --lang L says the table, the CSV and the errors in L (the names, lines and ids as they are). */
export function runGradeCommand(argv: readonly string[], io: GradeIo = nodeGradeIo): number | null {
  const at = argv.indexOf('--grade');
  if (at < 0) return null;
  let t = translateEnglish;
  const fail = (message: string) => {
    io.err(`lparsh: ${visible(message)}\n`);
    return 2;
  };
  const args = argv.filter((_, i) => i !== at);
  const langAt = args.indexOf('--lang');
  if (langAt >= 0) {
    const lang = args[langAt + 1];
    if (!isLanguage(lang)) return fail(lang === undefined ? t('lparsh.lang.takes', { langs: Object.keys(LANGUAGES).join(', ') }) : t('lparsh.lang.takesNot', { langs: Object.keys(LANGUAGES).join(', '), lang: lang.slice(0, 40) }));
    t = makeTranslate(lang, readCatalog(lang));
    args.splice(langAt, 2);
  }
  const usage = t('lparsh.grade.usage');
  let csvPath: string | null = null;
  const csvAt = args.indexOf('--csv');
  if (csvAt >= 0) {
    csvPath = args[csvAt + 1] ?? null;
    if (csvPath === null || csvPath.startsWith('-')) return fail(`${t('lparsh.grade.csvNeeds')}\n${usage}`);
    args.splice(csvAt, 2);
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) return fail(`${t('lparsh.grade.unknown', { option: unknown })}\n${usage}`);
  const [assignmentPath, ...inputs] = args;
  if (!assignmentPath || inputs.length === 0) return fail(`${t('lparsh.grade.needs')}\n${usage}`);

  let source: string;
  try {
    if (io.size(assignmentPath) > 4 * 1024 * 1024) return fail(t('lparsh.grade.assignmentTooLarge', { path: assignmentPath }));
    source = io.read(assignmentPath);
  } catch (e) {
    return fail(t('lparsh.file.cannotRead', { path: assignmentPath, why: ioWhy(t, e) }));
  }
  const parsed = parseAssignment(source);
  if (!parsed.ok) return fail(t('lparsh.grade.notAssignment', { path: assignmentPath, field: parsed.field, why: parsed.words ? wordsIn(t, parsed.words) : parsed.message }));
  const assignment = parsed.assignment;

  const files: { file: string; source: string | { error: string } }[] = [];
  const cannotRead = (e: unknown) => ({ error: t('lparsh.grade.cannotReadIt', { why: ioWhy(t, e) }) });
  const readOne = (file: string) => {
    try {
      if (io.size(file) > SUBMISSION_LIMITS.file * 2) files.push({ file, source: { error: t('lparsh.grade.handInTooLarge', { kib: String(SUBMISSION_LIMITS.file / 1024) }) } });
      else files.push({ file, source: io.read(file) });
    } catch (e) {
      files.push({ file, source: cannotRead(e) });
    }
  };
  for (const input of inputs) {
    let names: string[] | null;
    try {
      names = io.list(input);
    } catch (e) {
      files.push({ file: input, source: cannotRead(e) });
      continue;
    }
    if (names === null) readOne(input);
    else for (const name of names.filter((n) => n.endsWith('.lparlab.json'))) readOne(join(input, name));
  }
  if (files.length === 0) return fail(t('lparsh.grade.noHandIns'));

  const rows = gradeFiles(assignment, files, answersInEveryLanguage(), t);
  const out = csvPath ?? `${assignment.id}.grades.csv`;
  try {
    io.write(out, csv(rows, t));
  } catch (e) {
    return fail(t('lparsh.file.cannotWrite', { path: out, why: ioWhy(t, e) }));
  }
  const bad = rows.filter((r) => r.task === '').length;
  const couldNot = bad ? t('lparsh.grade.couldNot', { bad: String(bad) }) : '';
  io.out(`${t('lparsh.grade.summary', { title: assignment.title, id: assignment.id, tasks: String(assignment.tasks.length), files: String(files.length), count: files.length, graded: String(files.length - bad), couldNot })}\n\n`);
  io.out(table(rows, t));
  io.out(`\n${t('lparsh.grade.wrote', { path: out })}\n`);
  return bad ? 1 : 0;
}
