import { describe, expect, it } from 'vitest';
import { createShell, runLine } from './shell.js';
import type { ShellState } from './shell.js';
import { fromEngine } from './args.js';
import { asPid, SCP_PID } from '../types.js';

function after(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

/** Run `line` after `lines`: it must be refused with this errno and message, and change nothing. */
function expectRefused(lines: readonly string[], line: string, errno: string, message: string) {
  const shell = after(lines);
  const ran = runLine(shell, line);
  expect(ran.out, line).toEqual([expect.objectContaining({ kind: 'error', errno, message })]);
  expect(ran.effect, line).toEqual({ kind: 'none' });
  expect(ran.shell.timeline, line).toBe(shell.timeline);
  expect(ran.shell.vars, line).toBe(shell.vars);
}

const SOCKET = ['s = socket(AF_LPAR, SOCK_SEQPACKET)'];
const PORT_OF_A = ['@A rp = event_port()'];

describe('a call given the wrong kind of argument is refused and changes nothing', () => {
  it('socket and listen take only their own words', () => {
    expectRefused([], 'socket(AF_LPAR, SOCK_SEQPACKET, AF_UNIX)', 'EINVAL', 'the only flag is MSG_MAP, not AF_UNIX');
    expectRefused(SOCKET, 'listen(s, MSG_MAP)', 'EINVAL', 'listen takes true or false, not MSG_MAP');
  });

  it('compare takes a size from 1 byte to 1 GiB', () => {
    expectRefused([], 'compare(0)', 'EINVAL', 'compare takes a size from 1 byte to 1 GiB');
    expectRefused([], `compare(${2 ** 30 + 1})`, 'EINVAL', 'compare takes a size from 1 byte to 1 GiB');
    expect(runLine(createShell(), `c = compare(${2 ** 30})`).out[0]).toMatchObject({ kind: 'result', value: { t: 'rec' } });
  });

  it('limit takes a number or unlimited', () => {
    expectRefused([], 'limit(A, mem, "lots")', 'EINVAL', 'argument 3 of limit (amount) must be a number or unlimited, not a string "lots"');
    const lifted = runLine(after(['limit(A, mem, 4)']), 'limit(A, mem, unlimited)');
    expect(lifted.out[0]).toMatchObject({ kind: 'result', value: { t: 'int', n: 0 } });
    expect(lifted.shell.timeline.current.partitions[asPid(2)]!.limits.mem).toBeNull();
  });

  it('a handle of the wrong kind is not taken for another', () => {
    expectRefused([...PORT_OF_A, '@A a = area(10)'], '@A send(rp, a)', 'EINVAL', 'argument 1 of send (channel) must be a channel handle, not a port handle');
  });

  it("event_connect takes the asked partition's receive port, as a handle or a number", () => {
    expectRefused(PORT_OF_A, '@A event_connect(B, rp)', 'EBADF', 'that port handle belongs to A, not to B');
    expectRefused([], '@A event_connect(B, "x")', 'EINVAL', 'argument 2 of event_connect (receive port) must be the other partition\'s receive port, not a string "x"');
    // a plain number names B's port 2 (its first event port): B is asked by a control signal
    const shell = after(['@B rp = event_port()']);
    const asked = runLine(shell, '@A sp = event_connect(B, 2)');
    expect(asked.out[0]).toMatchObject({ kind: 'blocked', call: 'event_connect' });
    expect(runLine(asked.shell, '@B signals()').out[0]).toMatchObject({ kind: 'result', value: { t: 'list', items: [{ t: 'rec', fields: { from: { t: 'str', s: 'A' }, request: { t: 'str', s: 'event' } } }] } });
  });

  it('select takes a list of file descriptors of the system control program', () => {
    expectRefused(SOCKET, 'select([s, "x"])', 'EINVAL', 'the list in select must hold file descriptors, not a string');
    expectRefused(PORT_OF_A, 'select([rp])', 'EBADF', 'that port handle belongs to A; it means nothing in scp');
  });
});

describe('engine results as shell values', () => {
  it('reads a number by its hint: a plain number, an address, or a handle of the calling partition', () => {
    const A = asPid(2);
    expect(fromEngine(7, 'int', A)).toEqual({ t: 'int', n: 7 });
    expect(fromEngine(0x100000, 'addr', A)).toEqual({ t: 'addr', n: 0x100000 });
    expect(fromEngine(3, 'channel', A)).toEqual({ t: 'handle', kind: 'channel', owner: A, n: 3 });
  });

  it('reads a list of fds as fd handles, and any other list by its hint', () => {
    expect(fromEngine([4, 5], 'fds', SCP_PID)).toEqual({ t: 'list', items: [{ t: 'handle', kind: 'fd', owner: SCP_PID, n: 4 }, { t: 'handle', kind: 'fd', owner: SCP_PID, n: 5 }] });
    expect(fromEngine([1, 2], 'int', SCP_PID)).toEqual({ t: 'list', items: [{ t: 'int', n: 1 }, { t: 'int', n: 2 }] });
  });

  it('reads a record field by field: addr is an address, sig a signal handle, the rest numbers and strings', () => {
    const A = asPid(2);
    expect(fromEngine({ addr: 0x100000, size: 5, short: 'hi' }, 'int', A)).toEqual({ t: 'rec', fields: { addr: { t: 'addr', n: 0x100000 }, size: { t: 'int', n: 5 }, short: { t: 'str', s: 'hi' } } });
    expect(fromEngine({ sig: 1 }, 'int', A)).toEqual({ t: 'rec', fields: { sig: { t: 'handle', kind: 'signal', owner: A, n: 1 } } });
  });

  it('reads no value as nothing', () => {
    expect(fromEngine(null, 'int', SCP_PID)).toEqual({ t: 'none' });
  });
});

describe('optional arguments left out', () => {
  it('send without a short message sends an empty one', () => {
    const shell = after(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)', '@A a = area(10)', '@A send(ch, a)']);
    expect(runLine(shell, 'r = read(fd)').out[0]).toMatchObject({ kind: 'result', value: { t: 'rec', fields: { vfile: { t: 'str', s: '/msg/A.1' }, short: { t: 'str', s: '' } } } });
  });
});
