// The shell: one line of the command language in, the machine's answer out.
// Pure like the rest of the engine: `runLine(shell, input)` returns the next
// shell, the output lines and what the line did (its effect); the page's
// terminal and `lparsh` both drive it. This is the top of the shell's layers:
// it parses a line and hands bare words to the commands for people
// (people.ts) and calls to the machine; both build on shellState.ts.

import type { Pid } from '../types.js';
import { SCP_PID } from '../types.js';
import type { Expr, Statement } from './parser.js';
import { MAX_LINE, parseLine } from './parser.js';
import type { Arg } from './args.js';
import { checkArg } from './args.js';
import type { Action } from './calls.js';
import { CALLS, CONSTANTS, callNames, findCall, signature, signatureWords } from './calls.js';
import type { ShellValue } from './values.js';
import { MAX_VALUE_COUNT, MAX_VALUE_DEPTH, int, measure, str, typeName, typeWords } from './values.js';
import { nearest } from './suggest.js';
import { PEOPLE_COMMANDS } from './commands.js';
import { runWords } from './people.js';
import type { Ran, ShellState } from './shellState.js';
import { contextPid, interruptCall, NO_EFFECT, runCommand, withVars } from './shellState.js';
import { visible } from './visible.js';
import type { LineOptions } from './people.js';
import { own, withKey } from '../own.js';
import type { Words } from '../words.js';
import { count as plural, didYouMean, words } from '../words.js';

export type { Effect, LineTrail, Output, Pending, Ran, ShellState } from './shellState.js';
export { contextPid, createShell, interruptCall, NO_EFFECT, RECORDED, seekShell, trailLines } from './shellState.js';

export type { LineOptions } from './people.js';

export const promptOf = (shell: ShellState) => `${shell.ctx}$ `;

type Outcome = Ran;

/**
 * A line longer than MAX_LINE is refused at once, whatever its length: only
 * its first MAX_LINE + 1 characters are looked at, kept in the history (a
 * replay refuses them the same way) and printed back in part.
 */
function overLong(shell: ShellState, input: string): Ran {
  const lineNo = shell.lineNo + 1;
  const start = visible(input.slice(0, 40));
  const message = `the line is longer than ${MAX_LINE} characters, the most a line may hold; nothing was run (it starts ${start}…)`;
  return { shell: { ...shell, lineNo }, out: [{ line: lineNo, ctx: shell.ctx, input, kind: 'error', errno: 'EINVAL', message, words: words('error.shell.lineTooLong', { max: MAX_LINE, start }) }], effect: NO_EFFECT };
}

/** Run one line typed in the current context. Never throws for anything a user can type. */
export function runLine(shell: ShellState, typed: string, options: LineOptions = {}): Ran {
  const input = typed.length > MAX_LINE ? typed.slice(0, MAX_LINE + 1) : typed;
  const ran = input.length > MAX_LINE ? overLong(shell, input) : runOneLine(shell, input, options);
  // a line that started a new machine (reset, seed) begins a new history
  if (ran.effect.kind === 'restarted') return ran;
  // a line that moved in time (back) took the trail of the moment it went to; any other line joins the branch
  const trail = ran.effect.kind === 'moved' ? ran.shell.trail : { line: input, before: shell.trail };
  return { ...ran, shell: { ...ran.shell, history: shell.history.append(input), trail } };
}

function runOneLine(shell: ShellState, input: string, options: LineOptions): Outcome {
  const next = { ...shell, lineNo: shell.lineNo + 1 };
  const parsed = parseLine(input, PEOPLE_COMMANDS);
  const base = { line: next.lineNo, ctx: shell.ctx, input };
  if (parsed.kind === 'syntax') {
    // the input is printed through `visible`, so the caret counts its escapes too
    const pointer = `${' '.repeat(visible(input.slice(0, Math.max(0, parsed.col - 1))).length)}^`;
    return { shell: next, out: [{ ...base, kind: 'error', errno: 'EINVAL', col: parsed.col, message: `syntax error at column ${parsed.col}: ${parsed.message}\n  ${input}\n  ${pointer}`,
      words: words('error.shell.syntax', { col: parsed.col, why: parsed.words ?? parsed.message, input, pointer }) }], effect: NO_EFFECT };
  }
  return runStatement(next, parsed, shell.ctx, input, options);
}

