// The shell's state and how it records what the machine did: the names and
// pending calls of each moment, a command recorded on the timeline with its
// results and the suspended calls it completed, moving to another moment.
// The layer below the line runner (shell.ts) and the commands for people
// (people.ts), which both build on it.

import type { Completion, LabConfig, LabError, Pid, Result } from '../types.js';
import type { Timeline } from '../timeline/timeline.js';
import { record, seek, startTimeline } from '../timeline/timeline.js';
import type { ResultHint } from './args.js';
import { fromEngine } from './args.js';
import type { Action } from './calls.js';
import type { ShellValue } from './values.js';
import { NONE } from './values.js';
import { Lines } from './lines.js';
import { emptyTable, withKey } from '../own.js';
import type { Line, Words } from '../words.js';
import { words } from '../words.js';

export interface Pending {
  readonly line: number;
  readonly ctx: string;
  readonly input: string;
  readonly call: string;
  readonly assign: string | null;
  readonly hint: ResultHint;
}

interface Snapshot {
  readonly vars: Readonly<Record<string, ShellValue>>;
  readonly pending: Readonly<Record<number, Pending>>;
  readonly trail: LineTrail;
  /** the context the trail ends in */
  readonly ctx: string;
}

/** Lines typed, newest first; a branch shares the older lines with the one it left (one cell per line). */
export type LineTrail = { readonly line: string; readonly before: LineTrail } | null;

export interface ShellState {
  readonly timeline: Timeline;
  /** the context lines run in: "scp" or a guest's name */
  readonly ctx: string;
  readonly vars: Readonly<Record<string, ShellValue>>;
  /** calls suspended in the machine, by partition id, waiting to print their result */
  readonly pending: Readonly<Record<number, Pending>>;
  /**
   * Names and pending calls at timeline moments, so `back` takes them back
   * too. The array is shared and append-only: this shell owns its first
   * `snapshotCount` entries, one for every recorded moment it has left
   * (always at least the moments before the cursor, and every moment of the
   * timeline once the shell has moved back). The current moment's names are
   * `vars` and `pending`, whatever the entry at the cursor says; they are
   * stored here only when the shell moves off the moment, so an assignment
   * costs O(1) however long the timeline.
   */
  readonly snapshots: readonly Snapshot[];
  readonly snapshotCount: number;
  readonly lineNo: number;
  /**
   * Every line typed since this machine started (Ctrl-C as "interrupt X"):
   * replaying them on a fresh shell with the same seed rebuilds this one,
   * which is what a share link carries.
   */
  readonly history: Lines;
  /**
   * The lines of the current branch only: those that built this moment,
   * without the ones `back` or a seek undid. Replayed on a fresh shell with
   * the same configuration they rebuild this moment (see `trailLines`).
   */
  readonly trail: LineTrail;
}

export type Output =
  | { readonly kind: 'result'; readonly line: number; readonly ctx: string; readonly input: string; readonly value: ShellValue; readonly events: readonly string[] }
  | {
      readonly kind: 'error'; readonly line: number; readonly ctx: string; readonly input: string; readonly errno: string; readonly message: string;
      readonly col?: number; readonly addr?: number;
      /** the message as a catalog id and values, for a reader of another language (words.ts) */
      readonly words?: Words;
      /** the tags of what the machine did before it refused (a fault, a refused connect); none for a refusal that changed nothing */
      readonly events?: readonly string[];
    }
  | { readonly kind: 'blocked'; readonly line: number; readonly ctx: string; readonly input: string; readonly call: string; readonly events: readonly string[] }
  | { readonly kind: 'complete'; readonly line: number; readonly ctx: string; readonly completes: number | null; readonly input: string; readonly call: string; readonly result: { readonly ok: true; readonly value: ShellValue } | { readonly ok: false; readonly errno: string; readonly message: string; readonly words?: Words } }
  /**
   * `words`, when given, says each line of `text` for a reader of another language: as a catalog
   * message, as a row of the output's table (laid out in that language), or as the command language
   */
  | { readonly kind: 'text'; readonly line: number; readonly ctx: string; readonly input: string; readonly text: readonly string[]; readonly words?: readonly Line[] };

export function createShell(config: Partial<LabConfig> = {}): ShellState {
  const timeline = startTimeline(config);
  return { timeline, ctx: 'scp', vars: emptyTable(), pending: {}, snapshots: [], snapshotCount: 0, lineNo: 0, history: Lines.empty(), trail: null };
}

