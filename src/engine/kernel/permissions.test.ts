// The program's per-partition permit and deny on a listening socket (the
// lab's refinement of [0090], [0096]), and the words every socket call puts
// on the sequence chart and in a refusal: what a student reads is what the
// machine did.

import { describe, expect, it } from 'vitest';
import { A, B, SCP, session } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import { narrate } from '../narration.js';
import { usageOf } from '../partition/partitions.js';

const SOCKET = { kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' } as const;

/** A socket bound to 7 and listening: its fd. */
function listening(s: Session): number {
  const fd = s.ok(SOCKET) as number;
  s.ok({ kind: 'sys.bind', fd, service: 7 });
  s.ok({ kind: 'sys.listen', fd, permit: true });
  return fd;
}

/** "ERRNO: message" of a refusal, or false if the call succeeded. */
function refusal(s: Session, command: Parameters<Session['run']>[0]): string | false {
  const step = s.run(command);
  return !step.result.ok && `${step.result.error.errno}: ${step.result.error.message}`;
}

/** What the chart and the log say for the events of one call. */
function said(s: Session, command: Parameters<Session['run']>[0]): string[] {
  return s.run(command).events.map((e) => narrate(e.say));
}

/** The guests whose connect to 7 now waits in the backlog, as A's and B's requests are answered by accept. */
function accepted(s: Session, fd: number): string[] {
  const step = s.run({ kind: 'sys.accept', fd });
  return step.completions.filter((c) => c.result.ok).map((c) => (c.pid === A ? 'A' : c.pid === B ? 'B' : String(c.pid)));
}

describe('permit and deny, one partition at a time', () => {
  it('deny refuses that guest only; permit lets it connect again', () => {
    const s = session();
    const fd = listening(s);
    s.ok({ kind: 'sys.deny', fd, pid: A });
    expect(refusal(s, { kind: 'channel.connectService', by: A, service: 7 }))
      .toBe('ECONNREFUSED: the system control program denies A service 7 (the lab\'s per-partition deny)');
    expect(s.run({ kind: 'channel.connectService', by: B, service: 7 }).suspended?.call).toBe('connect');
    s.ok({ kind: 'sys.permit', fd, pid: A });
    expect(s.run({ kind: 'channel.connectService', by: A, service: 7 }).suspended?.call).toBe('connect');
  });

  it('keeps one entry per denied guest, and permit takes out that guest alone', () => {
    const s = session();
    const fd = listening(s);
    s.ok({ kind: 'sys.deny', fd, pid: A });
    s.ok({ kind: 'sys.deny', fd, pid: A });
    s.ok({ kind: 'sys.deny', fd, pid: B });
    expect(s.state.kernel.fds[fd]).toMatchObject({ denied: [A, B] });
    s.ok({ kind: 'sys.permit', fd, pid: A });
    expect(s.state.kernel.fds[fd]).toMatchObject({ denied: [B] });
  });

  it('deny refuses the waiting requests of that guest, and permit refuses none', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.run({ kind: 'channel.connectService', by: B, service: 7 });
    const permit = s.run({ kind: 'sys.permit', fd, pid: A });
    expect(permit.completions).toEqual([]);
    const deny = s.run({ kind: 'sys.deny', fd, pid: A });
    expect(deny.completions.map((c) => [c.pid, c.result])).toEqual([
      [A, { ok: false, error: expect.objectContaining({ errno: 'ECONNREFUSED', message: 'the system control program denies A service 7' }) }],
    ]);
    expect(accepted(s, fd)).toEqual(['B']);
  });

  it('names a guest partition only', () => {
    const s = session();
    const fd = listening(s);
    expect(refusal(s, { kind: 'sys.permit', fd, pid: SCP })).toBe(`ESRCH: there is no guest partition ${SCP}`);
    expect(refusal(s, { kind: 'sys.deny', fd, pid: 99 as typeof A })).toBe('ESRCH: there is no guest partition 99');
  });

  it('is shown as the call typed and what the kernel did', () => {
    const s = session();
    const fd = listening(s);
    expect(said(s, { kind: 'sys.deny', fd, pid: A })).toEqual([`deny(${fd}, A)`, expect.stringContaining('A')]);
    expect(said(s, { kind: 'sys.permit', fd, pid: A })).toEqual([`permit(${fd}, A)`, expect.stringContaining('A')]);
    const deny = s.run({ kind: 'sys.deny', fd, pid: B }).events.at(-1)!;
    expect(deny).toMatchObject({ tag: 'lab:permit', kind: 'sock.permission', say: ['sock.permission', false, 'B', 7, fd] });
  });
});

