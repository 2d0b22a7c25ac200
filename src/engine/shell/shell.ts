// The shell: one line of the command language in, the machine's answer out.
// Pure like the rest of the engine: `runLine(shell, input)` returns the next
// shell and the output lines; the page's terminal and `lparsh` both drive it.

import type { Completion, LabConfig, Pid, Result } from '../types.js';
import { SCP_PID } from '../types.js';
import type { Timeline } from '../timeline/timeline.js';
import { record, seek, startTimeline } from '../timeline/timeline.js';
import type { Expr, Statement } from './parser.js';
import { parseLine } from './parser.js';
import type { Arg, ResultHint } from './args.js';
import { checkArg, fromEngine } from './args.js';
import type { Action } from './calls.js';
import { CALLS, CONSTANTS, callNames, findCall, signature } from './calls.js';
import type { ShellValue } from './values.js';
import { MAX_VALUE_COUNT, MAX_VALUE_DEPTH, NONE, int, measure, str } from './values.js';
import { nearest } from './suggest.js';
import { PEOPLE_COMMANDS, runWords } from './people.js';
import { Lines } from './lines.js';
import { visible } from './visible.js';
import { emptyTable, own, withKey } from '../own.js';

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
   * `snapshotCount` entries. The current moment's names are `vars` and
   * `pending`; they are stored here only when the shell moves off the
   * moment, so an assignment costs O(1) however long the timeline.
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
  | { readonly kind: 'error'; readonly line: number; readonly ctx: string; readonly input: string; readonly errno: string; readonly message: string; readonly col?: number; readonly addr?: number }
  | { readonly kind: 'blocked'; readonly line: number; readonly ctx: string; readonly input: string; readonly call: string; readonly events: readonly string[] }
  | { readonly kind: 'complete'; readonly line: number; readonly ctx: string; readonly completes: number | null; readonly input: string; readonly call: string; readonly result: { readonly ok: true; readonly value: ShellValue } | { readonly ok: false; readonly errno: string; readonly message: string } }
  | { readonly kind: 'text'; readonly line: number; readonly ctx: string; readonly input: string; readonly text: readonly string[] };

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

export const promptOf = (shell: ShellState) => `${shell.ctx}$ `;

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

type Outcome = Ran;

/** Run one line typed in the current context. Never throws for anything a user can type. */
export function runLine(shell: ShellState, input: string): Ran {
  const ran = runOneLine(shell, input);
  // a line that started a new machine (reset, seed) begins a new history
  if (ran.effect.kind === 'restarted') return ran;
  // a line that moved in time (back) took the trail of the moment it went to; any other line joins the branch
  const trail = ran.effect.kind === 'moved' ? ran.shell.trail : { line: input, before: shell.trail };
  return { ...ran, shell: { ...ran.shell, history: shell.history.append(input), trail } };
}

function runOneLine(shell: ShellState, input: string): Outcome {
  const next = { ...shell, lineNo: shell.lineNo + 1 };
  const parsed = parseLine(input, PEOPLE_COMMANDS);
  const base = { line: next.lineNo, ctx: shell.ctx, input };
  if (parsed.kind === 'syntax') {
    // the input is printed through `visible`, so the caret counts its escapes too
    const pointer = `${' '.repeat(visible(input.slice(0, Math.max(0, parsed.col - 1))).length)}^`;
    return { shell: next, out: [{ ...base, kind: 'error', errno: 'EINVAL', col: parsed.col, message: `syntax error at column ${parsed.col}: ${parsed.message}\n  ${input}\n  ${pointer}` }], effect: NO_EFFECT };
  }
  return runStatement(next, parsed, shell.ctx, input);
}

function runStatement(shell: ShellState, statement: Statement, ctx: string, input: string): Outcome {
  const base = { line: shell.lineNo, ctx, input };
  switch (statement.kind) {
    case 'empty': return { shell, out: [], effect: NO_EFFECT };
    case 'switch': {
      if (contextPid(shell, statement.ctx) === null) {
        const names = Object.values(shell.timeline.current.partitions).filter((p) => p.status === 'active').map((p) => p.name);
        const near = nearest(statement.ctx, names);
        const ended = Object.values(shell.timeline.current.partitions).some((p) => p.name === statement.ctx);
        return { shell, out: [{ ...base, kind: 'error', errno: 'ENOENT', message: ended ? `${statement.ctx} has ended: there is nothing left to run in` : `there is no context ${statement.ctx}${near ? `; did you mean ${near}?` : ''} (contexts: ${names.join(', ')})` }], effect: NO_EFFECT };
      }
      if (statement.then === null) {
        return { shell: { ...shell, ctx: statement.ctx }, out: [{ ...base, kind: 'text', text: [`now in ${statement.ctx}${statement.ctx === 'scp' ? ' (the system control program, problem mode)' : ` (guest OS, supervisor mode)`}`] }], effect: NO_EFFECT };
      }
      return runStatement(shell, statement.then, statement.ctx, input);
    }
    case 'words': return runWords(shell, statement.command, statement.words, base);
    case 'assign': case 'expr': return runExpression(shell, statement, ctx, input);
  }
}

