// The kernel's descriptor table as the program meets it [0088], [0091] (b):
// fds 0-2 are the standard streams and are never sockets or files, every
// refusal names what the fd is, and the lookups by port and by service find
// the one entry they mean when several are open.

import { describe, expect, it } from 'vitest';
import { A, B, session } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import { FIRST_FD } from './fdTable.js';
import { KERNEL_LANE } from '../event.js';

const socketIn = (mode: 'vfile' | 'map') => ({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode }) as const;

/** The words of a refusal, or false if the call succeeded. */
function refusal(s: Session, command: Parameters<Session['run']>[0]): string | false {
  const step = s.run(command);
  return !step.result.ok && `${step.result.error.errno}: ${step.result.error.message}`;
}

/** A listening socket on `service` in `mode`, `guest` connected to it and accepted: its fds and the guest's channel port. */
function served(s: Session, service: number, mode: 'vfile' | 'map', guest: typeof A) {
  const listener = s.ok(socketIn(mode)) as number;
  s.ok({ kind: 'sys.bind', fd: listener, service });
  s.ok({ kind: 'sys.listen', fd: listener, permit: true });
  s.run({ kind: 'channel.connectService', by: guest, service });
  const accept = s.run({ kind: 'sys.accept', fd: listener });
  const channel = accept.completions.find((c) => c.pid === guest)!.result;
  if (!accept.result.ok || !channel.ok) throw new Error(`serving ${service} failed`);
  return { listener, comm: accept.result.value as number, channel: channel.value as number };
}

/** `guest` sends one page with `text` on its channel: the tags of the send. */
function sends(s: Session, guest: typeof A, channel: number, text: string): string[] {
  const addr = s.ok({ kind: 'area.reserve', by: guest, bytes: 4096 }) as number;
  s.ok({ kind: 'mem.write', by: guest, addr, data: text });
  const send = s.run({ kind: 'channel.send', by: guest, port: channel as never, addr, short: text });
  expect(send.result.ok).toBe(true);
  // the area flips to the system control OS's kernel, which maps it only when the program reads (S308)
  expect(send.events.find((e) => e.kind === 'area.flip')).toMatchObject({ from: guest, to: KERNEL_LANE });
  return send.events.map((e) => e.tag);
}

describe('the standard streams, fds 0 to 2', () => {
  it('are refused as standard streams, whatever the call', () => {
    const s = session();
    const stream = (fd: number) => `EBADF: fd ${fd} is a standard stream; sockets and files start at fd ${FIRST_FD}`;
    expect(refusal(s, { kind: 'sys.read', fd: 0, count: null })).toBe(stream(0));
    expect(refusal(s, { kind: 'sys.write', fd: 1, data: 'x' })).toBe(stream(1));
    expect(refusal(s, { kind: 'sys.close', fd: 2 })).toBe(stream(2));
  });

  it('end at fd 2: fd 3 and a negative fd are simply not open', () => {
    const s = session();
    expect(refusal(s, { kind: 'sys.close', fd: FIRST_FD })).toBe(`EBADF: fd ${FIRST_FD} is not open: it was never opened, or it has been closed`);
    expect(refusal(s, { kind: 'sys.close', fd: -1 })).toBe('EBADF: fd -1 is not open: it was never opened, or it has been closed');
  });
});

describe('what a refusal calls an fd', () => {
  it('a socket not listening, a listening one, a communication socket and an open file', () => {
    const s = session();
    const fresh = s.ok(socketIn('vfile')) as number;
    expect(refusal(s, { kind: 'sys.read', fd: fresh, count: null })).toBe(`EINVAL: fd ${fresh} is a connection socket: read a communication socket from accept, or an open file`);
    const { listener, comm, channel } = served(s, 7, 'vfile', A);
    expect(refusal(s, { kind: 'sys.write', fd: listener, data: 'x' })).toBe(`EINVAL: fd ${listener} is a listening socket: write to a communication socket from accept`);
    sends(s, A, channel, 'hello');
    const { vfile } = s.ok({ kind: 'sys.read', fd: comm, count: null }) as { vfile: string };
    const file = s.ok({ kind: 'sys.open', path: vfile }) as number;
    expect(refusal(s, { kind: 'sys.msgnew', fd: file, bytes: 64 })).toBe(`EINVAL: msg_new needs a communication socket from accept; fd ${file} is an open file ${vfile}`);
    expect(refusal(s, { kind: 'sys.msgnew', fd: listener, bytes: 64 })).toBe(`EINVAL: msg_new needs a communication socket from accept; fd ${listener} is a listening socket`);
  });
});

describe('finding the entry a port or a service names, among several', () => {
  it('a message to the program is received in the mode of its own communication socket (S308 (a) or (b)), not of another open one', () => {
    const s = session();
    const byFile = served(s, 7, 'vfile', A);
    const byMap = served(s, 8, 'map', B);
    const toMap = sends(s, B, byMap.channel, 'to the map socket');
    expect(toMap).toContain('S308(b)');
    expect(toMap).not.toContain('S308(a)');
    const toFile = sends(s, A, byFile.channel, 'to the file socket');
    expect(toFile).toContain('S308(a)');
    expect(toFile).not.toContain('S308(b)');
    expect(s.ok({ kind: 'sys.read', fd: byMap.comm, count: null })).toHaveProperty('addr');
    expect(s.ok({ kind: 'sys.read', fd: byFile.comm, count: null })).toHaveProperty('vfile');
  });

  it('a service is bound by its socket only: once the listener is closed, its accepted connection does not hold the service', () => {
    const s = session();
    const { listener } = served(s, 7, 'vfile', A);
    s.ok({ kind: 'sys.close', fd: listener });
    expect(refusal(s, { kind: 'channel.connectService', by: B, service: 7 }))
      .toBe('ECONNREFUSED: nobody is listening on service 7: the system control program must bind and listen first');
    const again = s.ok(socketIn('vfile')) as number;
    expect(s.ok({ kind: 'sys.bind', fd: again, service: 7 })).toBe(0);
  });
});