describe('the words of the other socket calls', () => {
  it('socket, listen and listen(s, false) as typed', () => {
    const s = session();
    expect(said(s, { ...SOCKET, mode: 'map' })[0]).toBe('socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)');
    const fd = s.ok(SOCKET) as number;
    s.ok({ kind: 'sys.bind', fd, service: 7 });
    expect(said(s, { kind: 'sys.listen', fd, permit: true })[0]).toBe(`listen(${fd})`);
    expect(said(s, { kind: 'sys.listen', fd, permit: false })[0]).toBe(`listen(${fd}, false)`);
  });

  it('refusals say what to do instead', () => {
    const s = session();
    expect(refusal(s, { ...SOCKET, type: 'SOCK_STREAM' })).toBe('EINVAL: a message channel keeps message boundaries: use SOCK_SEQPACKET, not SOCK_STREAM');
    const fd = s.ok(SOCKET) as number;
    expect(refusal(s, { kind: 'sys.bind', fd, service: 0 })).toBe('EINVAL: a service id is 1 to 65535, not 0');
    expect(refusal(s, { kind: 'channel.connectService', by: A, service: 70000 })).toBe('EINVAL: a service id is 1 to 65535, not 70000');
    while (Object.keys(s.state.kernel.fds).length < 64) s.ok(SOCKET);
    expect(refusal(s, SOCKET)).toBe('ENOMEM: the file descriptor table is full: close something first');
  });

  it('a call that needs a connection socket names what the fd is instead', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const comm = s.ok({ kind: 'sys.accept', fd }) as number;
    expect(refusal(s, { kind: 'sys.listen', fd: comm, permit: true })).toBe(`EINVAL: listen needs a connection socket; fd ${comm} is a communication socket`);
    expect(refusal(s, { kind: 'sys.deny', fd: comm, pid: B })).toBe(`EINVAL: deny needs a connection socket; fd ${comm} is a communication socket`);
    expect(refusal(s, { kind: 'sys.permit', fd: comm, pid: B })).toBe(`EINVAL: permit needs a connection socket; fd ${comm} is a communication socket`);
    // an open file is no socket at all: EBADF, as in Unix
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    const channel = Object.values(s.state.partitions[A]!.ports).find((p) => p.kind === 'message')!.no;
    s.ok({ kind: 'channel.send', by: A, port: channel, addr, short: 'm' });
    const { vfile } = s.ok({ kind: 'sys.read', fd: comm, count: null }) as { vfile: string };
    const file = s.ok({ kind: 'sys.open', path: vfile }) as number;
    expect(refusal(s, { kind: 'sys.listen', fd: file, permit: true })).toBe(`EBADF: listen needs a connection socket; fd ${file} is an open file ${vfile}`);
  });
});