class ShellError {
  constructor(readonly errno: string, readonly message: string) {}
}

const RESERVED = new Set([...CONSTANTS]);

function runExpression(shell: ShellState, statement: Extract<Statement, { kind: 'assign' | 'expr' }>, ctx: string, input: string): Outcome {
  const base = { line: shell.lineNo, ctx, input };
  const pid = contextPid(shell, ctx)!;
  const assign = statement.kind === 'assign' ? statement.name : null;
  try {
    if (assign !== null) checkAssignable(shell, assign);
    const top = statement.expr;
    // one machine call per line, at the top: its value may come later if it suspends
    if (top.kind === 'call') {
      const action = callAction(shell, top, ctx, pid);
      if (action.kind === 'command') return runCommand(shell, action, { ...base, assign, call: top.name }, pid);
      if (action.kind === 'error') throw new ShellError(action.errno, action.message);
      return answer(shell, base, assign, action.value);
    }
    return answer(shell, base, assign, evaluate(shell, top, ctx, pid));
  } catch (e) {
    if (e instanceof ShellError) return { shell, out: [{ ...base, kind: 'error', errno: e.errno, message: e.message }], effect: NO_EFFECT };
    throw e;
  }
}

function answer(shell: ShellState, base: { line: number; ctx: string; input: string }, assign: string | null, value: ShellValue): Outcome {
  const next = assign === null ? shell : withVars(shell, withKey(shell.vars, assign, value));
  return { shell: next, out: [{ ...base, kind: 'result', value, events: [] }], effect: NO_EFFECT };
}

function checkAssignable(shell: ShellState, name: string): void {
  if (RESERVED.has(name)) throw new ShellError('EINVAL', `${name} is a constant of the language; choose another name`);
  // a bare name on a line runs the command, so a value of that name could never be read back
  if (PEOPLE_COMMANDS.has(name)) throw new ShellError('EINVAL', `${name} is a command for people (help lists them); choose another name`);
  if (Object.values(shell.timeline.current.partitions).some((p) => p.name === name)) throw new ShellError('EINVAL', `${name} is a partition's name; choose another name`);
}

/** The names of the current moment replaced, in the shell and in its snapshot of this moment. */
function withVars(shell: ShellState, vars: Readonly<Record<string, ShellValue>>, pending = shell.pending): ShellState {
  // the stored names of this moment and of the moments after it are no longer this shell's
  return { ...shell, vars, pending, snapshotCount: Math.min(shell.snapshotCount, shell.timeline.cursor) };
}

/** The shell with the names of its current moment stored in `snapshots` (kept moments after it stay). */
function storeMoment(shell: ShellState): ShellState {
  const at = shell.timeline.cursor;
  if (shell.snapshotCount > at) return shell;
  const snapshots = ownArray(shell.snapshots, at);
  snapshots.push({ vars: shell.vars, pending: shell.pending, trail: shell.trail, ctx: shell.ctx });
  return { ...shell, snapshots, snapshotCount: at + 1 };
}

/** The shared array, writable for setting index `at` (anything after it belongs to another branch). */
function ownArray<T>(shared: readonly T[], at: number): T[] {
  return (shared.length === at ? shared : shared.slice(0, at)) as T[];
}

