// The student's work on an assignment, as the page keeps it and hands it in:
// per task the lines typed on the branch while the task was open, and an
// exercise's answer. Every status the page shows is graded from those lines
// with the grader's own function (gradeTask), never read from storage, so
// what a student sees is what `lparsh --grade` will find.

import type { AcceptAnswers, Assignment, Submission, TaskGrade, TaskWork } from '../../engine/index.ts';
import { gradeTask, HANDIN_CODE_PREFIX, SUBMISSION_LIMITS, submissionData, submissionFileName, variantSeed } from '../../engine/index.ts';
import { jsonFile } from '../share/download.ts';
import { packText } from '../share/packedText.ts';
import { translateEnglish, type Translate } from '../../i18n/translate.ts';
import { answersIn } from '../../i18n/wordsIn.ts';

export interface TaskRecord {
  readonly lines: readonly string[];
  /** an exercise's answer as typed */
  readonly answer?: string;
}

/** The student's work, by task index. */
export type Work = Readonly<Record<number, TaskRecord>>;

/** The variant of task `index` for this student: an exercise's seed, null for lessons and challenges. */
export function taskVariant(assignment: Assignment, student: string, index: number): number | null {
  return assignment.tasks[index]?.kind === 'exercise' ? variantSeed(assignment, student, index) : null;
}

function taskWork(assignment: Assignment, student: string, index: number, record: TaskRecord | undefined): TaskWork | null {
  if (!record) return null;
  const variant = taskVariant(assignment, student, index);
  return {
    task: index,
    lines: record.lines,
    ...(record.answer !== undefined ? { answer: record.answer } : {}),
    ...(variant !== null ? { variant } : {}),
  };
}

/** Task `index` graded by replaying the student's lines, as the grader will; an exercise's answer may be in the reader's language (`accept`). */
export function gradeOf(assignment: Assignment, student: string, work: Work, index: number, accept?: AcceptAnswers): TaskGrade {
  return gradeTask(assignment.tasks[index]!, index, taskWork(assignment, student, index, work[index]), taskVariant(assignment, student, index), accept);
}

export type TaskStatus =
  | { readonly kind: 'not-started' }
  | { readonly kind: 'steps'; readonly met: number; readonly total: number }
  | { readonly kind: 'solved' }
  /** an exercise with an answer: whether it is right is the grader's to say (the page does not tell, or guessing would do) */
  | { readonly kind: 'answered' };

export function statusOf(assignment: Assignment, student: string, work: Work, index: number): TaskStatus {
  const record = work[index];
  const task = assignment.tasks[index]!;
  if (task.kind === 'exercise') return record?.answer?.trim() ? { kind: 'answered' } : { kind: 'not-started' };
  if (!record || record.lines.length === 0) return { kind: 'not-started' };
  const grade = gradeOf(assignment, student, work, index);
  return grade.solved ? { kind: 'solved' } : { kind: 'steps', met: grade.stepsMet, total: grade.stepsTotal };
}

export function statusText(t: Translate, status: TaskStatus): string {
  switch (status.kind) {
    case 'not-started': return t('homework.status.notStarted');
    case 'steps': return t('homework.status.steps', { met: status.met, total: status.total });
    case 'solved': return t('homework.status.solved');
    case 'answered': return t('homework.status.answered');
  }
}

export type Built = { readonly ok: true; readonly submission: Submission } | { readonly ok: false; readonly message: string };

/** The hand-in: every task worked on, with its lines, its answer and variant, and the page's own verdict. */
export function buildSubmission(assignment: Assignment, student: string, work: Work, t: Translate = translateEnglish): Built {
  const tasks: TaskWork[] = [];
  for (let i = 0; i < assignment.tasks.length; i++) {
    const w = taskWork(assignment, student, i, work[i]);
    if (!w) continue;
    if (w.lines.length > SUBMISSION_LIMITS.lines) return { ok: false, message: t('homework.handIn.tooManyLines', { n: i + 1, lines: w.lines.length, limit: SUBMISSION_LIMITS.lines }) };
    if (w.answer !== undefined && w.answer.length > SUBMISSION_LIMITS.answer) return { ok: false, message: t('homework.handIn.longAnswer', { n: i + 1, limit: SUBMISSION_LIMITS.answer }) };
    // the page's own verdict takes an answer written in the reader's language, as the grader does (never trusted)
    const grade = gradeOf(assignment, student, work, i, (e) => answersIn(t, e));
    tasks.push({ ...w, claimed: { solved: grade.solved, stepsMet: grade.stepsMet } });
  }
  if (tasks.length === 0) return { ok: false, message: t('homework.handIn.nothing') };
  return { ok: true, submission: { assignment: { id: assignment.id, hash: assignment.hash }, student, tasks } };
}

/** The hand-in file: its name and its text. */
export function handInFile(submission: Submission): { readonly name: string; readonly text: string } {
  return { name: submissionFileName(submission), text: jsonFile(submissionData(submission)) };
}

/** The copyable hand-in code `lparsh --grade` reads: the prefix, then the file's text deflated in base64url. */
export async function handInCode(fileText: string): Promise<string> {
  return `${HANDIN_CODE_PREFIX}${await packText(fileText)}`;
}
