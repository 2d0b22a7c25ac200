// Lessons and challenges as data (stored as `.lesson.json` files, format.ts):
// each step has narration in our own words (citing the patent), the lines a
// student types, the rules that check the result, hints (the idea first, then
// the line), and a solution that can be played. Steps build on each other: a
// step's solution continues from the previous steps' solutions, so "show
// solution" replays steps 1..n on a fresh lab. `checkStep` says which rules
// hold; a step whose rules all held together after some line stays met
// (`latch`), so typing ahead is never punished. `runSolution` plays a lesson the same way,
// which is what the tests and `lparsh --lesson FILE --check` run.

import type { LabConfig } from '../types.js';
import type { TagStyle } from '../patentMap.js';
import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import type { Rule, RuleResult } from './rules.js';
import { checkRule } from './checkRule.js';
import type { Words } from '../words.js';

export interface LessonStep {
  readonly title: string;
  /** what happens and why, in plain words, citing the patent */
  readonly text: string;
  /** the lines to type (also the solution unless `solution` is given) */
  readonly type: readonly string[];
  readonly check: readonly Rule[];
  /** the idea first (which figure, who acts), then the line */
  readonly hints: readonly string[];
  /** the lines that do this step, continuing from the earlier steps (default: `type`) */
  readonly solution?: readonly string[];
  /** a question a presenter may pause on before the step's result is shown */
  readonly ask?: { readonly question: string; readonly answer: string };
}

export interface Lesson {
  readonly id: string;
  /** built-in lessons are numbered in teaching order; a teacher's lesson has no number */
  readonly number?: number;
  readonly title: string;
  readonly figure: string;
  readonly summary: string;
  /** where real systems chose differently */
  readonly realWorld?: string;
  /** how the lesson wants the patent's tags shown (absent: as the reader has them) */
  readonly tags?: TagStyle;
  readonly steps: readonly LessonStep[];
}

export interface Challenge {
  readonly id: string;
  readonly title: string;
  /** the goal, with no step-by-step help */
  readonly goal: string;
  readonly check: readonly Rule[];
  readonly hints: readonly string[];
  readonly solution: readonly string[];
}

export interface StepCheck {
  readonly passed: boolean;
  readonly results: readonly RuleResult[];
}

/** A line of a played solution that failed, with what the shell said: where a broken lesson goes wrong first. */
export interface LineError {
  readonly input: string;
  readonly errno: string;
  readonly message: string;
  /** the message as words, for a reader of any language (src/engine/words.ts) */
  readonly words?: Words;
}

/**
 * The first line that failed in a way the rules did not ask for: a typo
 * (`conect(B)`) rather than the ENOMEM or EFAULT a step is about. A step
 * whose checks fail after such a line fails because of it.
 */
export function firstError(outputs: readonly Output[], rules: readonly Rule[]): LineError | null {
  const expected = new Set(rules.flatMap((r) => (r.kind === 'answer' && r.errno ? [r.errno] : [])));
  for (const o of outputs) {
    const failed = o.kind === 'error' ? o : o.kind === 'complete' && !o.result.ok ? o.result : null;
    if (failed && !expected.has(failed.errno)) return { input: o.input, errno: failed.errno, message: failed.message, ...(failed.words ? { words: failed.words } : {}) };
  }
  return null;
}

export function checkStep(rules: readonly Rule[], shell: ShellState, outputs: readonly Output[], since: number): StepCheck {
  const results = rules.map((rule) => checkRule(rule, { shell, outputs, since }));
  return { passed: results.every((r) => r.ok), results };
}

/**
 * The check to show: once every rule held together, the step is met and
 * stays met, with the results of that moment; typing ahead cannot untick it.
 */
export const latch = (now: StepCheck, met: StepCheck | null): StepCheck => (met?.passed ? met : now);

export const solutionOf = (step: LessonStep) => step.solution ?? step.type;

/** Play lines on a shell, checking the rules after each line: met once, met for good. */
function play(shell: ShellState, lines: readonly string[], rules: readonly Rule[]): { shell: ShellState; check: StepCheck; error: LineError | null } {
  const since = shell.timeline.current.seq;
  const outputs: Output[] = [];
  let check: StepCheck | null = null;
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
    check = latch(checkStep(rules, shell, outputs, since), check);
  }
  // with no line played, nothing was done: nothing counts as met
  return { shell, check: check ?? { passed: false, results: checkStep(rules, shell, outputs, since).results.map((r) => ({ ...r, ok: false })) }, error: firstError(outputs, rules) };
}

/** Type every step's solution into a fresh lab and check each step: what the tests run for every lesson. */
export function runSolution(lesson: Lesson, config: Partial<LabConfig> = {}): { step: number; check: StepCheck; error: LineError | null }[] {
  let shell = createShell(config);
  return lesson.steps.map((step, i) => {
    const played = play(shell, solutionOf(step), step.check);
    shell = played.shell;
    return { step: i, check: played.check, error: played.error };
  });
}

export function runChallenge(challenge: Challenge, config: Partial<LabConfig> = {}): StepCheck {
  return playChallenge(challenge, config).check;
}

/** A challenge's solution played on a fresh lab: the check, and the first line that failed unasked. */
export function playChallenge(challenge: Challenge, config: Partial<LabConfig> = {}): { check: StepCheck; error: LineError | null } {
  const { check, error } = play(createShell(config), challenge.solution, challenge.check);
  return { check, error };
}
