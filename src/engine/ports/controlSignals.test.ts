import { describe, expect, it } from 'vitest';
import { A, B, session } from '../testing/testkit.js';
import { asPid, asPort } from '../types.js';
import { usageOf } from '../partition/partitions.js';

describe('the control signal port [0056]-[0057]', () => {
  it('queues requests in order and hands out the oldest first', () => {
    const s = session();
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 1 });
    const C = asPid(4);
    s.ok({ kind: 'channel.connect', by: A, target: B });
    s.ok({ kind: 'channel.connect', by: C, target: B });
    expect(s.state.partitions[B]!.signalQueue).toHaveLength(2);
    expect(s.ok({ kind: 'signal.take', by: B })).toMatchObject({ from: 'A', request: 'channel' });
    expect(s.ok({ kind: 'signal.take', by: B })).toMatchObject({ from: 'C', request: 'channel' });
    expect(s.errno({ kind: 'signal.take', by: B })).toBe('EAGAIN');
  });

  it('raises the chosen event port only when a signal reaches an empty port', () => {
    const s = session();
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 1 });
    const from = s.events.length;
    s.ok({ kind: 'channel.connect', by: A, target: B });
    s.ok({ kind: 'channel.connect', by: asPid(4), target: B });
    // the second signal finds the port not empty: no event at all, not even one that merges
    const raised = s.events.slice(from).filter((e) => (e.kind === 'event.raise' || e.kind === 'event.merge') && e.to === B);
    expect(raised.map((e) => `${e.tag} ${e.kind}`)).toEqual(['[0057] event.raise']);
  });

  it("charges the queue to the receiver's management memory, with no other depth limit", () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: 32 + 64 }); // its notify port and one queued signal
    s.ok({ kind: 'channel.connect', by: A, target: B });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 1 });
    expect(s.errno({ kind: 'channel.connect', by: asPid(4), target: B })).toBe('ENOMEM');
  });

  it('asks that a signal be picked up before it is answered', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    expect(s.errno({ kind: 'signal.permit', by: B, sig: 1 as never })).toBe('EINVAL');
    expect(s.errno({ kind: 'signal.permit', by: B, sig: 9 as never })).toBe('EBADF');
    // A is suspended in connect: it can make no other call until it returns
    expect(s.errno({ kind: 'signal.permit', by: A, sig: 1 as never })).toBe('EAGAIN');
  });

  it('withdraws a request when the asker is interrupted', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const step = s.run({ kind: 'call.interrupt', by: A });
    expect(step.completions[0]!.result).toMatchObject({ ok: false, error: { errno: 'EINTR' } });
    expect(s.state.partitions[B]!.signalQueue).toEqual([]);
    expect(s.errno({ kind: 'call.interrupt', by: A })).toBe('EINVAL');
  });
});

describe('the control signal port refuses in plain words [0057]', () => {
  const words = (step: { readonly result: { readonly ok: boolean; readonly error?: { readonly errno: string; readonly message: string } } }) =>
    step.result.ok ? 'ok' : `${step.result.error!.errno}: ${step.result.error!.message}`;

  it('an empty port has nothing to pick up', () => {
    const s = session();
    expect(words(s.run({ kind: 'signal.take', by: B }))).toBe("EAGAIN: B's control signal port is empty: nothing to pick up yet");
  });

  it('a full management memory cannot take another request', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: usageOf(s.state, B).mgmt });
    expect(words(s.run({ kind: 'channel.connect', by: A, target: B })))
      .toBe("ENOMEM: B's management memory is at its limit, so its control signal port cannot take another request [0057]");
  });

  it('is tied to an event receive port the partition has, and to no other port', () => {
    const s = session();
    expect(words(s.run({ kind: 'signal.notify', by: B, port: asPort(99) }))).toBe('EBADF: B has no port 99');
    const events = s.ok({ kind: 'event.port', by: B }) as number;
    const send = s.ok({ kind: 'event.connect', by: B, target: B, port: asPort(events) }) as number;
    expect(words(s.run({ kind: 'signal.notify', by: B, port: asPort(send) }))).toBe(`EINVAL: port ${send} of B is not an event receive port`);
    expect(words(s.run({ kind: 'signal.notify', by: B, port: asPort(events) }))).toBe('ok');
    expect(s.state.partitions[B]!.signalNotify).toBe(events);
  });
});

describe('picking up a signal [0057]', () => {
  it('is shown as the partition taking it from its port, with who asked for what', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const take = s.run({ kind: 'signal.take', by: B }).events;
    expect(take).toEqual([expect.objectContaining({ tag: '[0057]', kind: 'signal.take', say: ['signal.take', 'B', 1, 'A', { kind: 'channel' }] })]);
  });
});
