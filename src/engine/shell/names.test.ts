// Names that are also keys of every JavaScript object (__proto__, constructor,
// toString...) are ordinary names: unknown until bound, bound like any other,
// and binding one changes no other name. A model (a Map) says what each
// name must hold after any sequence of lines.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createShell, runLine } from './shell.js';
import type { Output, ShellState } from './shell.js';
import { toJsonLine } from './format.js';
import { CONSTANTS, callNames } from './calls.js';
import { PEOPLE_COMMANDS } from './people.js';

const OBJECT_KEYS = Object.getOwnPropertyNames(Object.prototype);
const NAMES = [...OBJECT_KEYS, 'x', 'fd', 'prototype', '__defineGetter__', 'then'];

function run(shell: ShellState, line: string): { shell: ShellState; out: Output[] } {
  const ran = runLine(shell, line);
  return { shell: ran.shell, out: ran.out };
}

describe('names that are object keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('%s is an unknown name until bound, in text and JSON', (name) => {
    const { out } = run(createShell(), name);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'error', errno: 'ENOENT', message: expect.stringMatching(new RegExp(`^unknown name ${name}`)) });
    expect(toJsonLine(out[0]!)).toMatchObject({ ok: false, errno: 'ENOENT' });
  });

  it('__proto__ = socket(...) binds a name and re-prototypes nothing', () => {
    let { shell } = run(createShell(), '__proto__ = socket(AF_LPAR, SOCK_SEQPACKET)');
    expect(Object.getPrototypeOf(shell.vars)).toBeNull();
    for (const line of ['toString', 'constructor', 'n']) expect(run(shell, line).out[0]).toMatchObject({ kind: 'error', errno: 'ENOENT' });
    expect(run(shell, '__proto__').out[0]).toMatchObject({ kind: 'result', value: { t: 'handle', kind: 'fd', n: 3 } });
    shell = run(shell, 'bind(__proto__, 7)').shell;
    expect(run(shell, 'listen(__proto__)').out[0]).toMatchObject({ kind: 'result' });
  });

  it('a record has no field constructor or __proto__', () => {
    let shell = createShell();
    for (const line of ['@A ch = connect(B)', '@B sig = signal()']) shell = run(shell, line).shell;
    for (const field of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(run(shell, `sig.${field}`).out[0]).toMatchObject({ kind: 'error', errno: 'EINVAL', message: expect.stringMatching(new RegExp(`no field ${field}`)) });
    }
    expect(run(shell, 'sig.from').out[0]).toMatchObject({ kind: 'result', value: { t: 'str', s: 'A' } });
  });

  it('virtual file names that are object keys are files that do not exist', () => {
    let shell = run(createShell(), 's = socket(AF_LPAR, SOCK_SEQPACKET)').shell;
    for (const path of ['__proto__', 'constructor', 'toString']) {
      for (const line of [`open("${path}")`, `unlink("${path}")`]) {
        const ran = run(shell, line);
        expect(ran.out[0]).toMatchObject({ kind: 'error', errno: 'ENOENT' });
        shell = ran.shell;
      }
    }
  });

  it('any sequence of bindings and reads of such names matches a plain map', () => {
    const step = fc.oneof(
      fc.tuple(fc.constant('bind' as const), fc.constantFrom(...NAMES), fc.integer({ min: -5, max: 99 })),
      fc.tuple(fc.constant('read' as const), fc.constantFrom(...NAMES), fc.constant(0)),
    );
    fc.assert(fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
      const model = new Map<string, number>();
      let shell = createShell();
      for (const [what, name, n] of steps) {
        const ran = run(shell, what === 'bind' ? `${name} = ${n}` : name);
        shell = ran.shell;
        if (what === 'bind') model.set(name, n);
        else if (model.has(name)) expect(ran.out[0]).toMatchObject({ kind: 'result', value: { t: 'int', n: model.get(name) } });
        else expect(ran.out[0]).toMatchObject({ kind: 'error', errno: 'ENOENT' });
      }
      expect(Object.keys(shell.vars).sort()).toEqual([...model.keys()].sort());
      expect(Object.getPrototypeOf(shell.vars)).toBeNull();
    }));
  });
});

describe('partition names', () => {
  it('refuses a constant, call or command of the language, or a bound name, and changes nothing', () => {
    let shell = run(createShell(), 'X = 1').shell;
    const names = [...CONSTANTS.filter((c) => /^[A-Z]/.test(c)), ...callNames(), ...PEOPLE_COMMANDS, 'X'];
    expect(names).toContain('AF_LPAR');
    for (const name of names) {
      const ran = run(shell, `lpar_create("${name}", 4, 1)`);
      expect(ran.out[0]).toMatchObject({ kind: 'error', errno: 'EINVAL', message: expect.stringMatching(new RegExp(`^${name} is .*; a partition needs another name|a partition name starts with a capital`)) });
      expect(ran.shell.timeline).toBe(shell.timeline);
      shell = ran.shell;
    }
    expect(run(shell, 'lpar_create("AF_LPAR", 4, 1)').out[0]).toMatchObject({ message: 'AF_LPAR is a constant of the language; a partition needs another name' });
    // the constant still means what it says
    expect(run(shell, 's = socket(AF_LPAR, SOCK_SEQPACKET)').out[0]).toMatchObject({ kind: 'result' });
    expect(run(shell, 'lpar_create("C", 4, 1)').out[0]).toMatchObject({ kind: 'result' });
  });
});
