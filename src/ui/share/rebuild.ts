// What a share link holds and what it rebuilds, kept apart from the page so
// tests can run it: the lines of the current branch (not those `back` or a
// seek undid), the machine's configuration and the playhead. A link is only
// made when replaying its lines gives back exactly the sender's moment;
// otherwise the sender is told why, and no link is made.

import type { LabConfig, Output, ShellState } from '../../engine/index.ts';
import { createShell, formatOutput, promptOf, runLine, trailLines } from '../../engine/index.ts';
import type { SharedLab } from './shareLink.ts';
import { LINK_LIMITS } from './shareLink.ts';
import type { LessonPlace } from './linkFields.ts';

export type ShareResult = { readonly ok: true; readonly lab: SharedLab } | { readonly ok: false; readonly message: string };

/**
 * Replay `lines` on a fresh machine: the shell they build, what the terminal
 * would have printed, and the outputs themselves (a lesson step's `answer`
 * checks read them: a link into a step must find what its replay printed).
 */
export function rebuildShell(config: LabConfig, lines: readonly string[]): { shell: ShellState; printed: string[]; outputs: Output[] } {
  let shell = createShell(config);
  const printed: string[] = [];
  const outputs: Output[] = [];
  for (const line of lines) {
    const prompt = promptOf(shell);
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
    printed.push(`${prompt}${line}`, ...ran.out.flatMap(formatOutput));
  }
  return { shell, printed, outputs };
}

/**
 * The link of the lab as the sender sees it: `shell` at its moment and the
 * playhead at `position` (it may trail the shell while the player catches up,
 * and then the link opens at that same moment, with the same lines ahead).
 */
export function shareOf(shell: ShellState, position: number, resting: number, place: LessonPlace | null): ShareResult {
  // blank lines do nothing, and a link of one blank line would read back as a link of none
  let lines = trailLines(shell).filter((l) => l.trim() !== '');
  const refuse = (why: string): ShareResult => ({ ok: false, message: `No link was made: ${why}` });
  // the context is kept when moving in time, so a branch may end in another one than its last switch
  const { shell: replayed } = rebuildShell(shell.timeline.config, lines.length > LINK_LIMITS.lines ? [] : lines);
  if (replayed.ctx !== shell.ctx) lines = [...lines, `@${shell.ctx}`];
  if (lines.length > LINK_LIMITS.lines) {
    return refuse(`this lab was built by ${lines.length} lines and a link replays at most ${LINK_LIMITS.lines}. Export the trace or the transcript instead.`);
  }
  const long = lines.findIndex((l) => l.length > LINK_LIMITS.lineLength);
  if (long >= 0) return refuse(`line ${long + 1} is longer than ${LINK_LIMITS.lineLength} characters, more than a link carries.`);
  const broken = lines.findIndex((l) => LONE_SURROGATE.test(l));
  if (broken >= 0) return refuse(`line ${broken + 1} holds half of a character (a lone UTF-16 surrogate), which a link cannot carry as it is.`);
  const bytes = new TextEncoder().encode(lines.join('\n')).length;
  if (bytes > LINK_LIMITS.inflated) return refuse(`the lines that built this lab take ${Math.ceil(bytes / 1024)} KiB and a link carries at most ${LINK_LIMITS.inflated / 1024} KiB.`);
  const rebuilt = replayed.ctx === shell.ctx ? replayed : runLine(replayed, `@${shell.ctx}`).shell;
  const differs = differenceOf(shell, rebuilt);
  if (differs) return refuse(`replaying this lab's lines would not rebuild it exactly (${differs} would differ).`);
  return {
    ok: true,
    lab: {
      config: shell.timeline.config,
      lines,
      lesson: place?.lesson ?? null,
      step: place?.step ?? null,
      at: position === resting ? null : position,
    },
  };
}

/** Half of a UTF-16 pair standing alone: UTF-8, and so a link, would turn it into U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What differs between two shells at their moments, for a person to read; null when nothing does. */
export function differenceOf(a: ShellState, b: ShellState): string | null {
  if (a.ctx !== b.ctx) return 'the context';
  if (a.timeline.cursor !== b.timeline.cursor) return 'the number of recorded steps';
  if (!sameData(a.timeline.current, b.timeline.current)) return 'the machine';
  if (!sameData(a.vars, b.vars)) return 'the names';
  // a waiting call remembers the number of the line that made it, which a replay counts differently
  const waiting = (s: ShellState) => Object.entries(s.pending).map(([pid, { line: _line, ...rest }]) => [pid, rest]);
  if (!sameData(waiting(a), waiting(b))) return 'the calls waiting';
  return null;
}

/** Structural equality of plain data (records, arrays, primitives), quick on shared parts. */
export function sameData(a: unknown, b: unknown, proven = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // persistent structures share subtrees: a pair proven equal once need not be walked again
  if (proven.get(a) === b) return true;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], proven)) return false;
  }
  proven.set(a, b);
  return true;
}
