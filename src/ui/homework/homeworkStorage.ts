// Where the page keeps an assignment and the student's work on it: the
// assignment's text (so a reload finds it again), and per assignment (its id
// and hash) the student's id and, per student, the lines and answers of each
// task. What is read back is untrusted (another tab, an older lab, a person
// with the developer tools): it is checked shape by shape and whatever does
// not fit is dropped. Storage that is full or blocked costs only persistence.

import type { Assignment } from '../../engine/index.ts';
import { ASSIGNMENT_LIMITS, SUBMISSION_LIMITS } from '../../engine/index.ts';
import type { TaskRecord, Work } from './handIn.ts';
import { ASSIGNMENT_KEY } from './homeworkShown.ts';

const keyOf = (a: Pick<Assignment, 'id' | 'hash'>) => `lparlab.homework.${a.id}.${a.hash.slice(0, 16)}`;

interface Stored {
  readonly student: string | null;
  readonly work: Readonly<Record<string, Work>>;
}

function read(key: string): string | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, text: string): void {
  try {
    window.localStorage.setItem(key, text);
  } catch {
    // full or blocked: the work lives on for this visit, and the hand-in still carries it
  }
}

export const loadAssignmentText = () => read(ASSIGNMENT_KEY);
export const saveAssignmentText = (text: string) => write(ASSIGNMENT_KEY, text);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One task's record if it has the shape the page writes, else null. */
function taskRecord(v: unknown): TaskRecord | null {
  if (!isRecord(v) || !Array.isArray(v.lines) || v.lines.length > SUBMISSION_LIMITS.lines) return null;
  if (!v.lines.every((l) => typeof l === 'string' && l.length <= SUBMISSION_LIMITS.line && !l.includes('\n'))) return null;
  const answer = typeof v.answer === 'string' ? v.answer.slice(0, SUBMISSION_LIMITS.answer) : undefined;
  return { lines: v.lines as string[], ...(answer !== undefined ? { answer } : {}) };
}

function workOf(v: unknown, tasks: number): Work {
  const work: Record<number, TaskRecord> = {};
  if (!isRecord(v)) return work;
  for (const [k, t] of Object.entries(v)) {
    const i = Number(k);
    const record = /^\d{1,2}$/.test(k) && i < tasks ? taskRecord(t) : null;
    if (record) work[i] = record;
  }
  return work;
}

function load(a: Assignment): Stored {
  let data: unknown;
  try {
    data = JSON.parse(read(keyOf(a)) ?? 'null');
  } catch {
    data = null;
  }
  if (!isRecord(data)) return { student: null, work: {} };
  const student = typeof data.student === 'string' && data.student.length <= ASSIGNMENT_LIMITS.student ? data.student : null;
  const work: Record<string, Work> = Object.create(null) as Record<string, Work>;
  if (isRecord(data.work)) for (const [s, w] of Object.entries(data.work)) if (s.length <= ASSIGNMENT_LIMITS.student) work[s] = workOf(w, a.tasks.length);
  return { student, work };
}

/** The student last working on this assignment here, and their work. */
export function loadHomework(a: Assignment, validStudent: (raw: string) => string | null): { student: string | null; work: Work } {
  const stored = load(a);
  const student = stored.student === null ? null : validStudent(stored.student);
  return { student, work: student ? (stored.work[student] ?? {}) : {} };
}

/** The work of `student` on this assignment; `student` is also who works here next time. */
export function saveHomework(a: Assignment, student: string, work: Work): void {
  const stored = load(a);
  write(keyOf(a), JSON.stringify({ student, work: { ...stored.work, [student]: work } }));
}

/** Work kept here for `student` (when a student types their id on a page that has kept work for it). */
export function storedWork(a: Assignment, student: string): Work {
  return load(a).work[student] ?? {};
}