function evaluate(shell: ShellState, e: Expr, ctx: string, pid: Pid): ShellValue {
  switch (e.kind) {
    case 'int': return int(e.value);
    case 'str': return str(e.value);
    case 'list': {
      const list: ShellValue = { t: 'list', items: e.items.map((x) => evaluate(shell, x, ctx, pid)) };
      const { depth, count } = measure(list);
      if (depth > MAX_VALUE_DEPTH) throw new ShellError('EINVAL', `column ${e.col}: this list would nest ${depth} deep; lists nest at most ${MAX_VALUE_DEPTH} deep`);
      if (count > MAX_VALUE_COUNT) throw new ShellError('EINVAL', `column ${e.col}: this list would hold ${count} values in all; a list holds at most ${MAX_VALUE_COUNT}`);
      return list;
    }
    case 'name': return lookup(shell, e.name);
    case 'member': {
      const of = evaluate(shell, e.of, ctx, pid);
      if (of.t !== 'rec') throw new ShellError('EINVAL', `column ${e.col}: .${e.field} needs a record, and this is ${of.t === 'none' ? 'nothing yet (its call may still be waiting)' : `not one`}`);
      const v = own(of.fields, e.field);
      if (!v) throw new ShellError('EINVAL', `column ${e.col}: the record has no field ${e.field}; it has ${Object.keys(of.fields).join(', ')}`);
      return v;
    }
    case 'call': {
      const action = callAction(shell, e, ctx, pid);
      if (action.kind === 'answer') return action.value;
      if (action.kind === 'error') throw new ShellError(action.errno, action.message);
      throw new ShellError('EINVAL', `column ${e.col}: ${e.name}() asks the machine to act, so it must stand alone on its line (x = ${e.name}(...))`);
    }
  }
}

function lookup(shell: ShellState, name: string): ShellValue {
  const v = own(shell.vars, name);
  if (v) return v;
  const p = Object.values(shell.timeline.current.partitions).find((q) => q.name === name);
  if (p) return { t: 'lpar', pid: p.pid, name: p.name };
  if (RESERVED.has(name)) return { t: 'sym', name };
  const known = [...Object.keys(shell.vars), ...Object.values(shell.timeline.current.partitions).map((q) => q.name), ...CONSTANTS, ...PEOPLE_COMMANDS, ...callNames()];
  const near = nearest(name, known);
  const hint = near && PEOPLE_COMMANDS.has(near) ? `; did you mean the command ${near}?` : near && callNames().includes(near) ? `; did you mean ${near}(...)?` : near ? `; did you mean ${near}?` : '';
  throw new ShellError('ENOENT', `unknown name ${name}${hint}`);
}

function callAction(shell: ShellState, e: Extract<Expr, { kind: 'call' }>, ctx: string, pid: Pid): Action {
  const role = pid === SCP_PID ? 'scp' : 'guest';
  const spec = findCall(e.name, role);
  if (!spec) {
    const elsewhere = CALLS.find((c) => c.name === e.name);
    if (elsewhere) {
      const where = elsewhere.where === 'scp' ? 'the system control program (@scp)' : 'a guest (@A, @B, ...)';
      throw new ShellError('EINVAL', `${e.name}() is a call of ${where}, not of ${ctx}`);
    }
    const near = nearest(e.name, [...callNames(), ...PEOPLE_COMMANDS]);
    throw new ShellError('ENOENT', `unknown call ${e.name}()${near ? `; did you mean ${near}?` : ''} (help lists the calls)`);
  }
  const required = spec.params.filter((q) => !q.optional).length;
  if (e.args.length < required || e.args.length > spec.params.length) {
    const count = required === spec.params.length ? `${required}` : `${required} to ${spec.params.length}`;
    throw new ShellError('EINVAL', `${e.name} takes ${count} argument${spec.params.length === 1 ? '' : 's'}: ${signature(spec)}; ${e.args.length} given`);
  }
  const args: Arg[] = [];
  const state = shell.timeline.current;
  e.args.forEach((a, i) => {
    const checked = checkArg(evaluate(shell, a, ctx, pid), spec.params[i]!, i, e.name, { pid, name: ctx }, state);
    if ('errno' in checked) throw new ShellError(checked.errno, checked.message);
    args.push(checked);
  });
  const name = args[0];
  if (spec.name === 'lpar_create' && name && 's' in name) checkPartitionName(shell, name.s);
  return spec.run(args, { pid, name: ctx, state });
}

/**
 * A new partition's name must stay reachable by name: a constant, call or
 * command of the language, or a name already bound, would hide it (or be
 * hidden by it), as variables may not take such names either.
 */
function checkPartitionName(shell: ShellState, name: string): void {
  const taken = RESERVED.has(name) ? 'a constant of the language'
    : callNames().includes(name) ? 'a call of the language'
    : PEOPLE_COMMANDS.has(name) ? 'a command of the language'
    : own(shell.vars, name) ? 'one of your names (x = ...)'
    : null;
  if (taken) throw new ShellError('EINVAL', `${name} is ${taken}; a partition needs another name`);
}

