// The program's calls on fds answer bad input in plain words and change
// nothing: select with no fds, an fd that is no whole number, and accept when
// the descriptor table has no room for the communication socket it would
// open (the table holds 64 fds from fd 3 [0088]).

import { describe, expect, it } from 'vitest';
import { A, session } from '../testing/testkit.js';
import { FIRST_FD, MAX_FDS } from './fdTable.js';

const SOCKET = { kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' } as const;

/** The words of a refusal. */
function message(step: { readonly result: { readonly ok: true } | { readonly ok: false; readonly error: { readonly message: string } } }): string | false {
  return !step.result.ok && step.result.error.message;
}

describe('bad fds', () => {
  it('select needs at least one fd', () => {
    const s = session();
    expect(s.errno({ kind: 'sys.select', fds: [] })).toBe('EINVAL');
    expect(message(s.run({ kind: 'sys.select', fds: [] }))).toBe('select needs at least one fd');
  });

  it('an fd that is no whole number is not open, even where a whole fd is', () => {
    const s = session();
    const fd = s.ok(SOCKET) as number;
    expect(s.errno({ kind: 'sys.close', fd: fd + 0.5 })).toBe('EBADF');
    expect(message(s.run({ kind: 'sys.close', fd: fd + 0.5 }))).toBe(`fd ${fd + 0.5} is not open: it was never opened, or it has been closed`);
    expect(s.errno({ kind: 'sys.read', fd: Number.NaN, count: null })).toBe('EBADF');
    expect(s.ok({ kind: 'sys.close', fd })).toBe(0);
  });
});

describe('a full descriptor table', () => {
  it('refuses accept, which would open a socket, until an fd is closed', () => {
    const s = session();
    const listener = s.ok(SOCKET) as number;
    s.ok({ kind: 'sys.bind', fd: listener, service: 7 });
    s.ok({ kind: 'sys.listen', fd: listener, permit: true });
    s.ok({ kind: 'channel.connectService', by: A, service: 7 });
    const others: number[] = [];
    while (others.length < MAX_FDS - 1) others.push(s.ok(SOCKET) as number);
    expect(Object.keys(s.state.kernel.fds)).toHaveLength(MAX_FDS);
    expect(s.errno(SOCKET)).toBe('ENOMEM');
    expect(s.errno({ kind: 'sys.accept', fd: listener })).toBe('ENOMEM');
    expect(message(s.run({ kind: 'sys.accept', fd: listener }))).toBe('the file descriptor table is full: close something first');
    s.ok({ kind: 'sys.close', fd: others[0]! });
    expect(s.ok({ kind: 'sys.accept', fd: listener })).toBe(FIRST_FD + 1);
  });
});
