// Reading untrusted files field by field: lesson files, assignments and
// hand-ins come from strangers (a link, a download, a platform's text box),
// so each reader checks every field by hand and refuses, naming the field at
// fault, a wrong type, a string or list past its limit, an unknown field, and
// characters that can disguise text. One set of checkers, so a file type
// cannot be laxer than another by accident.

import type { Words, WordValue } from './words.js';
import { words } from './words.js';

/**
 * A refusal on its way out of a reader: `readChecked` turns it into a result.
 * Where a page shows the refusal to a reader as they type (the assignment
 * maker), it carries words (words.ts) beside its English sentence, so the
 * page says it in the reader's language (issue 23).
 */
export class Refused {
  constructor(readonly field: string, readonly message: string, readonly words?: Words) {}
}

export const refuse = (field: string, message: string, said?: Words): never => {
  throw new Refused(field, message, said);
};

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly field: string; readonly message: string; readonly words?: Words };

/** The field a refusal of the whole file names (its size, its JSON, its top not an object). */
export const WHOLE_FILE = '(the file)';

/** Run a reader made of the checkers below; a refusal becomes a result naming the field ("(the file)" for the whole). */
export function readChecked<T>(read: () => T): Checked<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, field: e.field || WHOLE_FILE, message: e.message, ...(e.words ? { words: e.words } : {}) };
    throw e;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a refusal names it: "null", "a list", "number 3", "nothing (it is missing)". */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing (it is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
}

/** `describe` as words, for a reader of any language: the JSON of a value kept, what kind it is in words. */
export function describeWords(v: unknown): WordValue {
  if (typeof v === 'number') return words('untrusted.value.number', { json: JSON.stringify(v).slice(0, 40) });
  if (v === undefined || v === null || typeof v === 'object') return words('untrusted.value.kind', { kind: v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'list' : 'object' });
  return words('untrusted.value.typed', { type: typeof v, json: JSON.stringify(v).slice(0, 40) });
}

/** What a whole file is, as a refusal names it. */
export type Whole = 'a lesson file' | 'an assignment';

const wholeWords = (whole: Whole) => words('untrusted.whole', { kind: whole === 'a lesson file' ? 'lesson' : 'assignment' });

/**
 * C0/C1 controls (a tab and, where allowed, a newline aside), the
 * bidirectional overrides and isolates, and the invisible direction marks
 * (LRM, RLM, ALM): each can make a text read otherwise than it is.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

/** An id: 1 to 32 lower-case letters, digits or `-` (it becomes part of file names and links). */
export const ID = /^[a-z0-9-]{1,32}$/;

export function text(v: unknown, field: string, max: number, opts: { multiline?: boolean; empty?: boolean } = {}): string {
  if (typeof v !== 'string') return refuse(field, `must be text (a JSON string), not ${describe(v)}`, words('untrusted.notText', { value: describeWords(v) }));
  if (!opts.empty && v.trim() === '') return refuse(field, 'must not be empty', words('untrusted.empty'));
  if (v.length > max) return refuse(field, `is ${v.length} characters long; at most ${max}`, words('untrusted.tooLong', { length: v.length, max }));
  if (CONTROL.test(v)) return refuse(field, 'holds a control or text-direction character', words('untrusted.control'));
  if (!opts.multiline && v.includes('\n')) return refuse(field, 'must be one line', words('untrusted.oneLine'));
  return v;
}

export function list(v: unknown, field: string, min: 0 | 1, max: number): unknown[] {
  if (!Array.isArray(v)) return refuse(field, `must be a list, not ${describe(v)}`, words('untrusted.notList', { value: describeWords(v) }));
  if (v.length < min) return refuse(field, 'must hold at least one entry', words('untrusted.emptyList'));
  if (v.length > max) return refuse(field, `holds ${v.length} entries; at most ${max}`, words('untrusted.tooManyEntries', { count: v.length, max }));
  return v;
}

/** An object holding only `allowed` fields; `whole` names the file when `field` is its top. */
export function fields(v: unknown, field: string, allowed: readonly string[], whole: Whole): Record<string, unknown> {
  if (!isRecord(v)) return refuse(field, `must be an object, not ${describe(v)}`, words('untrusted.notObject', { value: describeWords(v) }));
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) {
      return refuse(`${field}${field ? '.' : ''}${key.slice(0, 40)}`, `is not a field of ${field || whole} (known: ${allowed.join(', ')})`, words('untrusted.unknownField', { of: field || wholeWords(whole), known: allowed.join(', ') }));
    }
  }
  return v;
}

/** A file's text as JSON, refused past `limit` characters or when it does not parse. */
export function parseJsonFile(source: string, limit: number, what: Whole): unknown {
  const [kib, most] = [Math.ceil(source.length / 1024), limit / 1024];
  if (source.length > limit) return refuse('', `is ${kib} KiB; ${what} is at most ${most} KiB`, words('untrusted.fileTooLarge', { kib, what: wholeWords(what), most }));
  try {
    return JSON.parse(source);
  } catch (e) {
    // the parser's own message (where, what it met) is quoted as it is, in every language
    const detail = (e as Error).message.slice(0, 120);
    return refuse('', `is not valid JSON (${detail})`, words('untrusted.json', { detail }));
  }
}
