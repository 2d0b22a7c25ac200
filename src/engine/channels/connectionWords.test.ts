// What a guest reads when the control OS will not pass its request on, or
// when the answer comes back: each refusal of S101-S104 and of the event and
// shared-memory requests of [0056] a) and c) names who, what and why, and
// leaves the machine as it was (`s.why` checks that, as `s.errno` does).

import { describe, expect, it } from 'vitest';
import { A, B, SCP, session } from '../testing/testkit.js';
import { narrate } from '../narration.js';
import { asPid, asPort } from '../types.js';
import { usageOf } from '../partition/partitions.js';
import { framesFree } from '../views/inspect.js';

describe('requests the control OS refuses to pass on', () => {
  it('names a partition that is not there, the asker itself, an ended one and the system control OS', () => {
    const s = session();
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 }) as number);
    s.ok({ kind: 'lpar.end', pid: c });
    expect(s.why({ kind: 'channel.connect', by: A, target: asPid(9) })).toBe('ESRCH: there is no partition 9');
    expect(s.why({ kind: 'channel.connect', by: A, target: A })).toBe('EINVAL: A cannot connect to itself');
    expect(s.why({ kind: 'channel.connect', by: A, target: c })).toBe('ECONNREFUSED: C has ended; nobody is there to answer');
    // S301-S306: the system control OS takes channels through its sockets only
    expect(s.why({ kind: 'channel.connect', by: A, target: SCP }))
      .toBe('EINVAL: scp takes channels through its sockets: connect to a service number, e.g. connect(7)');
    expect(s.why({ kind: 'shm.connect', by: A, target: A, bytes: 4096 })).toBe('EINVAL: A cannot connect to itself');
  });

  it('[0056] a): an event port must exist and the asker must be within its event-port limit [0055]', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    expect(s.why({ kind: 'event.connect', by: A, target: B, port: asPort(99) })).toBe('EINVAL: B has no event receive port 99');
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: usageOf(s.state, A).events });
    expect(s.why({ kind: 'event.connect', by: A, target: B, port: rp })).toBe('ENOMEM: A is at its event-port limit');
  });

  it('[0056] a) inside one partition: connected at once, in words that say so ([0063] "intra OS")', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: A }) as number);
    const from = s.events.length;
    const sp = s.ok({ kind: 'event.connect', by: A, target: A, port: rp }) as number;
    const said = s.events.slice(from).map((e) => narrate(e.say));
    expect(said).toContain(`A's send port ${sp} now reaches its own receive port ${rp}: an event inside one partition`);
    // between partitions the words name both
    const rb = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'event.connect', by: A, target: B, port: rb });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const at = s.events.length;
    s.ok({ kind: 'signal.permit', by: B, sig: sig as never });
    const connect = s.events.slice(at).find((e) => e.kind === 'event.connect')!;
    expect(narrate(connect.say)).not.toContain('inside one partition');
    expect(narrate(connect.say)).toContain('B');
  });

  it('[0056] c): a shared area is 1 byte to 16 MiB, and must fit', () => {
    const s = session();
    expect(s.why({ kind: 'shm.connect', by: A, target: B, bytes: 0 })).toBe('EINVAL: a shared area is 1 to 16777216 bytes; 0 is not');
    expect(s.why({ kind: 'shm.connect', by: A, target: B, bytes: 1.5 })).toBe('EINVAL: a shared area is 1 to 16777216 bytes; 1.5 is not');
    expect(s.why({ kind: 'shm.connect', by: A, target: B, bytes: 16 * 1024 * 1024 + 1 })).toBe('EINVAL: a shared area is 1 to 16777216 bytes; 16777217 is not');
    // the largest passes the size check and meets A's memory limit instead
    expect(s.why({ kind: 'shm.connect', by: A, target: B, bytes: 16 * 1024 * 1024 })).toMatch(/^ENOMEM: /);
    // the smallest is one page
    const free = framesFree(s.state);
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 1 });
    expect(framesFree(s.state)).toBe(free - 1);
  });

  it('[0056] c): without free frames there is no area to share', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: framesFree(s.state) - 1, processors: 1 });
    expect(s.why({ kind: 'shm.connect', by: A, target: B, bytes: 2 * 4096 })).toBe('ENOMEM: no free physical frames for 2 pages');
  });
});

describe('answering: permit, deny, interrupt', () => {
  it('refuses to answer a signal that is not there or not yet picked up [0057]', () => {
    const s = session();
    expect(s.why({ kind: 'signal.permit', by: B, sig: 99 as never })).toBe('EBADF: B has no control signal 99');
    expect(s.why({ kind: 'signal.deny', by: B, sig: 99 as never })).toBe('EBADF: B has no control signal 99');
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const sig = Object.values(s.state.signals)[0]!.id;
    expect(s.why({ kind: 'signal.permit', by: B, sig })).toBe(`EINVAL: signal ${sig} is still queued at B's port: pick it up with signal() first`);
    // a signal held by B is not another partition's to answer
    s.ok({ kind: 'signal.take', by: B });
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 }) as number);
    expect(s.why({ kind: 'signal.permit', by: c, sig })).toBe(`EBADF: C has no control signal ${sig}`);
  });

  it('[0062]: a denied request fails the asker with the reason, and a denied share gives its area back', () => {
    const s = session();
    const free = framesFree(s.state);
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 3 * 4096 });
    expect(framesFree(s.state)).toBe(free - 3);
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const step = s.run({ kind: 'signal.deny', by: B, sig: sig as never });
    expect(step.completions).toEqual([{ pid: A, call: 'share', result: { ok: false, error: { errno: 'ECONNREFUSED', message: 'B denied the request', words: { id: 'error.connections.deniedRequest', values: { name: 'B' } } } } }]);
    expect(framesFree(s.state)).toBe(free);
    expect(step.events.find((e) => e.kind === 'signal.deny')).toMatchObject({ tag: '[0062]', from: B, to: A, sig });
  });

  it('[0056] c): the answerer needs room in its address space for the shared area [0055]', () => {
    const s = session();
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 2 * 4096 });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'vaddr', amount: usageOf(s.state, B).vaddr + 1 });
    expect(s.why({ kind: 'signal.permit', by: B, sig: sig as never })).toBe('ENOMEM: B has no virtual address space left for the shared area');
    // with room for both pages it maps, and A's call returns A's own address of the area
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'vaddr', amount: usageOf(s.state, B).vaddr + 2 });
    const step = s.run({ kind: 'signal.permit', by: B, sig: sig as never });
    const area = Object.values(s.state.areas)[0]!;
    const inA = area.maps.find((m) => m.pid === A)!.page * 4096;
    expect(step.completions).toEqual([{ pid: A, call: 'share', result: { ok: true, value: inA } }]);
    expect(step.result).toEqual({ ok: true, value: area.maps.find((m) => m.pid === B)!.page * 4096 });
  });

  it('Ctrl-C: names the call it cut short, and says so when nothing waits', () => {
    const s = session();
    expect(s.why({ kind: 'call.interrupt', by: A })).toBe('EINVAL: A is not waiting in any call');
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const step = s.run({ kind: 'call.interrupt', by: A });
    expect(step.completions).toEqual([{ pid: A, call: 'connect', result: { ok: false, error: { errno: 'EINTR', message: 'interrupted while waiting in connect', words: { id: 'error.connections.interruptedWhileWaiting2', values: { call: 'connect' } } } } }]);
    expect(s.state.signals).toEqual({});
  });
});