/** The lines of the current branch, oldest first. */
export function trailLines(shell: ShellState): string[] {
  const lines: string[] = [];
  for (let at = shell.trail; at !== null; at = at.before) lines.push(at.line);
  return lines.reverse();
}

/** Partition id of a context name, if it names a partition that is still active. */
export function contextPid(shell: ShellState, name: string): Pid | null {
  const p = Object.values(shell.timeline.current.partitions).find((q) => q.name === name);
  return p && p.status === 'active' ? p.pid : null;
}

/**
 * What a line did to the machine and the page, besides what it printed: a
 * front end acts on this instead of comparing states to guess it.
 */
export type Effect =
  /** printed only (names and the context may have changed; the machine did not) */
  | { readonly kind: 'none' }
  /** a command was recorded at the shell's moment: one step forward, any later moments dropped */
  | { readonly kind: 'recorded' }
  /** the shell went back to an earlier moment (`back`); the later moments stay recorded but are undone */
  | { readonly kind: 'moved' }
  /** a new machine started (`reset`, `seed`): a new timeline and a new history */
  | { readonly kind: 'restarted' }
  /** `lesson` or `lesson NAME`: a front end with lessons opens the menu (id null) or the lesson */
  | { readonly kind: 'openLesson'; readonly id: string | null };

export const NO_EFFECT: Effect = { kind: 'none' };
export const RECORDED: Effect = { kind: 'recorded' };

/** One line's result: the next shell, what it printed, and what it did. */
export interface Ran {
  readonly shell: ShellState;
  readonly out: Output[];
  readonly effect: Effect;
}

/**
 * The names of the current moment replaced. Only this moment's names change:
 * the later moments the timeline still holds keep the names they were
 * recorded with (moving there shows them), as their trails rebuild them.
 */
export function withVars(shell: ShellState, vars: Readonly<Record<string, ShellValue>>, pending = shell.pending): ShellState {
  return { ...shell, vars, pending };
}

/**
 * The shell with the names of its current moment stored in `snapshots`, so
 * it can leave the moment; the stored moments before and after it stay. A
 * moment stored earlier is overwritten when a line typed there since changed
 * its names, trail or context: in a copy, as other shell values may own the
 * shared array's entry.
 */
function storeMoment(shell: ShellState): ShellState {
  const at = shell.timeline.cursor;
  const now: Snapshot = { vars: shell.vars, pending: shell.pending, trail: shell.trail, ctx: shell.ctx };
  if (shell.snapshotCount > at) {
    const kept = shell.snapshots[at]!;
    if (kept.vars === now.vars && kept.pending === now.pending && kept.trail === now.trail && kept.ctx === now.ctx) return shell;
    const snapshots = shell.snapshots.slice(0, shell.snapshotCount);
    snapshots[at] = now;
    return { ...shell, snapshots };
  }
  // every moment before the cursor was stored when the shell left it
  if (shell.snapshotCount < at) throw new Error(`the names of moments ${shell.snapshotCount} to ${at - 1} were never stored`);
  const snapshots = ownArray(shell.snapshots, at);
  snapshots.push(now);
  return { ...shell, snapshots, snapshotCount: at + 1 };
}

/** The shared array, writable for setting index `at` (anything after it belongs to another branch). */
function ownArray<T>(shared: readonly T[], at: number): T[] {
  return (shared.length === at ? shared : shared.slice(0, at)) as T[];
}

