// A hand-in (`<student>.<assignment>.lparlab.json`, docs/homework.md): which
// assignment it answers (id and hash), the student's id, and per task the
// lines typed on the branch that solved it, the answer to an exercise, and
// the page's own verdict. The verdict is what the student's page claimed; the
// grader never trusts it (grade.ts replays the lines). Untrusted like every
// file: checked field by field within limits.

import { MAX_LINE } from '../shell/parser.js';
import { ASSIGNMENT_LIMITS, studentId } from './assignment.js';
import { isRecord } from '../lessons/format.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export const SUBMISSION_FORMAT = 'lparlab-submission';
export const SUBMISSION_VERSION = 1;
/** The copyable hand-in code, for platforms that take text: this prefix, then the file's JSON deflated (deflate-raw) in base64url. */
export const HANDIN_CODE_PREFIX = 'lparlab-handin:1:';

export const SUBMISSION_LIMITS = {
  /** characters of the whole file */
  file: 1024 * 1024,
  /** lines of one task */
  lines: 2000,
  /** characters of one line: the shell's own limit */
  line: MAX_LINE,
  answer: 200,
} as const;

export interface Claimed {
  readonly solved: boolean;
  readonly stepsMet: number;
}

export interface TaskWork {
  /** the task's index in the assignment */
  readonly task: number;
  readonly lines: readonly string[];
  /** an exercise's answer as the student wrote it */
  readonly answer?: string;
  /** the exercise variant the student's page worked on (the grader derives its own and compares) */
  readonly variant?: number;
  readonly claimed?: Claimed;
}

export interface Submission {
  readonly assignment: { readonly id: string; readonly hash: string };
  readonly student: string;
  readonly tasks: readonly TaskWork[];
}

export type SubmissionResult =
  | { readonly ok: true; readonly submission: Submission }
  | { readonly ok: false; readonly message: string; readonly words?: Words };

class Refused {
  constructor(readonly message: string, readonly words: Words) {}
}
/** A refusal: its English sentence, and the same as words (words.ts) for a grader in another language (issue 23). */
const refuse = (message: string, said: Words): never => {
  throw new Refused(message, said);
};

function only(v: unknown, field: string, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(v)) return refuse(`${field || 'the file'} must be an object`, field ? words('homework.handInFile.object', { field }) : words('homework.handInFile.fileObject'));
  for (const key of Object.keys(v)) if (!allowed.includes(key)) {
    const name = `${field}${field ? '.' : ''}${key.slice(0, 40)}`;
    refuse(`${name} is not a field of a hand-in`, words('homework.handInFile.unknownField', { field: name }));
  }
  return v;
}

function work(v: unknown, field: string): TaskWork {
  const t = only(v, field, ['task', 'lines', 'answer', 'variant', 'claimed']);
  if (typeof t.task !== 'number' || !Number.isInteger(t.task) || t.task < 0 || t.task >= ASSIGNMENT_LIMITS.tasks) refuse(`${field}.task must be a task's index`, words('homework.handInFile.taskIndex', { field: `${field}.task` }));
  if (!Array.isArray(t.lines)) refuse(`${field}.lines must be a list of lines`, words('homework.handInFile.linesList', { field: `${field}.lines` }));
  const lines = t.lines as unknown[];
  if (lines.length > SUBMISSION_LIMITS.lines) refuse(`${field}.lines holds ${lines.length} lines; at most ${SUBMISSION_LIMITS.lines}`, words('homework.handInFile.tooManyLines', { field: `${field}.lines`, lines: lines.length, max: SUBMISSION_LIMITS.lines }));
  lines.forEach((l, i) => {
    if (typeof l !== 'string') refuse(`${field}.lines[${i}] must be text`, words('homework.handInFile.lineText', { field: `${field}.lines[${i}]` }));
    if ((l as string).length > SUBMISSION_LIMITS.line) refuse(`${field}.lines[${i}] is longer than ${SUBMISSION_LIMITS.line} characters`, words('homework.handInFile.lineLong', { field: `${field}.lines[${i}]`, max: SUBMISSION_LIMITS.line }));
    if ((l as string).includes('\n')) refuse(`${field}.lines[${i}] must be one line`, words('homework.handInFile.oneLine', { field: `${field}.lines[${i}]` }));
  });
  const out: { -readonly [K in keyof TaskWork]: TaskWork[K] } = { task: t.task as number, lines: lines as string[] };
  if ('answer' in t) {
    if (typeof t.answer !== 'string' || t.answer.length > SUBMISSION_LIMITS.answer) refuse(`${field}.answer must be text of at most ${SUBMISSION_LIMITS.answer} characters`, words('homework.handInFile.answer', { field: `${field}.answer`, max: SUBMISSION_LIMITS.answer }));
    out.answer = t.answer as string;
  }
  if ('variant' in t) {
    if (typeof t.variant !== 'number' || !Number.isInteger(t.variant) || t.variant < 0 || t.variant > 0xffffffff) refuse(`${field}.variant must be a whole number`, words('homework.handInFile.variant', { field: `${field}.variant` }));
    out.variant = t.variant as number;
  }
  if ('claimed' in t) {
    const c = only(t.claimed, `${field}.claimed`, ['solved', 'stepsMet']);
    if (typeof c.solved !== 'boolean' || typeof c.stepsMet !== 'number' || !Number.isInteger(c.stepsMet) || c.stepsMet < 0 || c.stepsMet > 1000) refuse(`${field}.claimed must be { solved: true or false, stepsMet: a whole number }`, words('homework.handInFile.claimed', { field: `${field}.claimed` }));
    out.claimed = { solved: c.solved as boolean, stepsMet: c.stepsMet as number };
  }
  return out;
}

