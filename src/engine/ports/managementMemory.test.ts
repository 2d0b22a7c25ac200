// Every port a guest holds is charged to its management memory [0051] d):
// at the limit a new event port, or the send port of an event connection
// inside one partition, is refused; and a partition permitting a shared area
// needs address space for it [0051] b).

import { describe, expect, it } from 'vitest';
import { A, B, SCP, session } from '../testing/testkit.js';
import { usageOf } from '../partition/partitions.js';

describe('the management-memory limit', () => {
  it('refuses a new event port at the limit, and allows it once the limit is lifted', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    expect(s.errno({ kind: 'event.port', by: A })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: null });
    expect(typeof s.ok({ kind: 'event.port', by: A })).toBe('number');
  });

  it('refuses the send port of an event connection within one partition at the limit', () => {
    const s = session();
    const port = s.ok({ kind: 'event.port', by: A }) as number;
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    expect(s.errno({ kind: 'event.connect', by: A, target: A, port: port as never })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: null });
    expect(typeof s.ok({ kind: 'event.connect', by: A, target: A, port: port as never })).toBe('number');
  });
});

describe("the program's control signal port", () => {
  it('cannot take a service request past the management-memory limit: connect is refused at once', () => {
    const s = session();
    const fd = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd, service: 7 });
    s.ok({ kind: 'sys.listen', fd, permit: true });
    s.ok({ kind: 'lpar.limit', pid: SCP, resource: 'mgmt', amount: usageOf(s.state, SCP).mgmt });
    expect(s.errno({ kind: 'channel.connectService', by: A, service: 7 })).toBe('ENOMEM');
    expect(s.state.partitions[A]!.wait).toBeNull();
    s.ok({ kind: 'lpar.limit', pid: SCP, resource: 'mgmt', amount: null });
    expect(s.ok({ kind: 'channel.connectService', by: A, service: 7 })).toBeNull();
    expect(s.state.partitions[A]!.wait?.call).toBe('connect');
  });
});

describe('permitting a shared area', () => {
  it('is refused when the permitting guest has no address space left for it', () => {
    const s = session();
    s.ok({ kind: 'shm.connect', by: A, target: B, bytes: 8192 });
    const sig = (s.ok({ kind: 'signal.take', by: B }) as { sig: number }).sig;
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'vaddr', amount: usageOf(s.state, B).vaddr + 1 });
    expect(s.errno({ kind: 'signal.permit', by: B, sig: sig as never })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'vaddr', amount: usageOf(s.state, B).vaddr + 2 });
    expect(typeof s.ok({ kind: 'signal.permit', by: B, sig: sig as never })).toBe('number');
  });
});