function runStatement(shell: ShellState, statement: Statement, ctx: string, input: string, options: LineOptions): Outcome {
  const base = { line: shell.lineNo, ctx, input };
  switch (statement.kind) {
    case 'empty': return { shell, out: [], effect: NO_EFFECT };
    case 'switch': {
      if (contextPid(shell, statement.ctx) === null) {
        const names = Object.values(shell.timeline.current.partitions).filter((p) => p.status === 'active').map((p) => p.name);
        const near = nearest(statement.ctx, names);
        const ended = Object.values(shell.timeline.current.partitions).some((p) => p.name === statement.ctx);
        return { shell, out: [{ ...base, kind: 'error', errno: 'ENOENT', message: ended ? `${statement.ctx} has ended: there is nothing left to run in` : `there is no context ${statement.ctx}${near ? `; did you mean ${near}?` : ''} (contexts: ${names.join(', ')})`,
          words: ended ? words('error.shell.contextEnded', { ctx: statement.ctx }) : words('error.shell.noContext', { ctx: statement.ctx, hint: didYouMean(near), contexts: names.join(', ') }) }], effect: NO_EFFECT };
      }
      if (statement.then === null) {
        const scp = statement.ctx === 'scp';
        const text = scp ? 'now in the system control program (scp, problem mode)' : `now in ${statement.ctx} (guest OS, supervisor mode)`;
        return { shell: { ...shell, ctx: statement.ctx }, out: [{ ...base, kind: 'text', text: [text], words: [scp ? words('lparsh.switch.scp') : words('lparsh.switch.guest', { ctx: statement.ctx })] }], effect: NO_EFFECT };
      }
      return runStatement(shell, statement.then, statement.ctx, input, options);
    }
    case 'words': return runWords(shell, statement.command, statement.words, base, options);
    case 'assign': case 'expr': return runExpression(shell, statement, ctx, input);
  }
}

class ShellError {
  constructor(readonly errno: string, readonly message: string, readonly words?: Words) {}
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
      if (action.kind === 'error') throw new ShellError(action.errno, action.message, action.words);
      return answer(shell, base, assign, action.value);
    }
    return answer(shell, base, assign, evaluate(shell, top, ctx, pid));
  } catch (e) {
    if (e instanceof ShellError) return { shell, out: [{ ...base, kind: 'error', errno: e.errno, message: e.message, ...(e.words ? { words: e.words } : {}) }], effect: NO_EFFECT };
    throw e;
  }
}

function answer(shell: ShellState, base: { line: number; ctx: string; input: string }, assign: string | null, value: ShellValue): Outcome {
  const next = assign === null ? shell : withVars(shell, withKey(shell.vars, assign, value));
  return { shell: next, out: [{ ...base, kind: 'result', value, events: [] }], effect: NO_EFFECT };
}

function checkAssignable(shell: ShellState, name: string): void {
  if (RESERVED.has(name)) throw new ShellError('EINVAL', `${name} is a constant of the language; choose another name`, words('error.shell.constantLanguageChoose', { name }));
  // a bare name on a line runs the command, so a value of that name could never be read back
  if (PEOPLE_COMMANDS.has(name)) throw new ShellError('EINVAL', `${name} is a command for people (help lists them); choose another name`, words('error.shell.commandPeopleHelp', { name }));
  if (Object.values(shell.timeline.current.partitions).some((p) => p.name === name)) throw new ShellError('EINVAL', `${name} is a partition's name; choose another name`, words('error.shell.partitionSName', { name }));
}

