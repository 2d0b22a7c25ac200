// The checks every refusal of the engine meets, shared by refusalWords.test.ts
// (kernel/io.ts, lab.ts) and resourceRefusalWords.test.ts (partitions and
// resource requests): a refused line says its sentence, its words say the same
// sentence in English and leave no English in Japanese, and the machine is as
// it was before the line (a fault the machine itself decided keeps its trace).
// A refusal the shell never lets through is given to `apply` as another front
// end could, and checked the same way.

import { expect } from 'vitest';
import { apply, asPid, createShell, formatOutput, runLine, type Command, type LabError, type LabState, type Output, type ShellState } from '../engine/index.ts';
import { formatOutputIn, wordsIn } from './shellWords.ts';
import { makeTranslate, translateEnglish } from './translate.ts';
import { readCatalog } from './catalogFiles.ts';
import { englishIn } from './englishIn.ts';

const ja = makeTranslate('ja', readCatalog('ja'));

export interface Refusal {
  readonly setup: readonly string[];
  /** the line typed (in the context it names) */
  readonly line: string;
  /** what the student reads */
  readonly says: string;
  /** the catalog id of its words */
  readonly id: string;
  /**
   * For a refusal the machine itself decided (a fault, the policy's own no
   * [0049]): the tags of what it did, which stay in the trace while
   * everything else stays as it was.
   */
  readonly trace?: readonly string[];
}

/** Run lines that must all succeed (a suspended call counts), giving the shell after them. */
export function shellAfter(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) {
    const ran = runLine(shell, line);
    const errors = ran.out.filter((o) => o.kind === 'error').map((o) => formatOutput(o).join(' '));
    expect(errors, `setup line ${line}`).toEqual([]);
    shell = ran.shell;
  }
  return shell;
}

function refuseLine({ setup, line }: Refusal): { error: Extract<Output, { kind: 'error' }>; before: LabState; after: LabState } {
  const shell = shellAfter(setup);
  const ran = runLine(shell, line);
  expect(ran.out.map((o) => o.kind)).toEqual(['error']);
  return { error: ran.out[0] as Extract<Output, { kind: 'error' }>, before: shell.timeline.current, after: ran.shell.timeline.current };
}

/** A typed refusal says why, in words of every language, and changes nothing. */
export function expectTypedRefusal(refusal: Refusal): void {
  const { error, before, after } = refuseLine(refusal);
  expect(formatOutput(error)).toEqual([refusal.says]);
  expect(error.words?.id).toBe(refusal.id);
  expect(formatOutputIn(translateEnglish, error)).toEqual([refusal.says]);
  const typed = [...refusal.setup, refusal.line].join(' ');
  expect(formatOutputIn(ja, error).flatMap((l) => englishIn(l, typed))).toEqual([]);
  expect(error.events ?? []).toEqual(refusal.trace ?? []);
  if (refusal.trace) expect(after).toEqual({ ...before, clock: after.clock, seq: after.seq });
  else expect(after).toBe(before);
}

type Loose = Command extends infer C ? (C extends { by: unknown } ? Omit<C, 'by'> & { by?: C['by'] } : never) : never;

export interface EngineRefusal {
  readonly setup: readonly string[];
  /** the command as the shell would have built it; `by` the system control program unless named */
  readonly command: Loose;
  readonly says: string;
  readonly id: string;
}

/** A command the shell never lets through, given to the engine: refused in words of every language, changing nothing. */
export function expectEngineRefusal(refusal: EngineRefusal): void {
  const before = shellAfter(refusal.setup).timeline.current;
  const step = apply(before, { by: asPid(1), ...refusal.command } as Command);
  expect(step.result.ok).toBe(false);
  const error = (step.result as { error: LabError }).error;
  expect(`${error.errno}: ${error.message}`).toBe(refusal.says);
  expect(error.words?.id).toBe(refusal.id);
  expect(`${error.errno}: ${wordsIn(translateEnglish, error.words!)}`).toBe(refusal.says);
  expect(englishIn(wordsIn(ja, error.words!), JSON.stringify(refusal.command))).toEqual([]);
  expect(step.state).toBe(before);
  expect(step.events).toEqual([]);
}
