// What may come next at the cursor: the terminal's Tab and the phone input's
// suggestions ask the same question, so they read the same answer (the
// engine's `completions`, which reads the calls table).

import { completions, contextPid } from '../../engine/index.ts';
import type { Output, ShellState } from '../../engine/index.ts';
import { formatOutput } from '../../engine/index.ts';

/** Completions of `prefix`; `before` is the line up to it, so `@A con` completes as A would. */
export function completeWord(shell: ShellState, prefix: string, before: string): string[] {
  const ctx = /^\s*@(\w+)\s+/.exec(before)?.[1];
  return completions(ctx && contextPid(shell, ctx) !== null ? { ...shell, ctx } : shell, prefix);
}

/** The word being typed at the end of `text` (letters, digits, _) and the text before it. */
export function splitWord(text: string): { before: string; prefix: string } {
  const prefix = /[A-Za-z0-9_]*$/.exec(text)![0];
  return { before: text.slice(0, text.length - prefix.length), prefix };
}

/** Whether `before` leaves the cursor inside a call's parentheses (an argument comes next). */
function inArguments(before: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of before) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

export interface Suggestion {
  /** what the chip shows and inserts in place of the word being typed */
  readonly text: string;
  readonly kind: 'call' | 'context' | 'name';
}

/**
 * Chips for a phone keyboard: at the start of a line, the contexts to
 * switch to and the calls this context may make (one call per line, at its
 * start: docs/architecture.md, The command language); inside a call's
 * parentheses, the names and constants first. At most `max`: enough for
 * every call of the program (29 with the requests of [0080]); the chip row
 * scrolls sideways.
 */
export function suggestionsFor(shell: ShellState, text: string, max = 48): Suggestion[] {
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) return []; // inside a string: nothing to suggest
  const { before, prefix } = splitWord(text);
  const options = completeWord(shell, prefix, before).filter((o) => o !== prefix);
  const partitions = Object.values(shell.timeline.current.partitions).filter((p) => p.status === 'active').map((p) => p.name);
  const calls = options.filter((o) => o.endsWith('(')).map((o) => ({ text: o, kind: 'call' as const }));
  const atStart = before.trim() === '' || /^\s*@\w+\s+$/.test(before) || /^\s*(@\w+\s+)?\w+\s*=\s*$/.test(before);
  if (!atStart || inArguments(before)) {
    // a value: the student's own names, then partitions and constants; the commands for people are not values
    const vars = new Set(Object.keys(shell.vars));
    const values = options.filter((o) => !o.endsWith('('));
    const own = values.filter((o) => vars.has(o));
    const others = values.filter((o) => !vars.has(o) && (partitions.includes(o) || /[A-Z]/.test(o)));
    const names: Suggestion[] = [...own, ...others].map((o) => ({ text: o, kind: 'name' }));
    return [...names, ...calls].slice(0, max);
  }
  const contexts = before.trim() === '' && !/^\s*@/.test(text)
    ? partitions.filter((n) => n !== shell.ctx && n.startsWith(prefix)).map((n) => ({ text: `@${n} `, kind: 'context' as const }))
    : [];
  // a line starts with a call or a name being assigned: the calls come first; commands for people and constants are for typing
  return [...contexts, ...calls].slice(0, max);
}

/**
 * The last line's outputs, as the terminal prints them: the line (`@A a = area(4096)`, `scp$ bind(s, 7)`)
 * and what came back, in the words of `format` (the reader's language; English by default).
 */
export function lastLineOf(outputs: readonly Output[], format: (o: Output) => readonly string[] = formatOutput): { echo: string | null; lines: { text: string; error: boolean }[] } | null {
  const last = outputs.at(-1);
  if (!last) return null;
  const group: Output[] = [];
  for (let i = outputs.length - 1; i >= 0 && outputs[i]!.line === last.line; i--) group.unshift(outputs[i]!);
  const first = group.find((o) => o.kind !== 'complete') ?? group[0]!;
  return {
    // a line that names its context (`@A ...`) shows as typed; another under its context's prompt
    echo: first.kind === 'complete' ? null : first.input.trimStart().startsWith('@') ? first.input : `${first.ctx}$ ${first.input}`,
    lines: group.flatMap((o) => format(o).map((text) => ({ text, error: o.kind === 'error' || (o.kind === 'complete' && !o.result.ok) }))),
  };
}