describe('socket and bind, step by step (S201-S202, S301-S302)', () => {
  it('socket says which mode it made, and the fd it registered', () => {
    const s = session();
    const map = s.run({ ...SOCKET, mode: 'map' }).events.at(-1)!;
    expect(map).toMatchObject({ tag: 'S201', kind: 'sock.create' });
    expect(narrate(map.say)).toBe(`kernel makes a connection socket in direct-map mode and registers it as fd 3`);
    const file = s.run(SOCKET).events.at(-1)!;
    expect(narrate(file.say)).toBe(`kernel makes a connection socket in virtual-file mode and registers it as fd 4`);
  });

  it('bind takes a service id from 1 to 65535, and nothing else', () => {
    const s = session();
    const bindTo = (service: number) => refusal(s, { kind: 'sys.bind', fd: s.ok(SOCKET) as number, service });
    expect(bindTo(1)).toBe(false);
    expect(bindTo(65535)).toBe(false);
    expect(bindTo(0)).toBe('EINVAL: a service id is 1 to 65535, not 0');
    expect(bindTo(65536)).toBe('EINVAL: a service id is 1 to 65535, not 65536');
    expect(bindTo(7.5)).toBe('EINVAL: a service id is 1 to 65535, not 7.5');
  });

  it('bind needs an open connection socket', () => {
    const s = session();
    expect(refusal(s, { kind: 'sys.bind', fd: 9, service: 7 })).toBe('EBADF: fd 9 is not open: it was never opened, or it has been closed');
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const comm = s.ok({ kind: 'sys.accept', fd }) as number;
    expect(refusal(s, { kind: 'sys.bind', fd: comm, service: 8 })).toBe(`EINVAL: bind needs a connection socket; fd ${comm} is a communication socket`);
  });

  it('bind is shown as typed, and as the kernel registering the service', () => {
    const s = session();
    const fd = s.ok(SOCKET) as number;
    const events = s.run({ kind: 'sys.bind', fd, service: 7 }).events;
    expect(events.map((e) => e.tag)).toEqual(['S302', 'S202']);
    expect(narrate(events[0]!.say)).toBe(`bind(${fd}, 7)`);
    // a system call costs the program a tenth of a context switch
    expect(events[0]).toMatchObject({ kind: 'sys.call', cost: s.state.costs.contextSwitch / 10 });
    expect(events[1]).toMatchObject({ kind: 'sock.bind', say: ['sock.bind', 7, fd] });
  });
});

describe('connect to a service, and the backlog (S305)', () => {
  it('a guest asks for a service id from 1 to 65535', () => {
    const s = session();
    const ask = (service: number) => refusal(s, { kind: 'channel.connectService', by: A, service });
    expect(ask(1)).toBe('ECONNREFUSED: nobody is listening on service 1: the system control program must bind and listen first');
    expect(ask(65535)).toBe('ECONNREFUSED: nobody is listening on service 65535: the system control program must bind and listen first');
    expect(ask(0)).toBe('EINVAL: a service id is 1 to 65535, not 0');
    expect(ask(65536)).toBe('EINVAL: a service id is 1 to 65535, not 65536');
    expect(ask(7.5)).toBe('EINVAL: a service id is 1 to 65535, not 7.5');
  });

  it('the request goes to the control OS (S305 (a)), which hands it to the kernel for the listening socket (S305 (b))', () => {
    const s = session();
    const fd = listening(s);
    const events = s.run({ kind: 'channel.connectService', by: A, service: 7 }).events;
    expect(events.find((e) => e.tag === 'S305(a)')).toMatchObject({ kind: 'channel.request', say: ['service.request', 'A', 7] });
    expect(events.filter((e) => e.tag === 'S305(b)').map((e) => e.kind)).toEqual(['signal.queue', 'signal.take']);
    expect(events.find((e) => e.kind === 'signal.take')).toMatchObject({ tag: 'S305(b)', say: ['service.backlog', 'A', fd, 7] });
  });

  it('listen(s, false) refuses the requests waiting for that socket\'s service only', () => {
    const s = session();
    const seven = listening(s);
    const eight = s.ok(SOCKET) as number;
    s.ok({ kind: 'sys.bind', fd: eight, service: 8 });
    s.ok({ kind: 'sys.listen', fd: eight, permit: true });
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.run({ kind: 'channel.connectService', by: B, service: 8 });
    const stop = s.run({ kind: 'sys.listen', fd: seven, permit: false });
    expect(stop.completions.map((c) => [c.pid, c.result.ok])).toEqual([[A, false]]);
    expect(stop.events.find((e) => e.kind === 'sock.listen')).toMatchObject({ tag: 'S203', say: ['sock.listen', false, 7] });
    expect(accepted(s, eight)).toEqual(['B']);
  });

  it('accept needs an open connection socket', () => {
    const s = session();
    expect(refusal(s, { kind: 'sys.accept', fd: 9 })).toBe('EBADF: fd 9 is not open: it was never opened, or it has been closed');
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const comm = s.ok({ kind: 'sys.accept', fd }) as number;
    expect(refusal(s, { kind: 'sys.accept', fd: comm })).toBe(`EINVAL: accept needs a connection socket; fd ${comm} is a communication socket`);
    expect(refusal(s, { kind: 'sys.listen', fd: 9, permit: true })).toBe('EBADF: fd 9 is not open: it was never opened, or it has been closed');
  });
});

