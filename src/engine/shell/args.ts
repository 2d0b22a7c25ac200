// Checking a call's arguments against its parameter types, with errors that
// say which argument and why (docs/architecture.md, The command language), and turning engine results back into
// shell values (handles remember the partition they belong to).

import type { LabState, Pid, ResourceKind, Value } from '../types.js';
import { RESOURCE_KINDS } from '../types.js';
import type { HandleKind, ShellValue } from './values.js';
import { HANDLE_KEY, HANDLE_WORDS, hex, show, typeName, typeWords } from './values.js';
import { emptyTable, own } from '../own.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export type ParamType =
  | 'int' | 'cycles' | 'str' | 'addr' | 'lpar' | 'guest' | 'resource' | 'limit'
  | 'channel' | 'port' | 'peerPort' | 'fd' | 'signal' | 'request' | 'fds' | 'serviceOrGuest' | 'pathOrAddr' | 'sym' | 'ceiling';

export interface Param {
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
}

/** The catalog key of each `TYPE_WORDS` (words.ts). */
const TYPE_KEY: Readonly<Record<ParamType, string>> = {
  int: 'error.param.int', cycles: 'error.param.cycles', str: 'error.param.str', addr: 'error.param.addr', lpar: 'error.param.lpar', guest: 'error.param.guest',
  resource: 'error.param.resource', limit: 'error.param.limit', channel: 'error.param.channel', port: 'error.param.port', peerPort: 'error.param.peerPort',
  fd: 'error.param.fd', signal: 'error.param.signal', fds: 'error.param.fds', serviceOrGuest: 'error.param.serviceOrGuest', pathOrAddr: 'error.param.pathOrAddr',
  sym: 'error.param.sym', request: 'error.param.request', ceiling: 'error.param.ceiling',
};

export const TYPE_WORDS: Record<ParamType, string> = {
  int: 'a number', cycles: 'a number of cycles (1500, or 0.3 for less than one)', str: 'a string', addr: 'an address', lpar: 'a partition (scp, A, B, ...)', guest: 'a guest partition (A, B, ...)',
  resource: `a resource (${RESOURCE_KINDS.join(', ')})`, limit: 'a number or unlimited', channel: 'a channel handle',
  port: 'an event port handle', peerPort: "the other partition's receive port", fd: 'a file descriptor', signal: 'a control signal (from signal())', fds: 'a list of file descriptors',
  serviceOrGuest: 'a service number or a guest partition', pathOrAddr: 'a virtual file name ("/msg/...") or a mapped address',
  sym: 'a constant such as AF_LPAR',
  request: 'a resource request (r from r = read(fd), or r.request)', ceiling: 'a number, ask or auto',
};

export type Arg =
  | { readonly type: 'int' | 'addr' | 'channel' | 'port' | 'fd' | 'signal' | 'request'; readonly n: number; readonly owner?: Pid }
  | { readonly type: 'str' | 'sym'; readonly s: string }
  | { readonly type: 'lpar'; readonly pid: Pid; readonly name: string }
  | { readonly type: 'resource'; readonly r: ResourceKind }
  | { readonly type: 'limit'; readonly n: number | null }
  | { readonly type: 'fds'; readonly ns: readonly number[] };

/** The catalog key of a parameter's name ("memory pages" is help.param.memoryPages). */
export const paramKey = (name: string): string => `help.param.${name.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase())}`;

export interface ArgError {
  readonly errno: 'EINVAL' | 'EBADF';
  readonly message: string;
  readonly words?: Words;
}

/** A handle-typed argument: a handle of this partition, or a plain number. */
function handleArg(v: ShellValue, kind: HandleKind, ctx: { pid: Pid; name: string }, state: LabState): number | ArgError | null {
  if (v.t === 'int') return v.n;
  if (v.t === 'rec' && kind === 'signal' && own(v.fields, 'sig')) return handleArg(own(v.fields, 'sig')!, kind, ctx, state);
  // what read(fd) returned for a request: the record stands for the request it carries
  if (v.t === 'rec' && kind === 'request' && own(v.fields, 'request')) return handleArg(own(v.fields, 'request')!, kind, ctx, state);
  if (v.t !== 'handle') return null;
  if (v.owner !== ctx.pid) {
    // a handle's owner is the partition whose call returned it, and partitions are never removed
    return { errno: 'EBADF', message: `that ${HANDLE_WORDS[v.kind]} handle belongs to ${state.partitions[v.owner]!.name}; it means nothing in ${ctx.name}`, words: words('error.args.thatHandleBelongs', { kind: words(HANDLE_KEY[v.kind]), owner: state.partitions[v.owner]!.name, ctx: ctx.name }) };
  }
  if (v.kind !== kind) return null;
  return v.n;
}

