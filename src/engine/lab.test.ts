// Who may make which call: the guest OS programming interface [0047] is for
// guests, the system calls [0084]-[0108] for the system control program.
// Each refusal is a clear EACCES that leaves the machine as it was.

import { describe, expect, it } from 'vitest';
import { A, B, session } from './testing/testkit.js';
import type { Command } from './command.js';
import { asPort, asSig } from './types.js';

type Loose = Command extends infer C ? (C extends { by: unknown } ? Omit<C, 'by'> : never) : never;

const GUEST_ONLY: readonly Loose[] = [
  { kind: 'resource.request', resource: 'mem', amount: 1 },
  { kind: 'event.port' },
  { kind: 'event.connect', target: B, port: asPort(1) },
  { kind: 'event.send', port: asPort(1) },
  { kind: 'event.poll', port: asPort(1) },
  { kind: 'signal.notify', port: asPort(1) },
  { kind: 'signal.take' },
  { kind: 'signal.permit', sig: asSig(1) },
  { kind: 'signal.deny', sig: asSig(1) },
  { kind: 'channel.connect', target: B },
  { kind: 'channel.connectService', service: 7 },
  { kind: 'channel.send', port: asPort(1), addr: 0x100000, short: '' },
  { kind: 'channel.recv', port: asPort(1) },
  { kind: 'channel.close', port: asPort(1) },
  { kind: 'area.reserve', bytes: 64 },
  { kind: 'area.free', addr: 0x100000 },
  { kind: 'shm.connect', target: B, bytes: 64 },
];

const SCP_ONLY: readonly Loose[] = [
  { kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' },
  { kind: 'sys.bind', fd: 3, service: 7 },
  { kind: 'sys.listen', fd: 3, permit: true },
  { kind: 'sys.accept', fd: 3 },
  { kind: 'sys.read', fd: 3, count: null },
  { kind: 'sys.write', fd: 3, data: 'x' },
  { kind: 'sys.msgnew', fd: 3, bytes: 64 },
  { kind: 'sys.select', fds: [3] },
  { kind: 'sys.close', fd: 3 },
  { kind: 'sys.open', path: '/msg/A.1' },
  { kind: 'sys.unlink', target: '/msg/A.1' },
  { kind: 'sys.permit', fd: 3, pid: A },
  { kind: 'sys.deny', fd: 3, pid: A },
  { kind: 'policy.set', resource: 'mem', ceiling: 1 },
];

describe('who may call what', () => {
  it.each(GUEST_ONLY.map((c) => [c.kind, c] as const))('%s is a guest call: the system control program gets EACCES', (_kind, command) => {
    const s = session();
    const step = s.run(command as never);
    expect(step.result).toMatchObject({ ok: false, error: { errno: 'EACCES', message: expect.stringMatching(/guest call/) } });
  });

  it.each(SCP_ONLY.map((c) => [c.kind, c] as const))('%s is the system control program\'s: a guest gets EACCES', (_kind, command) => {
    const s = session();
    expect(s.errno({ ...command, by: A } as never)).toBe('EACCES');
  });
});
