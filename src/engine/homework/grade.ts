// Grading by replay: every task of a hand-in is played again on a fresh
// machine from the lines the student typed, and every rule is checked again
// on what that machine did. The verdict the student's page claimed is shown
// beside the grade but never used for it. The page grades its own work with
// the same function, so what a student sees is what the teacher gets.
//
// A lesson is graded as the page walks it: the steps in order, each met once
// its rules all hold together after some line (the same latch as lessons),
// the next step's rules counting from that moment.

import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { parseLine } from '../shell/parser.js';
import { checkStep } from '../lessons/lesson.js';
import type { Rule } from '../lessons/rules.js';
import type { Exercise } from '../lessons/exercises.js';
import { generateExercise } from '../lessons/exercises.js';
import type { Assignment, Task } from './assignment.js';
import { taskName, variantSeed } from './assignment.js';
import type { Claimed, Submission, TaskWork } from './submission.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export interface TaskGrade {
  readonly index: number;
  readonly name: string;
  /** an exercise's variant (its seed), null for lessons and challenges */
  readonly variant: number | null;
  readonly solved: boolean;
  readonly stepsMet: number;
  readonly stepsTotal: number;
  readonly lines: number;
  /** the first line that answered an error, as typed, with its message */
  readonly firstError: { readonly line: number; readonly input: string; readonly message: string; readonly errno: string; readonly words?: Words } | null;
  /** what the student's page claimed (never trusted) */
  readonly claimed: Claimed | null;
  /** why the task could not be graded as handed in, or null */
  readonly note: string | null;
  /** the note as words, for a grader in another language (issue 23) */
  readonly noteWords?: Words;
}

function firstErrorOf(out: readonly Output[], lineIndex: number, input: string): TaskGrade['firstError'] {
  for (const o of out) {
    if (o.kind === 'error') return { line: lineIndex + 1, input, message: `${o.errno}: ${o.message.split('\n')[0]}`, errno: o.errno, ...(o.words ? { words: o.words } : {}) };
    if (o.kind === 'complete' && !o.result.ok) return { line: lineIndex + 1, input, message: `${o.result.errno}: ${o.result.message}`, errno: o.result.errno, ...(o.result.words ? { words: o.result.words } : {}) };
  }
  return null;
}

interface Played {
  stepsMet: number;
  firstError: TaskGrade['firstError'];
}

/** Play lines, walking `stages` of rules in order: a stage is met when its rules hold together, and the next counts from then. */
function walk(lines: readonly string[], stages: readonly (readonly Rule[])[]): Played {
  let shell: ShellState = createShell();
  let stage = 0;
  let since = shell.timeline.current.seq;
  let outputs: Output[] = [];
  let firstError: TaskGrade['firstError'] = null;
  lines.forEach((line, i) => {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
    firstError ??= firstErrorOf(ran.out, i, line);
    while (stage < stages.length && checkStep(stages[stage]!, shell, outputs, since).passed) {
      stage += 1;
      since = shell.timeline.current.seq;
      outputs = [];
    }
  });
  return { stepsMet: stage, firstError };
}

/**
 * How a free-text exercise answer compares: case, width (NFKC: Ａ is A),
 * spaces, quotes and the full stops of English and Japanese aside ("free"
 * stands for "free memory"). `also` holds the answer as a reader of another
 * language may write it (src/i18n gives the forms its catalog accepts), each
 * compared whole in the same way.
 */
