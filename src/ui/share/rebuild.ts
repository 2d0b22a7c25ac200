// What a share link holds and what it rebuilds, kept apart from the page so
// tests can run it: the lines of the current branch (not those `back` or a
// seek undid), the machine's configuration and the playhead. A link is only
// made when replaying its lines gives back exactly the sender's moment;
// otherwise the sender is told why, and no link is made.

import type { LabConfig, Output, ShellState } from '../../engine/index.ts';
import { createShell, promptOf, runLine, trailLines } from '../../engine/index.ts';
import type { SharedLab } from './shareLink.ts';
import { LINK_LIMITS } from './shareLink.ts';
import type { LessonPlace } from './linkFields.ts';
import type { MessageKey, Values } from '../../i18n/translate.ts';
import { useLanguage } from '../app/language.ts';

export type ShareResult = { readonly ok: true; readonly lab: SharedLab } | { readonly ok: false; readonly message: string };

/**
 * Replay `lines` on a fresh machine: the shell they build, what the terminal
 * would have printed, and the outputs themselves (a lesson step's `answer`
 * checks read them: a link into a step must find what its replay printed).
 */
export function rebuildShell(config: LabConfig, lines: readonly string[]): { shell: ShellState; printed: string[]; outputs: Output[] } {
  let shell = createShell(config);
  const { lang, formatOutput: format } = useLanguage.getState();
  const printed: string[] = [];
  const outputs: Output[] = [];
  for (const line of lines) {
    const prompt = promptOf(shell);
    const ran = runLine(shell, line, { lang });
    shell = ran.shell;
    outputs.push(...ran.out);
    // printed as the terminal prints a line typed here: in the reader's language (the lines themselves are the command language)
    printed.push(`${prompt}${line}`, ...ran.out.flatMap(format));
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
  // the refusal in the reader's language: the Share menu shows it as it is made
  const { t } = useLanguage.getState();
  const refuse = (key: MessageKey, values: Values): ShareResult => ({ ok: false, message: t(key, values) });
  // the context is kept when moving in time, so a branch may end in another one than its last switch
  const { shell: replayed } = rebuildShell(shell.timeline.config, lines.length > LINK_LIMITS.lines ? [] : lines);
  if (replayed.ctx !== shell.ctx) lines = [...lines, `@${shell.ctx}`];
  if (lines.length > LINK_LIMITS.lines) {
    return refuse('share.refused.lines', { lines: String(lines.length), most: String(LINK_LIMITS.lines) });
  }
  const long = lines.findIndex((l) => l.length > LINK_LIMITS.lineLength);
  if (long >= 0) return refuse('share.refused.longLine', { line: String(long + 1), most: String(LINK_LIMITS.lineLength) });
  const broken = lines.findIndex((l) => LONE_SURROGATE.test(l));
  if (broken >= 0) return refuse('share.refused.surrogate', { line: String(broken + 1) });
  const bytes = new TextEncoder().encode(lines.join('\n')).length;
  if (bytes > LINK_LIMITS.inflated) return refuse('share.refused.size', { kib: String(Math.ceil(bytes / 1024)), most: String(LINK_LIMITS.inflated / 1024) });
  const rebuilt = replayed.ctx === shell.ctx ? replayed : runLine(replayed, `@${shell.ctx}`).shell;
  const differs = differenceOf(shell, rebuilt);
  if (differs) return refuse('share.refused.differs', { what: t(DIFFERENCE_KEY[differs]) });
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

export type Difference = 'context' | 'steps' | 'machine' | 'names' | 'waiting';

/** Each difference in words, for the refusal. */
const DIFFERENCE_KEY: Readonly<Record<Difference, MessageKey>> = {
  context: 'share.differs.context', steps: 'share.differs.steps', machine: 'share.differs.machine', names: 'share.differs.names', waiting: 'share.differs.waiting',
};

/** What differs between two shells at their moments; null when nothing does. */
export function differenceOf(a: ShellState, b: ShellState): Difference | null {
  if (a.ctx !== b.ctx) return 'context';
  if (a.timeline.cursor !== b.timeline.cursor) return 'steps';
  if (!sameData(a.timeline.current, b.timeline.current)) return 'machine';
  if (!sameData(a.vars, b.vars)) return 'names';
  // a waiting call remembers the number of the line that made it, which a replay counts differently
  const waiting = (s: ShellState) => Object.entries(s.pending).map(([pid, { line: _line, ...rest }]) => [pid, rest]);
  if (!sameData(waiting(a), waiting(b))) return 'waiting';
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
