import { describe, expect, it } from 'vitest';
import type { ShellValue } from './values.js';
import { measure, NONE, show, toJson, typeName } from './values.js';
import { asPid } from '../types.js';

const A = asPid(2);
const EVERY: ReadonlyArray<[ShellValue, string, unknown, string]> = [
  // value, printed after "=", in JSON, named in an error
  [{ t: 'int', n: -3 }, '-3', -3, 'a number'],
  [{ t: 'addr', n: 0x100000 }, '0x100000', 0x100000, 'an address'],
  [{ t: 'str', s: 'a"b' }, '"a\\"b"', 'a"b', 'a string'],
  [{ t: 'list', items: [{ t: 'int', n: 1 }, NONE] }, '[1, nothing]', [1, null], 'a list'],
  [{ t: 'rec', fields: { vfile: { t: 'str', s: '/msg/A.1' }, size: { t: 'int', n: 5 } } }, '{vfile: "/msg/A.1", size: 5}', { vfile: '/msg/A.1', size: 5 }, 'a record'],
  [{ t: 'handle', kind: 'fd', owner: A, n: 4 }, '4', 4, 'a file descriptor handle'],
  [{ t: 'handle', kind: 'signal', owner: A, n: 1 }, '1', 1, 'a signal handle'],
  [{ t: 'lpar', pid: A, name: 'A' }, 'A', 'A', 'the partition A'],
  [{ t: 'sym', name: 'MSG_MAP' }, 'MSG_MAP', 'MSG_MAP', 'the name MSG_MAP'],
  [NONE, 'nothing', null, 'nothing'],
];

describe('shell values', () => {
  it.each(EVERY)('%o prints as %s, is %o in JSON and is called %s', (value, printed, json, name) => {
    expect(show(value)).toBe(printed);
    expect(toJson(value)).toEqual(json);
    expect(typeName(value)).toBe(name);
  });

  it('measures a record like a list: one level deeper than its deepest field, one value more than its fields', () => {
    const inner: ShellValue = { t: 'list', items: [{ t: 'int', n: 1 }, { t: 'int', n: 2 }] };
    expect(measure({ t: 'rec', fields: { a: inner, b: NONE } })).toEqual({ depth: 2, count: 5 });
    expect(measure(NONE)).toEqual({ depth: 0, count: 1 });
  });
});