export function sameAnswer(expected: string, given: string, also: readonly string[] = []): boolean {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/["'`\s.。、「」『』]/g, '');
  const e = norm(expected);
  const g = norm(given);
  if (g === '') return false;
  if (e === g) return true;
  if (also.some((a) => norm(a) === g)) return true;
  if (e === 'freememory' && g === 'free') return true;
  // "nothing yet: it blocks until a message arrives"
  return e.startsWith('nothingyet') && /^(nothing|itblocks|blocks|block|\[\])/.test(g);
}

/** The answers to an exercise a grader takes besides its English (the forms of every language it reads). */
export type AcceptAnswers = (exercise: Exercise) => readonly string[];

/** Grade one task of one student from their work (null: nothing handed in for it). */
export function gradeTask(task: Task, index: number, work: TaskWork | null, variant: number | null, accept: AcceptAnswers = () => []): TaskGrade {
  const lines = work?.lines ?? [];
  const base = { index, name: taskName(task), variant, lines: lines.length, claimed: work?.claimed ?? null };
  const missing = work ? { note: null } : { note: 'not handed in', noteWords: words('homework.grade.notHandedIn') };
  switch (task.kind) {
    case 'lesson': {
      const played = walk(lines, task.lesson.steps.map((s) => s.check));
      const total = task.lesson.steps.length;
      return { ...base, solved: played.stepsMet === total, stepsMet: played.stepsMet, stepsTotal: total, firstError: played.firstError, ...missing };
    }
    case 'challenge': {
      const played = walk(lines, [task.challenge.check]);
      return { ...base, solved: played.stepsMet === 1, stepsMet: played.stepsMet, stepsTotal: 1, firstError: played.firstError, ...missing };
    }
    case 'exercise': {
      const exercise = generateExercise(task.exercise, variant ?? 0);
      const played = walk(lines, []);
      const solved = work?.answer !== undefined && sameAnswer(exercise.answer, work.answer, accept(exercise));
      const wrongVariant = work?.variant !== undefined && work.variant !== variant;
      const note = !work ? missing
        : wrongVariant ? { note: `worked on variant ${work.variant}, not this student's ${variant}`, noteWords: words('homework.grade.otherVariant', { worked: work.variant!, variant: variant ?? 0 }) }
        : work.answer === undefined ? { note: 'no answer given', noteWords: words('homework.grade.noAnswer') } : { note: null };
      return { ...base, solved: solved && !wrongVariant, stepsMet: solved && !wrongVariant ? 1 : 0, stepsTotal: 1, firstError: played.firstError, ...note };
    }
  }
}

export type SubmissionGrade =
  | { readonly ok: true; readonly student: string; readonly tasks: readonly TaskGrade[] }
  | { readonly ok: false; readonly student: string | null; readonly reason: string; readonly reasonWords?: Words };

/** Grade a hand-in against the assignment it must answer; a hand-in for another assignment or version is a reason, not a grade. */
export function gradeSubmission(assignment: Assignment, submission: Submission, accept?: AcceptAnswers): SubmissionGrade {
  const { student } = submission;
  const { id, hash } = submission.assignment;
  if (id !== assignment.id) return { ok: false, student, reason: `a hand-in for another assignment ("${id}")`, reasonWords: words('homework.grade.otherAssignment', { id }) };
  if (hash !== assignment.hash) {
    const [theirs, ours] = [hash.slice(0, 12), assignment.hash.slice(0, 12)];
    return { ok: false, student, reason: `a hand-in for another version of "${assignment.id}" (hash ${theirs}..., this one ${ours}...)`, reasonWords: words('homework.grade.otherVersion', { id: assignment.id, theirs, ours }) };
  }
  const extra = submission.tasks.find((w) => w.task >= assignment.tasks.length);
  if (extra) return { ok: false, student, reason: `task ${extra.task} is not a task of this assignment (it has ${assignment.tasks.length})`, reasonWords: words('homework.grade.notATask', { task: extra.task, tasks: assignment.tasks.length }) };
  const tasks = assignment.tasks.map((task, i) => {
    const variant = task.kind === 'exercise' ? variantSeed(assignment, student, i) : null;
    return gradeTask(task, i, submission.tasks.find((w) => w.task === i) ?? null, variant, accept);
  });
  return { ok: true, student, tasks };
}

// ------------------------------------------------------------ the same lines

const WORDS = new Set(['help', 'ls', 'map', 'lesson', 'seed', 'log', 'back', 'reset', 'lpars', 'frames', 'channels', 'fds', 'ps']);

/** The names a line binds (`x = ...`, also after `@A`). */
function boundNames(line: string): string[] {
  const parsed = parseLine(line, WORDS);
  const stmt = parsed.kind === 'switch' ? parsed.then : parsed;
  return stmt && stmt.kind === 'assign' ? [stmt.name] : [];
}

/**
 * Lines with every name the student bound renamed in order of first binding
 * (n1, n2, ...), strings and comments kept, spaces collapsed: two students
 * whose lines differ only in their names give the same text.
 */
export function canonicalLines(lines: readonly string[]): string {
  const rename = new Map<string, string>();
  for (const line of lines) for (const name of boundNames(line)) if (!rename.has(name)) rename.set(name, `n${rename.size + 1}`);
  const canonical = (line: string) => {
    let out = '';
    let comment = false;
    line.split(/("(?:[^"\\]|\\.)*")/).forEach((part, i) => {
      if (comment) return;
      if (i % 2 === 1) {
        out += part;
        return;
      }
      const hash = part.indexOf('#');
      if (hash >= 0) comment = true;
      out += (hash >= 0 ? part.slice(0, hash) : part).replace(/[A-Za-z_][A-Za-z0-9_]*/g, (w) => rename.get(w) ?? w).replace(/\s+/g, '');
    });
    return out;
  };
  return lines.map(canonical).filter((l) => l !== '').join('\n');
}