describe('accept and close, as the chart shows them', () => {
  it('a connect waits until accepted, and an accept until a request comes; each says so', () => {
    const s = session();
    const fd = listening(s);
    const wait = s.run({ kind: 'sys.accept', fd }).events.at(-1)!;
    expect(wait).toMatchObject({ kind: 'call.suspend', say: ['call.suspend', 'scp', 'accept', ['until.request']] });
    const other = session();
    listening(other);
    const asks = other.run({ kind: 'channel.connectService', by: A, service: 7 }).events.at(-1)!;
    expect(asks).toMatchObject({ kind: 'call.suspend', say: ['call.suspend', 'A', 'connect', ['until.accept']] });
  });

  it('accept makes the communication socket (S204 (b)) and returns its fd (S204 (c))', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const events = s.run({ kind: 'sys.accept', fd }).events;
    const comm = fd + 1;
    expect(events.filter((e) => e.tag === 'S204(b)' || e.tag === 'S204(c)').map((e) => [e.tag, e.kind, e.say])).toEqual([
      ['S204(b)', 'sock.accept', ['sock.accept', 'A', comm]],
      ['S204(c)', 'sys.return', ['accept.return', comm, 'A']],
    ]);
  });

  it('closing a listening socket refuses its waiting requests and says what it closed', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const close = s.run({ kind: 'sys.close', fd });
    expect(close.completions.map((c) => [c.pid, c.result])).toEqual([
      [A, { ok: false, error: expect.objectContaining({ errno: 'ECONNREFUSED', message: 'the system control program closed service 7' }) }],
    ]);
    expect(close.events.at(-1)).toMatchObject({ tag: 'lab:close', kind: 'sock.close', say: ['sock.close', fd, 'listening socket'] });
  });

  it('closing a communication socket leaves the requests waiting for its service alone', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: B, service: 7 });
    const comm = s.ok({ kind: 'sys.accept', fd }) as number;
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const close = s.run({ kind: 'sys.close', fd: comm });
    expect(close.completions.filter((c) => c.pid === A)).toEqual([]);
    expect(close.events.at(-1)).toMatchObject({ tag: 'S-E', say: ['sock.close', comm, 'communication socket'] });
    expect(accepted(s, fd)).toEqual(['A']);
  });
});

describe('a request accept cannot serve', () => {
  it('is refused with the reason, the work begun for it is undone, and accept waits for the next', () => {
    const s = session();
    const fd = listening(s);
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    const ports = { scp: Object.keys(s.state.partitions[SCP]!.ports), a: Object.keys(s.state.partitions[A]!.ports) };
    const step = s.run({ kind: 'sys.accept', fd }); // the session checks every invariant after it
    expect(step.events.map((e) => [e.tag, e.kind])).toEqual([['S304', 'sys.call'], ['lab:answer', 'call.complete'], ['S204(d)', 'call.suspend']]);
    expect(step.completions).toEqual([{ pid: A, call: 'connect', result: { ok: false, error: expect.objectContaining({ errno: 'ENOMEM' }) } }]);
    expect(Object.keys(s.state.partitions[SCP]!.ports)).toEqual(ports.scp);
    expect(Object.keys(s.state.partitions[A]!.ports)).toEqual(ports.a);
    expect(Object.values(s.state.channels)).toEqual([]);
  });
});