function runCommand(
  shell: ShellState,
  action: Extract<Action, { kind: 'command' }>,
  base: { line: number; ctx: string; input: string; assign: string | null; call: string },
  pid: Pid,
): Outcome {
  const { timeline, step } = record(shell.timeline, action.command);
  const { line, ctx, input, assign, call } = base;
  if (!step.result.ok) {
    const { errno, message, addr } = step.result.error;
    // a policy denial is recorded in the timeline (its events are in the trace); other refusals are not
    const recorded = timeline !== shell.timeline;
    return { shell: recorded ? { ...shell, timeline } : shell, out: [{ line, ctx, input, kind: 'error', errno, message, ...(addr === undefined ? {} : { addr }) }], effect: recorded ? RECORDED : NO_EFFECT };
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
    if (!result.ok) out.push({ line, ctx, input, kind: 'error', errno: result.error.errno, message: result.error.message });
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

/** A suspended call has returned: print it under its own context, and fill in its name. */
function completed(shell: ShellState, c: Completion, line: number, vars: Readonly<Record<string, ShellValue>>, pending: Record<number, Pending>) {
  const waiting = pending[c.pid];
  const ctxName = shell.timeline.current.partitions[c.pid]?.name ?? `partition ${c.pid}`;
  const { [c.pid]: _done, ...rest } = pending;
  const value = c.result.ok ? fromEngine(c.result.value, waiting?.hint ?? 'int', c.pid) : NONE;
  const nextVars = c.result.ok && waiting?.assign ? withKey(vars, waiting.assign, value) : vars;
  const output: Output = {
    kind: 'complete', line, ctx: ctxName, completes: waiting?.line ?? null, input: waiting ? waiting.input.replace(/^\s*@\w+\s+/, '') : `${c.call}()`, call: c.call,
    result: c.result.ok ? { ok: true, value } : { ok: false, errno: c.result.error.errno, message: c.result.error.message },
  };
  return { vars: nextVars, pending: rest, output };
}

/** Ctrl-C: interrupt the suspended call of `ctx` (default: the current context); the history notes it as `interrupt X`. */
export function interrupt(shell: ShellState, ctx = shell.ctx): Ran {
  const ran = interruptCall({ ...shell, lineNo: shell.lineNo + 1 }, ctx, '^C');
  const line = `interrupt ${ctx}`;
  return { ...ran, shell: { ...ran.shell, history: shell.history.append(line), trail: { line, before: shell.trail } } };
}

/** Interrupt the suspended call of `ctx`, on the line `shell.lineNo`; the history is the caller's business. */
export function interruptCall(shell: ShellState, ctx: string, input: string): Ran {
  const pid = contextPid(shell, ctx);
  const base = { line: shell.lineNo, ctx, input };
  if (pid === null || !shell.timeline.current.partitions[pid]?.wait) {
    return { shell, out: [{ ...base, kind: 'text', text: [`${ctx} is not waiting in any call`] }], effect: NO_EFFECT };
  }
  const ran = runCommand(shell, { kind: 'command', command: { kind: 'call.interrupt', by: pid }, hint: 'int' }, { ...base, assign: null, call: 'interrupt' }, pid);
  // what matters is the interrupted call's EINTR, not the interrupt's own 0
  return { ...ran, out: ran.out.filter((o) => o.kind !== 'result') };
}

/** Move the shell to another moment of its timeline: names and pending calls follow. */
export function seekShell(shell: ShellState, moment: number): ShellState {
  const timeline = seek(shell.timeline, moment);
  const stored = storeMoment(shell);
  const snap = stored.snapshots[Math.min(moment, stored.snapshotCount - 1)]!;
  const ctx = contextPid({ ...shell, timeline }, shell.ctx) === null ? 'scp' : shell.ctx;
  // the context stays across a move in time, so the trail says so when it differs from the moment's
  const trail = ctx === snap.ctx ? snap.trail : { line: `@${ctx}`, before: snap.trail };
  return { ...stored, timeline, ctx, vars: snap.vars, pending: snap.pending, trail };
}

/** Tab completion: calls of this context, people commands, names and partitions that start with `prefix`. */
export function completions(shell: ShellState, prefix: string): string[] {
  const role = contextPid(shell, shell.ctx) === SCP_PID ? 'scp' : 'guest';
  const calls = CALLS.filter((c) => c.where === role || c.where === 'any').map((c) => `${c.name}(`);
  const names = [...Object.keys(shell.vars), ...Object.values(shell.timeline.current.partitions).filter((p) => p.status === 'active').map((p) => p.name), ...CONSTANTS];
  const all = [...new Set([...calls, ...PEOPLE_COMMANDS, ...names])];
  return all.filter((x) => x.startsWith(prefix)).sort();
}