function evaluate(shell: ShellState, e: Expr, ctx: string, pid: Pid): ShellValue {
  switch (e.kind) {
    case 'int': return int(e.value);
    case 'num': return { t: 'num', n: e.value };
    case 'str': return str(e.value);
    case 'list': {
      const list: ShellValue = { t: 'list', items: e.items.map((x) => evaluate(shell, x, ctx, pid)) };
      const { depth, count } = measure(list);
      if (depth > MAX_VALUE_DEPTH) throw new ShellError('EINVAL', `column ${e.col}: this list would nest ${depth} deep; lists nest at most ${MAX_VALUE_DEPTH} deep`, words('error.shell.columnThisList', { col: e.col, depth, maxValueDepth: MAX_VALUE_DEPTH }));
      if (count > MAX_VALUE_COUNT) throw new ShellError('EINVAL', `column ${e.col}: this list would hold ${count} values in all; a list holds at most ${MAX_VALUE_COUNT}`, words('error.shell.columnThisList2', { col: e.col, count, maxValueCount: MAX_VALUE_COUNT }));
      return list;
    }
    case 'name': return lookup(shell, e.name);
    case 'member': {
      const of = evaluate(shell, e.of, ctx, pid);
      // a suspended call binds its name only when it completes, so a name never holds nothing
      if (of.t !== 'rec') throw new ShellError('EINVAL', `column ${e.col}: .${e.field} needs a record, and this is ${typeName(of)}`, words('error.shell.columnNeedsRecord', { col: e.col, field: e.field, given: typeWords(of) }));
      const v = own(of.fields, e.field);
      if (!v) throw new ShellError('EINVAL', `column ${e.col}: the record has no field ${e.field}; it has ${Object.keys(of.fields).join(', ')}`, words('error.shell.columnRecordHas', { col: e.col, field: e.field, fields: Object.keys(of.fields).join(', ') }));
      return v;
    }
    case 'call': {
      const action = callAction(shell, e, ctx, pid);
      if (action.kind === 'answer') return action.value;
      if (action.kind === 'error') throw new ShellError(action.errno, action.message, action.words);
      throw new ShellError('EINVAL', `column ${e.col}: ${e.name}() asks the machine to act, so it must stand alone on its line (x = ${e.name}(...))`, words('error.shell.columnAsksMachine', { col: e.col, call: e.name }));
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
  const command = near !== null && PEOPLE_COMMANDS.has(near);
  const call = near !== null && callNames().includes(near);
  const hint = command ? `; did you mean the command ${near}?` : call ? `; did you mean ${near}(...)?` : near ? `; did you mean ${near}?` : '';
  const hintWords = command ? words('error.didYouMeanCommand', { near }) : call ? words('error.didYouMeanCall', { near }) : didYouMean(near);
  throw new ShellError('ENOENT', `unknown name ${name}${hint}`, words('error.shell.unknownName', { name, hint: hintWords }));
}

function callAction(shell: ShellState, e: Extract<Expr, { kind: 'call' }>, ctx: string, pid: Pid): Action {
  const role = pid === SCP_PID ? 'scp' : 'guest';
  const spec = findCall(e.name, role);
  if (!spec) {
    const elsewhere = CALLS.find((c) => c.name === e.name);
    if (elsewhere) {
      const where = elsewhere.where === 'scp' ? 'the system control program (@scp)' : 'a guest (@A, @B, ...)';
      throw new ShellError('EINVAL', `${e.name}() is a call of ${where}, not of ${ctx}`, words('error.shell.callOf', { call: e.name, scp: String(elsewhere.where === 'scp'), ctx }));
    }
    const near = nearest(e.name, [...callNames(), ...PEOPLE_COMMANDS]);
    throw new ShellError('ENOENT', `unknown call ${e.name}()${near ? `; did you mean ${near}?` : ''} (help lists the calls)`, words('error.shell.unknownCall', { call: e.name, hint: didYouMean(near) }));
  }
  const required = spec.params.filter((q) => !q.optional).length;
  if (e.args.length < required || e.args.length > spec.params.length) {
    const count = required === spec.params.length ? `${required}` : `${required} to ${spec.params.length}`;
    throw new ShellError('EINVAL', `${e.name} takes ${count} argument${spec.params.length === 1 ? '' : 's'}: ${signature(spec)}; ${e.args.length} given`,
      words('error.shell.argumentCount', { call: e.name, fewest: required, most: spec.params.length, range: String(required !== spec.params.length), params: plural(spec.params.length), signature: signatureWords(spec), given: e.args.length }));
  }
  const args: Arg[] = [];
  const state = shell.timeline.current;
  e.args.forEach((a, i) => {
    const checked = checkArg(evaluate(shell, a, ctx, pid), spec.params[i]!, i, e.name, { pid, name: ctx }, state);
    if ('errno' in checked) throw new ShellError(checked.errno, checked.message, checked.words);
    args.push(checked);
  });
  const name = args[0];
  if (spec.name === 'lpar_create' && name && 's' in name) checkPartitionName(shell, name.s);
  // a call makes only the commands it declares (calls.test.ts runs every entry): the machine reads who may make what from them
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
  const takenKey = RESERVED.has(name) ? 'constant' : callNames().includes(name) ? 'call' : PEOPLE_COMMANDS.has(name) ? 'command' : 'name';
  if (taken) throw new ShellError('EINVAL', `${name} is ${taken}; a partition needs another name`, words('error.shell.partitionNameTaken', { name, taken: takenKey }));
}

/** Ctrl-C: interrupt the suspended call of `ctx` (default: the current context); the history notes it as `interrupt X`. */
export function interrupt(shell: ShellState, ctx = shell.ctx): Ran {
  const ran = interruptCall({ ...shell, lineNo: shell.lineNo + 1 }, ctx, '^C');
  const line = `interrupt ${ctx}`;
  return { ...ran, shell: { ...ran.shell, history: shell.history.append(line), trail: { line, before: shell.trail } } };
}

/** Tab completion: calls of this context, people commands, names and partitions that start with `prefix`. */
export function completions(shell: ShellState, prefix: string): string[] {
  const role = contextPid(shell, shell.ctx) === SCP_PID ? 'scp' : 'guest';
  const calls = CALLS.filter((c) => c.where === role || c.where === 'any').map((c) => `${c.name}(`);
  const names = [...Object.keys(shell.vars), ...Object.values(shell.timeline.current.partitions).filter((p) => p.status === 'active').map((p) => p.name), ...CONSTANTS];
  const all = [...new Set([...calls, ...PEOPLE_COMMANDS, ...names])];
  return all.filter((x) => x.startsWith(prefix)).sort();
}
