import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { asPort } from '../types.js';
import type { Session } from '../testing/testkit.js';
import { usageOf } from '../partition/partitions.js';

const usageOfB = (s: Session) => usageOf(s.state, B).mgmt;

function connectEvents() {
  const s = session();
  const rp = s.ok({ kind: 'event.port', by: B }) as number;
  s.ok({ kind: 'event.connect', by: A, target: B, port: asPort(rp) });
  const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
  const permit = s.run({ kind: 'signal.permit', by: B, sig: sig.sig as never });
  const sp = (permit.completions[0]!.result as { value: number }).value;
  return { s, rp: asPort(rp), sp: asPort(sp) };
}

describe('event ports [0063]', () => {
  it('refuses to connect to an ended partition, or past the receiver\'s management memory', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: usageOfB(s) });
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: rp })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.end', pid: B });
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: rp })).toBe('ECONNREFUSED');
  });

  it('a permit fails with ENOMEM when the asker has since reached its event-port limit, and can be retried', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'event.connect', by: A, target: B, port: rp });
    const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: usageOf(s.state, A).events });
    expect(s.errno({ kind: 'signal.permit', by: B, sig: sig.sig as never })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: null });
    expect(s.run({ kind: 'signal.permit', by: B, sig: sig.sig as never }).result.ok).toBe(true);
  });

  it('inside one partition ("intra OS"): event_connect(A, rpa) connects at once, with no control signal', () => {
    const s = session();
    const rpa = asPort(s.ok({ kind: 'event.port', by: A }) as number);
    const step = s.run({ kind: 'event.connect', by: A, target: A, port: rpa });
    expect(step.suspended).toBeNull();
    expect(step.events.map((e) => `${e.tag} ${e.kind}`)).toEqual(['[0063] event.connect']);
    const own = asPort((step.result as { value: number }).value);
    s.ok({ kind: 'event.send', by: A, port: own });
    expect(s.state.partitions[A]!.ports[rpa]).toEqual({ kind: 'eventRecv', no: rpa, pending: true });
    expect(s.ok({ kind: 'event.poll', by: A, port: rpa })).toBe(1);
  });

  it('one-to-one: a second send port to a connected receive port is refused with EADDRINUSE', () => {
    const { s, rp } = connectEvents();
    expect(s.errno({ kind: 'event.connect', by: B, target: B, port: rp })).toBe('EADDRINUSE');
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: rp })).toBe('EADDRINUSE');
  });

  it('one-to-one when two asked before either was permitted: the second permit is refused', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'event.connect', by: A, target: B, port: rp });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 });
    const C = Object.values(s.state.partitions).find((p) => p.name === 'C')!.pid;
    s.ok({ kind: 'event.connect', by: C, target: B, port: rp });
    const first = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const second = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.permit', by: B, sig: first.sig as never });
    expect(s.errno({ kind: 'signal.permit', by: B, sig: second.sig as never })).toBe('EADDRINUSE');
  });

  it('a receive port the control OS raises (for a message port or the control signal port) takes no send port', () => {
    const s = session();
    const notify = s.state.partitions[B]!.signalNotify!;
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: notify })).toBe('EADDRINUSE');
  });

  it('connect through a control signal: the asker gets a send port to the receive port', () => {
    const { s, rp, sp } = connectEvents();
    expect(s.state.partitions[A]!.ports[sp]).toMatchObject({ kind: 'eventSend', to: { pid: B, port: rp } });
  });

  it('keeps one pending bit: three sends merge into one event', () => {
    const { s, rp, sp } = connectEvents();
    s.ok({ kind: 'event.send', by: A, port: sp });
    const merges = s.events.length;
    s.ok({ kind: 'event.send', by: A, port: sp });
    s.ok({ kind: 'event.send', by: A, port: sp });
    expect(s.events.slice(merges).map((e) => e.kind)).toEqual(['event.merge', 'event.merge']);
    // one bit and nothing else: no queue, no count [0063]
    expect(s.state.partitions[B]!.ports[rp]).toEqual({ kind: 'eventRecv', no: rp, pending: true });
    expect(s.ok({ kind: 'event.poll', by: B, port: rp })).toBe(1);
    expect(s.ok({ kind: 'event.poll', by: B, port: rp })).toBe(0);
  });

  it('lets the sender send without limit', () => {
    const { s, sp } = connectEvents();
    for (let i = 0; i < 200; i++) s.ok({ kind: 'event.send', by: A, port: sp });
  });

  it('rejects the wrong kind of port, an unknown port, and a dead receiver', () => {
    const { s, rp, sp } = connectEvents();
    expect(s.errno({ kind: 'event.send', by: A, port: asPort(42) })).toBe('EBADF');
    expect(s.errno({ kind: 'event.send', by: B, port: rp })).toBe('EINVAL');
    expect(s.errno({ kind: 'event.poll', by: A, port: sp })).toBe('EINVAL');
    s.ok({ kind: 'lpar.end', pid: B });
    expect(s.errno({ kind: 'event.send', by: A, port: sp })).toBe('EPIPE');
  });

  it('refuses an event connect to a port that is not a receive port', () => {
    const s = session();
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: asPort(77) })).toBe('EINVAL');
  });

  it('stops at the event-port limit [0051] e)', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: 2 });
    s.ok({ kind: 'event.port', by: A });
    expect(s.errno({ kind: 'event.port', by: A })).toBe('ENOMEM');
  });
});

