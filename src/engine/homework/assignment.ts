// Homework: an assignment is a file (`.assignment.json`, docs/homework.md) that
// names tasks: built-in lessons and challenges, a teacher's lesson file
// included by value, and seeded exercises. It is untrusted data like a lesson
// file: checked field by field, with the same limits, and refused with the
// field at fault named.
//
// The lab is deterministic, so a student's work proves itself: the lines they
// typed, replayed on a fresh machine, give exactly their machine (grade.ts).
// Seeded exercises take their numbers from the assignment's seed and the
// student's id, so neighbours' numbers differ and the grader derives the same
// variant from the hand-in alone (as OSTEP's homework scripts do with -s).

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Challenge, Lesson } from '../lessons/lesson.js';
import type { LessonFile } from '../lessons/format.js';
import { validateLesson } from '../lessons/format.js';
import { lessonFileText } from '../lessons/writeLesson.js';
import { ID, describe, describeWords, fields as checkedFields, isRecord, parseJsonFile, readChecked, refuse, text } from '../untrusted.js';
import { findBuiltinFile, findChallenge, findLesson } from '../lessons/catalog.js';
import type { ExerciseKind } from '../lessons/exercises.js';
import { EXERCISE_KINDS } from '../lessons/exercises.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export const ASSIGNMENT_FORMAT = 'lparlab-assignment';
export const ASSIGNMENT_VERSION = 1;

export const ASSIGNMENT_LIMITS = {
  /** characters of the whole file (lesson files included by value count too) */
  file: 1024 * 1024,
  tasks: 30,
  title: 120,
  text: 3000,
  due: 120,
  /** a student's id: letters of any script, digits, `.`, `_`, `-` (it becomes part of a file name) */
  student: 64,
} as const;

/** One task of an assignment, resolved to what the lab plays. */
export type Task =
  | { readonly kind: 'lesson'; readonly lesson: Lesson; readonly source: 'builtin' | 'file' }
  | { readonly kind: 'challenge'; readonly challenge: Challenge; readonly source: 'builtin' | 'file' }
  | { readonly kind: 'exercise'; readonly exercise: ExerciseKind };

export interface Assignment {
  readonly id: string;
  readonly title: string;
  readonly instructions: string;
  readonly due: string | null;
  readonly seed: number;
  readonly tasks: readonly Task[];
  /** SHA-256 of the file's canonical JSON: a hand-in names the version of the assignment it answers */
  readonly hash: string;
}

export type AssignmentResult =
  | { readonly ok: true; readonly assignment: Assignment }
  | { readonly ok: false; readonly field: string; readonly message: string; readonly words?: Words };

const fields = (v: unknown, field: string, allowed: readonly string[]) => checkedFields(v, field, allowed, 'an assignment');

/** The hash of a built-in lesson file as written by `lparsh --export-lesson`: what `{ "lesson": ID, "hash": ... }` pins. */
export const lessonHash = (file: LessonFile) => sha256Hex(lessonFileText(file));

export const sha256Hex = (s: string) => bytesToHex(sha256(utf8ToBytes(s)));