export function checkArg(v: ShellValue, p: Param, index: number, call: string, ctx: { pid: Pid; name: string }, state: LabState): Arg | ArgError {
  const shown = v.t === 'str' || v.t === 'int' || v.t === 'num' ? show(v) : '';
  const wrong = (): ArgError => ({
    errno: 'EINVAL', message: `argument ${index + 1} of ${call} (${p.name}) must be ${TYPE_WORDS[p.type]}, not ${typeName(v)}${shown ? ` ${shown}` : ''}`,
    words: words('error.args.mustBe', { index: index + 1, call, param: words(paramKey(p.name)), type: words(TYPE_KEY[p.type], p.type === 'resource' ? { resources: RESOURCE_KINDS.join(', ') } : undefined), given: typeWords(v), shown: shown ? words('error.args.shown', { value: shown }) : '' }),
  });
  switch (p.type) {
    case 'int': return v.t === 'int' || v.t === 'addr' ? { type: 'int', n: v.n } : wrong();
    // a cost may be less than a cycle: the default copy cost is 0.3 cycles per byte
    case 'cycles': return v.t === 'int' || v.t === 'num' ? { type: 'int', n: v.n } : wrong();
    case 'addr': return v.t === 'addr' || v.t === 'int' ? { type: 'addr', n: v.n } : wrong();
    case 'str': return v.t === 'str' ? { type: 'str', s: v.s } : wrong();
    case 'sym': return v.t === 'sym' ? { type: 'sym', s: v.name } : wrong();
    case 'lpar': return v.t === 'lpar' ? { type: 'lpar', pid: v.pid, name: v.name } : wrong();
    case 'guest':
      if (v.t !== 'lpar') return wrong();
      return state.partitions[v.pid]?.role === 'guest' ? { type: 'lpar', pid: v.pid, name: v.name } : { errno: 'EINVAL', message: `argument ${index + 1} of ${call} must be a guest; ${v.name} is the system control OS`, words: words('error.args.argumentMustGuest', { index: index + 1, call, v: v.name }) };
    case 'resource':
      return v.t === 'sym' && (RESOURCE_KINDS as readonly string[]).includes(v.name) ? { type: 'resource', r: v.name as ResourceKind } : wrong();
    case 'ceiling':
      if (v.t === 'sym' && (v.name === 'ask' || v.name === 'auto')) return { type: 'sym', s: v.name };
      return v.t === 'int' ? { type: 'int', n: v.n } : wrong();
    case 'limit':
      if (v.t === 'sym' && v.name === 'unlimited') return { type: 'limit', n: null };
      return v.t === 'int' ? { type: 'limit', n: v.n } : wrong();
    case 'serviceOrGuest':
      if (v.t === 'int') return { type: 'int', n: v.n };
      return v.t === 'lpar' ? { type: 'lpar', pid: v.pid, name: v.name } : wrong();
    case 'pathOrAddr':
      if (v.t === 'str') return { type: 'str', s: v.s };
      return v.t === 'addr' || v.t === 'int' ? { type: 'addr', n: v.n } : wrong();
    case 'peerPort':
      // a receive port of the partition being asked: its handle, or a plain number
      if (v.t === 'int') return { type: 'port', n: v.n };
      return v.t === 'handle' && v.kind === 'port' ? { type: 'port', n: v.n, owner: v.owner } : wrong();
    case 'fds': {
      if (v.t !== 'list') return wrong();
      const ns: number[] = [];
      for (const item of v.items) {
        const n = handleArg(item, 'fd', ctx, state);
        if (n === null) return { errno: 'EINVAL', message: `the list in ${call} must hold file descriptors, not ${typeName(item)}`, words: words('error.args.listMustHold', { call, item: typeWords(item) }) };
        if (typeof n === 'object') return n;
        ns.push(n);
      }
      return { type: 'fds', ns };
    }
    case 'channel': case 'port': case 'fd': case 'signal': case 'request': {
      const n = handleArg(v, p.type, ctx, state);
      if (n === null) return wrong();
      if (typeof n === 'object') return n;
      return { type: p.type, n };
    }
  }
}

/** How a call's numeric result is to be read: a plain number, an address, or a handle of some kind. */
export type ResultHint = 'int' | 'addr' | HandleKind | 'fds';

/** An engine value as a shell value: addresses print in hex, handles remember their partition. */
export function fromEngine(v: Value, hint: ResultHint, owner: Pid): ShellValue {
  if (v === null) return { t: 'none' };
  if (typeof v === 'number') {
    if (hint === 'addr') return { t: 'addr', n: v };
    if (hint === 'int' || hint === 'fds') return { t: 'int', n: v };
    return { t: 'handle', kind: hint, owner, n: v };
  }
  if (typeof v === 'string') return { t: 'str', s: v };
  if (Array.isArray(v)) return { t: 'list', items: v.map((x) => fromEngine(x, hint === 'fds' ? 'fd' : hint, owner)) };
  const fields = emptyTable<ShellValue>();
  for (const [k, x] of Object.entries(v as Record<string, Value>)) {
    fields[k] = fromEngine(x, k === 'addr' ? 'addr' : k === 'sig' ? 'signal' : k === 'request' ? 'request' : 'int', owner);
  }
  return { t: 'rec', fields };
}

export { hex };