describe('which receive ports are taken [0063]', () => {
  it('a send port takes only the receive port it names: another port of that partition, or the same number elsewhere, is free', () => {
    const s = session();
    const [a1, a2] = [asPort(s.ok({ kind: 'event.port', by: A }) as number), asPort(s.ok({ kind: 'event.port', by: A }) as number)];
    const b1 = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    expect(b1).toBe(a1); // the same number in another partition
    s.ok({ kind: 'event.connect', by: A, target: A, port: a1 });
    expect(typeof s.ok({ kind: 'event.connect', by: A, target: A, port: a2 })).toBe('number');
    expect(typeof s.ok({ kind: 'event.connect', by: B, target: B, port: b1 })).toBe('number');
  });

  it('the receive port of a message port is raised by the control OS and takes no send port [0062]', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.permit', by: B, sig: sig.sig as never });
    const message = Object.values(s.state.partitions[B]!.ports).find((p) => p.kind === 'message')!;
    if (message.kind !== 'message') throw new Error('B has no message port');
    const free = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    expect(s.errno({ kind: 'event.connect', by: B, target: B, port: message.eventPort })).toBe('EADDRINUSE');
    expect(typeof s.ok({ kind: 'event.connect', by: B, target: B, port: free })).toBe('number');
  });
});

describe('event send and poll in words', () => {
  const words = (step: { readonly result: { readonly ok: boolean; readonly error?: { readonly errno: string; readonly message: string } } }) =>
    step.result.ok ? 'ok' : `${step.result.error!.errno}: ${step.result.error!.message}`;

  it('name the port and what it is instead', () => {
    const { s, rp, sp } = connectEvents();
    expect(words(s.run({ kind: 'event.send', by: A, port: asPort(42) }))).toBe('EBADF: A has no port 42');
    expect(words(s.run({ kind: 'event.poll', by: B, port: asPort(42) }))).toBe('EBADF: B has no port 42');
    expect(words(s.run({ kind: 'event.send', by: B, port: rp }))).toBe(`EINVAL: port ${rp} of B is an event receive port, not an event send port`);
    expect(words(s.run({ kind: 'event.poll', by: A, port: sp }))).toBe(`EINVAL: port ${sp} of A is an event send port, not an event receive port`);
    s.ok({ kind: 'lpar.end', pid: B });
    expect(words(s.run({ kind: 'event.send', by: A, port: sp }))).toBe(`EPIPE: the receive port that A's port ${sp} was connected to is gone`);
  });

  it('a poll says whether the bit was set', () => {
    const { s, rp, sp } = connectEvents();
    s.ok({ kind: 'event.send', by: A, port: sp });
    const set = s.run({ kind: 'event.poll', by: B, port: rp }).events;
    expect(set.map((e) => [e.tag, e.kind, e.say])).toEqual([['[0063]', 'event.poll', ['event.poll', 'B', rp, true]]]);
    expect(s.run({ kind: 'event.poll', by: B, port: rp }).events[0]!.say).toEqual(['event.poll', 'B', rp, false]);
  });
});

describe('the event-port limit counts event ports only [0051] e)', () => {
  it('a channel at one event port from the limit still gets its message port', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: usageOf(s.state, A).events + 1 });
    connectGuests(s);
    expect(Object.values(s.state.partitions[A]!.ports).filter((p) => p.kind === 'message')).toHaveLength(1);
  });
});

