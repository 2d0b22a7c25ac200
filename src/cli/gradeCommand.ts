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
import { LANGUAGES } from '../i18n/languages.ts';
import { readCatalog } from '../i18n/catalogFiles.ts';
import { makeTranslate } from '../i18n/translate.ts';
import { answersIn } from '../i18n/wordsIn.ts';

export const GRADE_USAGE = `       lparsh --grade ASSIGNMENT SUBMISSION... [--csv FILE]
  --grade ASSIGNMENT SUBMISSION...
                      replay every task of every hand-in (files, or folders of
                      *.lparlab.json) and re-check every rule; print a table and
                      write CSV (default ASSIGNMENT-ID.grades.csv); exit 0 all
                      graded, 1 some hand-in could not be, 2 a broken assignment`;

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

const COLUMNS: readonly [keyof GradeRow, string][] = [
  ['student', 'student'], ['task', 'task'], ['variant', 'variant'], ['solved', 'solved'], ['steps', 'steps met'], ['lines', 'lines'],
  ['firstError', 'first error'], ['sameLinesAs', 'same lines as'], ['claimed', 'claimed'], ['note', 'note'], ['file', 'file'],
];

/** A hand-in's text: its JSON, or the JSON inside a copyable code, inflated within the size limit. */
export function handInText(source: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = source.trim();
  if (!trimmed.startsWith(HANDIN_CODE_PREFIX)) return { ok: true, text: source };
  const code = trimmed.slice(HANDIN_CODE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return { ok: false, message: 'the hand-in code holds characters that are not base64url' };
  try {
    const bytes = inflateRawSync(Buffer.from(code, 'base64url'), { maxOutputLength: SUBMISSION_LIMITS.file });
    return { ok: true, text: bytes.toString('utf8') };
  } catch (e) {
    const message = (e as Error).message;
    return { ok: false, message: /larger than|maxOutputLength|buffer/i.test(message) ? `the hand-in code inflates past ${SUBMISSION_LIMITS.file / 1024} KiB` : `the hand-in code is damaged (${message.slice(0, 80)})` };
  }
}

/** CSV text: every field quoted when it needs it; a field a spreadsheet would run as a formula is prefixed with '. */
export function csv(rows: readonly GradeRow[]): string {
  const cell = (v: string) => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${[COLUMNS.map(([, h]) => h), ...rows.map((r) => COLUMNS.map(([k]) => r[k]))].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
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

/** Grade the hand-ins read from `files` against an assignment; rows in file order, task order. */
export function gradeFiles(assignment: Assignment, files: readonly { file: string; source: string | { error: string } }[], accept: AcceptAnswers = answersInEveryLanguage()): GradeRow[] {
  const graded: Graded[] = files.map(({ file, source }) => {
    if (typeof source !== 'string') return { file, grade: { ok: false, student: null, reason: source.error }, lines: new Map() };
    const text = handInText(source);
    if (!text.ok) return { file, grade: { ok: false, student: null, reason: text.message }, lines: new Map() };
    const parsed = parseSubmission(text.text);
    if (!parsed.ok) return { file, grade: { ok: false, student: null, reason: `not a hand-in this lab can read: ${parsed.message}` }, lines: new Map() };
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
      rows.push({ ...empty, file, student: g.grade.student ?? '', task: '', note: g.grade.reason.replace(/\s+/g, ' ') });
      continue;
    }
    const { student } = g.grade;
    for (const t of g.grade.tasks) {
      const key = keyOf(g, t.index);
      const same = key ? (byLines.get(key) ?? []).filter((s) => s !== student) : [];
      rows.push(taskRow(file, student, t, same, twice.has(student)));
    }
  }
  return rows;
}

function taskRow(file: string, student: string, t: TaskGrade, same: readonly string[], twice: boolean): GradeRow {
  const notes = [t.note, twice ? 'this student handed in more than once' : null].filter(Boolean);
  return {
    file,
    student,
    task: `${t.index + 1}: ${t.name}`,
    variant: t.variant === null ? '' : String(t.variant),
    solved: t.solved ? 'yes' : 'no',
    steps: `${t.stepsMet}/${t.stepsTotal}`,
    lines: String(t.lines),
    firstError: t.firstError ? `line ${t.firstError.line}: ${t.firstError.input} -> ${t.firstError.message}` : '',
    sameLinesAs: same.join(' '),
    claimed: t.claimed ? `${t.claimed.solved ? 'solved' : 'not solved'}, ${t.claimed.stepsMet} step${t.claimed.stepsMet === 1 ? '' : 's'}` : '',
    note: notes.join('; '),
  };
}

/** The table printed for people: one row per line, columns padded, every string made visible. */
export function table(rows: readonly GradeRow[]): string {
  const shown: (keyof GradeRow)[] = ['student', 'task', 'variant', 'solved', 'steps', 'lines', 'firstError', 'sameLinesAs', 'note', 'file'];
  const cut = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);
  const cells = [shown.map((k) => COLUMNS.find(([c]) => c === k)![1]), ...rows.map((r) => shown.map((k) => cut(visible(r[k]))))];
  const widths = shown.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return `${cells.map((c) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n')}\n`;
}

/** Runs --grade; null when the arguments do not ask for it. */
export function runGradeCommand(argv: readonly string[], io: GradeIo = nodeGradeIo): number | null {
  const at = argv.indexOf('--grade');
  if (at < 0) return null;
  const fail = (message: string) => {
    io.err(`lparsh: ${visible(message)}\n`);
    return 2;
  };
  const args = argv.filter((_, i) => i !== at);
  let csvPath: string | null = null;
  const csvAt = args.indexOf('--csv');
  if (csvAt >= 0) {
    csvPath = args[csvAt + 1] ?? null;
    if (csvPath === null || csvPath.startsWith('-')) return fail(`--csv needs a FILE\n${GRADE_USAGE}`);
    args.splice(csvAt, 2);
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) return fail(`--grade goes with ASSIGNMENT SUBMISSION... and --csv FILE, not ${unknown}\n${GRADE_USAGE}`);
  const [assignmentPath, ...inputs] = args;
  if (!assignmentPath || inputs.length === 0) return fail(`--grade needs an ASSIGNMENT and at least one SUBMISSION (a file or a folder)\n${GRADE_USAGE}`);

  let source: string;
  try {
    if (io.size(assignmentPath) > 4 * 1024 * 1024) return fail(`${assignmentPath} is too large to be an assignment`);
    source = io.read(assignmentPath);
  } catch (e) {
    return fail(`cannot read ${assignmentPath}: ${(e as Error).message}`);
  }
  const parsed = parseAssignment(source);
  if (!parsed.ok) return fail(`${assignmentPath} is not an assignment this lab can use: ${parsed.field} ${parsed.message}`);
  const assignment = parsed.assignment;

  const files: { file: string; source: string | { error: string } }[] = [];
  const readOne = (file: string) => {
    try {
      if (io.size(file) > SUBMISSION_LIMITS.file * 2) files.push({ file, source: { error: `the file is larger than a hand-in can be (${SUBMISSION_LIMITS.file / 1024} KiB)` } });
      else files.push({ file, source: io.read(file) });
    } catch (e) {
      files.push({ file, source: { error: `cannot read it: ${(e as Error).message}` } });
    }
  };
  for (const input of inputs) {
    let names: string[] | null;
    try {
      names = io.list(input);
    } catch (e) {
      files.push({ file: input, source: { error: `cannot read it: ${(e as Error).message}` } });
      continue;
    }
    if (names === null) readOne(input);
    else for (const name of names.filter((n) => n.endsWith('.lparlab.json'))) readOne(join(input, name));
  }
  if (files.length === 0) return fail(`no hand-ins found (a folder is searched for *.lparlab.json)`);

  const rows = gradeFiles(assignment, files);
  const out = csvPath ?? `${assignment.id}.grades.csv`;
  try {
    io.write(out, csv(rows));
  } catch (e) {
    return fail(`cannot write ${out}: ${(e as Error).message}`);
  }
  const bad = rows.filter((r) => r.task === '').length;
  io.out(`"${assignment.title}" (${assignment.id}, ${assignment.tasks.length} tasks): ${files.length} hand-in${files.length === 1 ? '' : 's'}, ${files.length - bad} graded by replay${bad ? `, ${bad} could not be` : ''}\n\n`);
  io.out(table(rows));
  io.out(`\nwrote ${out}\n`);
  return bad ? 1 : 0;
}
