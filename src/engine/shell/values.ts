// Values of the command language. Names are the user's notes, shared by all
// contexts; the handles they hold (channels, ports, fds, signals) remember
// the partition they belong to, so A's channel used in B is EBADF (docs/architecture.md, The command language).

import type { Pid } from '../types.js';

export type HandleKind = 'channel' | 'port' | 'fd' | 'signal' | 'request';

export type ShellValue =
  | { readonly t: 'int'; readonly n: number }
  /** a number with a fraction, as typed (0.3): what a cost parameter may be */
  | { readonly t: 'num'; readonly n: number }
  | { readonly t: 'addr'; readonly n: number }
  | { readonly t: 'str'; readonly s: string }
  | { readonly t: 'list'; readonly items: readonly ShellValue[] }
  | { readonly t: 'rec'; readonly fields: Readonly<Record<string, ShellValue>> }
  | { readonly t: 'handle'; readonly kind: HandleKind; readonly owner: Pid; readonly n: number }
  | { readonly t: 'lpar'; readonly pid: Pid; readonly name: string }
  | { readonly t: 'sym'; readonly name: string }
  | { readonly t: 'none' };

/** How each kind of handle is named in messages ("a file descriptor handle"). */
export const HANDLE_WORDS: Readonly<Record<HandleKind, string>> = { channel: 'channel', port: 'port', fd: 'file descriptor', signal: 'signal', request: 'resource request' };

export const int = (n: number): ShellValue => ({ t: 'int', n });
export const str = (s: string): ShellValue => ({ t: 'str', s });
export const NONE: ShellValue = { t: 'none' };

import { hex } from '../hex.js';
import type { Words } from '../words.js';
import { words } from '../words.js';
export { hex };

/** How deep lists may nest, and how many values one may hold in all, however they are built. */
export const MAX_VALUE_DEPTH = 32;
export const MAX_VALUE_COUNT = 10_000;

const measured = new WeakMap<ShellValue, { readonly depth: number; readonly count: number }>();

/**
 * How deep a value nests and how many values it holds, counting a shared
 * part each time it appears (what printing it would walk). Values are
 * immutable, so each list is measured once: `x = [x, x]` typed over and
 * over costs O(1) a line, and the shell refuses it before it doubles past
 * the limits instead of printing an exponential answer.
 */
export function measure(v: ShellValue): { readonly depth: number; readonly count: number } {
  if (v.t !== 'list' && v.t !== 'rec') return { depth: 0, count: 1 };
  const known = measured.get(v);
  if (known) return known;
  let depth = 0;
  let count = 1;
  for (const item of v.t === 'list' ? v.items : Object.values(v.fields)) {
    const m = measure(item);
    depth = Math.max(depth, m.depth);
    count += m.count;
  }
  const m = { depth: depth + 1, count };
  measured.set(v, m);
  return m;
}

/** How a value is printed after `=`. */
export function show(v: ShellValue): string {
  switch (v.t) {
    case 'int': return String(v.n);
    // written with its point, so 1.0 reads as the decimal it was typed as
    case 'num': return Number.isInteger(v.n) ? `${v.n}.0` : String(v.n);
    case 'addr': return hex(v.n);
    case 'str': return JSON.stringify(v.s);
    case 'list': return `[${v.items.map(show).join(', ')}]`;
    case 'rec': return `{${Object.entries(v.fields).map(([k, x]) => `${k}: ${show(x)}`).join(', ')}}`;
    case 'handle': return String(v.n);
    case 'lpar': return v.name;
    case 'sym': return v.name;
    case 'none': return 'nothing';
  }
}

/** The plain JSON form, for `lparsh --json`. */
export function toJson(v: ShellValue): unknown {
  switch (v.t) {
    case 'int': case 'num': case 'addr': case 'handle': return v.n;
    case 'str': return v.s;
    case 'list': return v.items.map(toJson);
    case 'rec': return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, toJson(x)]));
    case 'lpar': case 'sym': return v.name;
    case 'none': return null;
  }
}

/** The catalog key of each kind of handle's name (words.ts). */
export const HANDLE_KEY: Readonly<Record<HandleKind, string>> = { channel: 'error.handle.channel', port: 'error.handle.port', fd: 'error.handle.fd', signal: 'error.handle.signal', request: 'error.handle.request' };

const TYPE_KEY: Readonly<Record<ShellValue['t'], string>> = {
  int: 'error.type.int', num: 'error.type.num', addr: 'error.type.addr', str: 'error.type.str', list: 'error.type.list', rec: 'error.type.rec',
  handle: 'error.type.handle', lpar: 'error.type.lpar', sym: 'error.type.sym', none: 'error.type.none',
};

/** `typeName` as words (words.ts); a name stays as it is. */
export function typeWords(v: ShellValue): Words {
  switch (v.t) {
    case 'handle': return words(TYPE_KEY.handle, { kind: words(HANDLE_KEY[v.kind]) });
    case 'lpar': case 'sym': return words(TYPE_KEY[v.t], { name: v.name });
    default: return words(TYPE_KEY[v.t]);
  }
}

export function typeName(v: ShellValue): string {
  switch (v.t) {
    case 'int': return 'a number';
    case 'num': return 'a number with a decimal point';
    case 'addr': return 'an address';
    case 'str': return 'a string';
    case 'list': return 'a list';
    case 'rec': return 'a record';
    case 'handle': return `a ${HANDLE_WORDS[v.kind]} handle`;
    case 'lpar': return `the partition ${v.name}`;
    case 'sym': return `the name ${v.name}`;
    case 'none': return 'nothing';
  }
}