/** Check parsed JSON as a hand-in. */
export function validateSubmission(data: unknown): SubmissionResult {
  try {
    const d = only(data, '', ['format', 'version', 'assignment', 'student', 'tasks']);
    if (d.format !== SUBMISSION_FORMAT) refuse(`format must be "${SUBMISSION_FORMAT}" (is this a hand-in?)`, words('homework.handInFile.format', { format: SUBMISSION_FORMAT }));
    if (d.version !== SUBMISSION_VERSION) refuse(`version must be ${SUBMISSION_VERSION}`, words('homework.handInFile.version', { version: SUBMISSION_VERSION }));
    const a = only(d.assignment, 'assignment', ['id', 'hash']);
    if (typeof a.id !== 'string' || !/^[a-z0-9-]{1,32}$/.test(a.id)) refuse('assignment.id must be an assignment id', words('homework.handInFile.assignmentId'));
    if (typeof a.hash !== 'string' || !/^[0-9a-f]{64}$/.test(a.hash)) refuse('assignment.hash must be a SHA-256 in hex', words('homework.handInFile.assignmentHash'));
    if (typeof d.student !== 'string') refuse('student must be text', words('homework.handInFile.studentText'));
    const student = studentId(d.student as string);
    if (!student.ok) return refuse(`student: ${student.message}`, words('homework.handInFile.student', { why: student.words ?? student.message }));
    if (student.id !== d.student) refuse('student must be written as the lab writes it (lower case)', words('homework.handInFile.studentCase'));
    if (!Array.isArray(d.tasks)) refuse('tasks must be a list', words('homework.handInFile.tasksList'));
    const tasks = (d.tasks as unknown[]);
    if (tasks.length > ASSIGNMENT_LIMITS.tasks) refuse(`tasks holds ${tasks.length} entries; at most ${ASSIGNMENT_LIMITS.tasks}`, words('homework.handInFile.tooManyTasks', { tasks: tasks.length, max: ASSIGNMENT_LIMITS.tasks }));
    const works = tasks.map((t, i) => work(t, `tasks[${i}]`));
    const seen = new Set<number>();
    for (const w of works) {
      if (seen.has(w.task)) refuse(`task ${w.task} is handed in twice`, words('homework.handInFile.twice', { task: w.task }));
      seen.add(w.task);
    }
    return { ok: true, submission: { assignment: { id: a.id as string, hash: a.hash as string }, student: student.id, tasks: works } };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, message: e.message, words: e.words };
    throw e;
  }
}

/** Read a hand-in file's text: JSON within the size limit, then `validateSubmission`. */
export function parseSubmission(source: string): SubmissionResult {
  const [kib, most] = [Math.ceil(source.length / 1024), SUBMISSION_LIMITS.file / 1024];
  if (source.length > SUBMISSION_LIMITS.file) return { ok: false, message: `the file is ${kib} KiB; a hand-in is at most ${most} KiB`, words: words('homework.handInFile.tooLarge', { kib, most }) };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    const detail = (e as Error).message.slice(0, 120);
    return { ok: false, message: `not valid JSON (${detail})`, words: words('homework.handInFile.json', { detail }) };
  }
  return validateSubmission(data);
}

/** The hand-in as the JSON its file holds. */
export function submissionData(s: Submission): Record<string, unknown> {
  return { format: SUBMISSION_FORMAT, version: SUBMISSION_VERSION, assignment: s.assignment, student: s.student, tasks: s.tasks };
}

/** `<student>.<assignment>.lparlab.json` */
export const submissionFileName = (s: Pick<Submission, 'student' | 'assignment'>) => `${s.student}.${s.assignment.id}.lparlab.json`;