export function runCommand(
  shell: ShellState,
  action: Extract<Action, { kind: 'command' }>,
  base: { line: number; ctx: string; input: string; assign: string | null; call: string },
  pid: Pid,
): Ran {
  const { timeline, step } = record(shell.timeline, action.command);
  const { line, ctx, input, assign, call } = base;
  if (!step.result.ok) {
    const { errno, message, addr, words } = step.result.error;
    // a refusal the machine decided (a policy denial, a fault, a refused connect) is recorded in the
    // timeline with its events; other refusals are not
    const recorded = timeline !== shell.timeline;
    const events = step.events.map((e) => e.tag);
    // like any recorded step, it leaves its moment's names behind for `back`, and drops another branch's
    return { shell: recorded ? { ...storeMoment(shell), timeline, snapshotCount: shell.timeline.cursor + 1 } : shell, out: [{ line, ctx, input, kind: 'error', errno, message, ...(addr === undefined ? {} : { addr }), ...(words === undefined ? {} : { words }), events }], effect: recorded ? RECORDED : NO_EFFECT };
  }
  const events = step.events.map((e) => e.tag);
  let vars: Readonly<Record<string, ShellValue>> = shell.vars;
  let pending: Record<number, Pending> = { ...shell.pending };
  const out: Output[] = [];
  // a call that suspended and returned within the same step reports its final result directly
  const ownFinished = step.completions.find((c) => c.pid === pid);
  const own = !step.suspended && step.result.value === null ? ownFinished : undefined;
  if (step.suspended) {
    pending[pid] = { line, ctx, input, call, assign, hint: action.hint };
    out.push({ line, ctx, input, kind: 'blocked', call: step.suspended.call, events });
  } else {
    const result: Result = own ? own.result : step.result;
    if (!result.ok) out.push({ line, ctx, input, kind: 'error', ...errorOf(result.error), events });
    else {
      const value = fromEngine(result.value, action.hint, pid);
      if (assign !== null) vars = withKey(vars, assign, value);
      out.push({ line, ctx, input, kind: 'result', value, events });
    }
  }
  for (const c of step.completions) {
    if (c === own) continue;
    const done = completed(shell, c, line, vars, pending);
    vars = done.vars;
    pending = done.pending;
    out.push(done.output);
  }
  // the moment this command leaves keeps its names for `back`; the moments after it belonged to another branch
  const next: ShellState = { ...storeMoment(shell), timeline, snapshotCount: shell.timeline.cursor + 1 };
  return { shell: withVars(next, vars, pending), out, effect: RECORDED };
}

/** An error's errno and message, and its words when it has them. */
function errorOf(error: LabError): { errno: string; message: string; words?: Words } {
  return error.words === undefined ? { errno: error.errno, message: error.message } : { errno: error.errno, message: error.message, words: error.words };
}

/** A suspended call has returned: print it under its own context, and fill in its name. */
function completed(shell: ShellState, c: Completion, line: number, vars: Readonly<Record<string, ShellValue>>, pending: Record<number, Pending>) {
  // a call suspends only when its own line runs it, and that line noted it in `pending` (partitions are never removed)
  const waiting = pending[c.pid]!;
  const ctxName = shell.timeline.current.partitions[c.pid]!.name;
  const { [c.pid]: _done, ...rest } = pending;
  const value = c.result.ok ? fromEngine(c.result.value, waiting.hint, c.pid) : NONE;
  const nextVars = c.result.ok && waiting.assign ? withKey(vars, waiting.assign, value) : vars;
  const output: Output = {
    kind: 'complete', line, ctx: ctxName, completes: waiting.line, input: waiting.input.replace(/^\s*@\w+\s+/, ''), call: c.call,
    result: c.result.ok ? { ok: true, value } : { ok: false, ...errorOf(c.result.error) },
  };
  return { vars: nextVars, pending: rest, output };
}

/** Interrupt the suspended call of `ctx`, on the line `shell.lineNo`; the history is the caller's business. */
export function interruptCall(shell: ShellState, ctx: string, input: string): Ran {
  const pid = contextPid(shell, ctx);
  const base = { line: shell.lineNo, ctx, input };
  if (pid === null || !shell.timeline.current.partitions[pid]?.wait) {
    return { shell, out: [{ ...base, kind: 'text', text: [`${ctx} is not waiting in any call`], words: [words('lparsh.notWaiting', { ctx })] }], effect: NO_EFFECT };
  }
  const ran = runCommand(shell, { kind: 'command', command: { kind: 'call.interrupt', by: pid }, hint: 'int' }, { ...base, assign: null, call: 'interrupt' }, pid);
  // what matters is the interrupted call's EINTR, not the interrupt's own 0
  return { ...ran, out: ran.out.filter((o) => o.kind !== 'result') };
}

/** Move the shell to another moment of its timeline: names and pending calls follow. */
export function seekShell(shell: ShellState, moment: number): ShellState {
  const timeline = seek(shell.timeline, moment);
  const stored = storeMoment(shell);
  // a shell that has left a moment has stored every moment of its timeline (see `snapshots`)
  const snap = stored.snapshots[moment];
  if (snap === undefined || moment >= stored.snapshotCount) throw new Error(`the names of moment ${moment} were never stored`);
  const ctx = contextPid({ ...shell, timeline }, shell.ctx) === null ? 'scp' : shell.ctx;
  // the context stays across a move in time, so the trail says so when it differs from the moment's
  const trail = ctx === snap.ctx ? snap.trail : { line: `@${ctx}`, before: snap.trail };
  return { ...stored, timeline, ctx, vars: snap.vars, pending: snap.pending, trail };
}
