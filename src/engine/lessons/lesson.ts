// Lessons and challenges as data: each step has narration in our own words
// (citing the patent), the lines a student types, the rules that check the
// result, a hint, and a solution that can be played. Steps build on each
// other: a step's solution continues from the previous steps' solutions, so
// "show solution" replays steps 1..n on a fresh lab. `checkStep` says which
// rules hold; `runSolution` proves in the tests that every lesson still works.

import type { LabConfig } from '../types.js';
import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import type { Rule, RuleResult } from './rules.js';
import { checkRule } from './rules.js';

export interface LessonStep {
  readonly title: string;
  /** what happens and why, in plain words, citing the patent */
  readonly text: string;
  /** the lines to type (also the solution unless `solution` is given) */
  readonly type: readonly string[];
  readonly check: readonly Rule[];
  readonly hint: string;
  /** the lines that do this step, continuing from the earlier steps (default: `type`) */
  readonly solution?: readonly string[];
  /** a question a presenter may pause on before the step's result is shown */
  readonly ask?: { readonly question: string; readonly answer: string };
}

export interface Lesson {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly figure: string;
  readonly summary: string;
  /** where real systems chose differently */
  readonly realWorld?: string;
  readonly steps: readonly LessonStep[];
}

export interface Challenge {
  readonly id: string;
  readonly title: string;
  /** the goal, with no step-by-step help */
  readonly goal: string;
  readonly check: readonly Rule[];
  readonly hint: string;
  readonly solution: readonly string[];
}

export interface StepCheck {
  readonly passed: boolean;
  readonly results: readonly RuleResult[];
}

export function checkStep(rules: readonly Rule[], shell: ShellState, outputs: readonly Output[], since: number): StepCheck {
  const results = rules.map((rule) => checkRule(rule, { shell, outputs, since }));
  return { passed: results.every((r) => r.ok), results };
}

export const solutionOf = (step: LessonStep) => step.solution ?? step.type;

/** Type every step's solution into a fresh lab and check each step: what the tests run for every lesson. */
export function runSolution(lesson: Lesson, config: Partial<LabConfig> = {}): { step: number; check: StepCheck }[] {
  let shell = createShell(config);
  return lesson.steps.map((step, i) => {
    const since = shell.timeline.current.seq;
    const outputs: Output[] = [];
    for (const line of solutionOf(step)) {
      const ran = runLine(shell, line);
      shell = ran.shell;
      outputs.push(...ran.out);
    }
    return { step: i, check: checkStep(step.check, shell, outputs, since) };
  });
}

export function runChallenge(challenge: Challenge, config: Partial<LabConfig> = {}): StepCheck {
  let shell = createShell(config);
  const since = shell.timeline.current.seq;
  const outputs: Output[] = [];
  for (const line of challenge.solution) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return checkStep(challenge.check, shell, outputs, since);
}