/** JSON with every object's keys sorted: the same data always hashes the same, however it was written. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isRecord(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function builtinTask(name: string, field: string, hash: unknown): Task {
  const lesson = findLesson(name);
  const challenge = lesson ? undefined : findChallenge(name);
  if (!lesson && !challenge) return refuse(field, `"${name.slice(0, 40)}" is neither a built-in lesson nor a challenge`, words('untrusted.assignment.notBuiltin', { name: name.slice(0, 40) }));
  if (hash !== undefined) {
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return refuse(`${field.replace(/\.\w+$/, '')}.hash`, 'must be a SHA-256 in hex (64 characters 0-9, a-f)', words('untrusted.assignment.hashHex'));
    const now = lessonHash(findBuiltinFile(name)!);
    if (now !== hash) return refuse(`${field.replace(/\.\w+$/, '')}.hash`, `does not match the built-in "${name}" of this lab (${now.slice(0, 12)}...): the lesson changed since the assignment was made`, words('untrusted.assignment.hashChanged', { name, now: now.slice(0, 12) }));
  }
  return lesson ? { kind: 'lesson', lesson, source: 'builtin' } : { kind: 'challenge', challenge: challenge!, source: 'builtin' };
}

function task(v: unknown, field: string): Task {
  const t = fields(v, field, ['lesson', 'challenge', 'hash', 'exercise', 'lessonFile']);
  if ('exercise' in t) {
    fields(t, field, ['exercise']);
    if (typeof t.exercise !== 'string' || !(EXERCISE_KINDS as readonly string[]).includes(t.exercise)) return refuse(`${field}.exercise`, `must be one of ${EXERCISE_KINDS.join(', ')}`, words('untrusted.assignment.exercise', { kinds: EXERCISE_KINDS.join(', ') }));
    return { kind: 'exercise', exercise: t.exercise as ExerciseKind };
  }
  if ('lessonFile' in t) {
    fields(t, field, ['lessonFile', 'challenge']);
    const read = validateLesson(t.lessonFile);
    if (!read.ok) return refuse(`${field}.lessonFile.${read.field}`, read.message, read.words);
    if (!('challenge' in t)) {
      if (read.file.lesson.steps.length === 0) return refuse(`${field}.lessonFile`, 'has no steps: name one of its challenges with "challenge"', words('untrusted.assignment.noSteps'));
      return { kind: 'lesson', lesson: read.file.lesson, source: 'file' };
    }
    const c = read.file.challenges.find((x) => x.id === t.challenge);
    if (!c) return refuse(`${field}.challenge`, `is not a challenge of that lesson file (it has ${read.file.challenges.map((x) => x.id).join(', ') || 'none'})`, words('untrusted.assignment.notChallenge', { ids: read.file.challenges.map((x) => x.id).join(', '), any: read.file.challenges.length > 0 ? 'some' : 'none' }));
    return { kind: 'challenge', challenge: c, source: 'file' };
  }
  if ('lesson' in t === 'challenge' in t) return refuse(field, 'names one of lesson, challenge, exercise or lessonFile', words('untrusted.assignment.oneKind'));
  const key = 'lesson' in t ? 'lesson' : 'challenge';
  const name = t[key];
  if (typeof name !== 'string' || name.length > 40) return refuse(`${field}.${key}`, `must be the id of a built-in ${key}`, words('untrusted.assignment.builtinId', { key }));
  const found = builtinTask(name, `${field}.${key}`, t.hash);
  if (found.kind !== key) return refuse(`${field}.${key}`, `"${name}" is a built-in ${found.kind}, not a ${key}`, words('untrusted.assignment.wrongKind', { name, key }));
  return found;
}

/** Check parsed JSON as an assignment. */
export function validateAssignment(data: unknown): AssignmentResult {
  const read = readChecked((): Assignment => {
    const d = fields(data, '', ['format', 'version', 'id', 'title', 'instructions', 'due', 'seed', 'tasks']);
    if (d.format !== ASSIGNMENT_FORMAT) refuse('format', `must be "${ASSIGNMENT_FORMAT}"`, words('untrusted.assignment.format', { format: ASSIGNMENT_FORMAT }));
    if (d.version !== ASSIGNMENT_VERSION) refuse('version', `is ${describe(d.version)}; this lab reads version ${ASSIGNMENT_VERSION}`, words('untrusted.assignment.version', { value: describeWords(d.version), version: ASSIGNMENT_VERSION }));
    if (typeof d.id !== 'string' || !ID.test(d.id)) refuse('id', 'must be 1 to 32 lower-case letters, digits or -', words('untrusted.assignment.id'));
    if (typeof d.seed !== 'number' || !Number.isInteger(d.seed) || d.seed < 0 || d.seed > 0xffffffff) refuse('seed', `must be a whole number from 0 to 4294967295, not ${describe(d.seed)}`, words('untrusted.seed', { max: 4294967295, value: describeWords(d.seed) }));
    if (!Array.isArray(d.tasks)) refuse('tasks', `must be a list, not ${describe(d.tasks)}`, words('untrusted.notList', { value: describeWords(d.tasks) }));
    const raw = d.tasks as unknown[];
    if (raw.length === 0) refuse('tasks', 'must hold at least one task', words('untrusted.noTask'));
    if (raw.length > ASSIGNMENT_LIMITS.tasks) refuse('tasks', `holds ${raw.length} tasks; at most ${ASSIGNMENT_LIMITS.tasks}`, words('untrusted.tooManyTasks', { count: raw.length, max: ASSIGNMENT_LIMITS.tasks }));
    return {
      id: d.id as string,
      title: text(d.title, 'title', ASSIGNMENT_LIMITS.title),
      instructions: text(d.instructions, 'instructions', ASSIGNMENT_LIMITS.text, { multiline: true }),
      due: 'due' in d ? text(d.due, 'due', ASSIGNMENT_LIMITS.due) : null,
      seed: d.seed as number,
      tasks: raw.map((t, i) => task(t, `tasks[${i}]`)),
      hash: sha256Hex(canonicalJson(data)),
    };
  });
  return read.ok ? { ok: true, assignment: read.value } : read;
}

/** Read an assignment file's text: JSON within the size limit, then `validateAssignment`. */
export function parseAssignment(source: string): AssignmentResult {
  const data = readChecked(() => parseJsonFile(source, ASSIGNMENT_LIMITS.file, 'an assignment'));
  return data.ok ? validateAssignment(data.value) : data;
}

/** A task's name for tables and the page: "lesson flip", "challenge gatekeeper", "exercise owner". */
export function taskName(t: Task): string {
  switch (t.kind) {
    case 'lesson': return `lesson ${t.lesson.id}`;
    case 'challenge': return `challenge ${t.challenge.id}`;
    case 'exercise': return `exercise ${t.exercise}`;
  }
}

// ------------------------------------------------------------ students and variants

const STUDENT = /^[\p{L}\p{N}._-]+$/u;

/** A student's id as the variant and the file name use it (NFC, lower case), or why it cannot be one. */
export function studentId(raw: string): { ok: true; id: string } | { ok: false; message: string; words: Words } {
  const id = raw.normalize('NFC').trim().toLowerCase();
  if (id === '') return { ok: false, message: 'a student id must not be empty', words: words('untrusted.student.empty') };
  if (id.length > ASSIGNMENT_LIMITS.student) return { ok: false, message: `a student id is at most ${ASSIGNMENT_LIMITS.student} characters`, words: words('untrusted.student.tooLong', { max: ASSIGNMENT_LIMITS.student }) };
  if (!STUDENT.test(id) || /^\.+$/.test(id)) return { ok: false, message: 'a student id holds letters, digits, ".", "_" and "-" only (it becomes part of a file name)', words: words('untrusted.student.letters') };
  return { ok: true, id };
}

/**
 * The seed of a student's variant of task `index`: the same assignment seed,
 * student and task always give the same number, different students almost
 * never the same one. 1 to 999,999, so a student can read it out.
 */
export function variantSeed(assignment: Pick<Assignment, 'seed' | 'id'>, student: string, index: number): number {
  const digest = sha256(utf8ToBytes(`lparlab-variant\n${assignment.id}\n${assignment.seed}\n${student}\n${index}`));
  const n = ((digest[0]! << 24) | (digest[1]! << 16) | (digest[2]! << 8) | digest[3]!) >>> 0;
  return 1 + (n % 999_999);
}
