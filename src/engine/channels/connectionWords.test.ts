// What a guest reads when the control OS will not pass its request on, or
// when the answer comes back: each refusal of S101-S104 and of the event and
// shared-memory requests of [0056] a) and c) names who, what and why, and
// leaves the machine as it was (`s.why` checks that, as `s.errno` does).

import { describe, expect, it } from 'vitest';
import { A, askPastLimit, B, connectGuests, SCP, session } from '../testing/testkit.js';
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
    expect(s.refusal({ kind: 'signal.permit', by: B, sig: sig as never })).toEqual({
      errno: 'ENOMEM', message: 'B has no virtual address space left for the shared area', words: { id: 'error.connections.hasNoVirtual', values: { name: 'B' } },
    });
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

// The words each refusal carries besides its English sentence: the catalog id
// and the values a reader of another language gets the sentence from
// (src/engine/words.ts). A wrong id, or a value left out, reaches a Japanese
// reader as the wrong sentence or a hole, though the English stays right.
const wordsOf = (id: string, values?: Record<string, string | number>) => (values ? { id, values } : { id });

describe('the words of each refusal of S101-S104 and [0056] a) c)', () => {
  it('a request the control OS will not pass on names the target, the asker or the size', () => {
    const s = session();
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 }) as number);
    s.ok({ kind: 'lpar.end', pid: c });
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    expect(s.refusal({ kind: 'channel.connect', by: A, target: asPid(9) }))
      .toEqual({ errno: 'ESRCH', message: 'there is no partition 9', words: wordsOf('error.connections.thereNoPartition', { target: 9 }) });
    expect(s.refusal({ kind: 'event.connect', by: A, target: A, port: asPort(99) }).words)
      .toEqual(wordsOf('error.connections.hasNoEvent', { peer: 'A', port: 99 }));
    expect(s.refusal({ kind: 'shm.connect', by: A, target: A, bytes: 4096 }))
      .toEqual({ errno: 'EINVAL', message: 'A cannot connect to itself', words: wordsOf('error.connections.cannotConnectItself', { name: 'A' }) });
    expect(s.refusal({ kind: 'event.connect', by: A, target: c, port: rp }))
      .toEqual({ errno: 'ECONNREFUSED', message: 'C has ended; nobody is there to answer', words: wordsOf('error.connections.hasEndedNobody', { peer: 'C' }) });
    expect(s.refusal({ kind: 'channel.connect', by: A, target: SCP }).words).toEqual(wordsOf('error.connections.takesChannelsThrough', { peer: 'scp' }));
    expect(s.refusal({ kind: 'event.connect', by: A, target: B, port: asPort(99) }))
      .toEqual({ errno: 'EINVAL', message: 'B has no event receive port 99', words: wordsOf('error.connections.hasNoEvent', { peer: 'B', port: 99 }) });
    expect(s.refusal({ kind: 'shm.connect', by: A, target: B, bytes: 0 }).words)
      .toEqual(wordsOf('error.connections.sharedAreaBytes', { maxAreaBytes: 16 * 1024 * 1024, bytes: 0 }));
    // past its memory limit [0055]: the words of the limit, the same as any other area's
    expect(s.refusal({ kind: 'shm.connect', by: A, target: B, bytes: 16 * 1024 * 1024 }))
      .toEqual({ errno: 'ENOMEM', message: 'A would pass its memory limit with 4096 more pages; ask with request(mem, 4096) [0055]', words: wordsOf('error.room.memLimit', { name: 'A', pages: 4096 }) });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    s.ok({ kind: 'lpar.create', name: 'D', memPages: framesFree(s.state) - 1, processors: 1 });
    expect(s.refusal({ kind: 'shm.connect', by: A, target: B, bytes: 2 * 4096 }).words).toEqual(wordsOf('error.connections.noFreePhysical', { pages: 2 }));
  });

  it('[0055]: the limits an event connection meets name who is at them', () => {
    const s = session();
    const own = asPort(s.ok({ kind: 'event.port', by: A }) as number);
    const rb = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: usageOf(s.state, A).events });
    expect(s.refusal({ kind: 'event.connect', by: A, target: B, port: rb }))
      .toEqual({ errno: 'ENOMEM', message: 'A is at its event-port limit', words: wordsOf('error.connections.eventPortLimit', { name: 'A' }) });
    // within the event-port limit but not the management memory a port takes: inside one partition
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'events', amount: null });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    expect(s.refusal({ kind: 'event.connect', by: A, target: A, port: own }))
      .toEqual({ errno: 'ENOMEM', message: 'A is at its event-port or management-memory limit', words: wordsOf('error.connections.eventPortManagement', { name: 'A' }) });
    // between partitions: the asker's limit is met when B permits, and B's answer is refused
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: null });
    s.ok({ kind: 'event.connect', by: A, target: B, port: rb });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    expect(s.refusal({ kind: 'signal.permit', by: B, sig: sig as never }))
      .toEqual({ errno: 'ENOMEM', message: 'A is at its event-port or management-memory limit', words: wordsOf('error.connections.eventPortManagement2', { asker: 'A' }) });
    expect(s.state.partitions[A]!.wait).toEqual({ call: 'event_connect', sig });
  });

  it('[0063]: a refused second sender, and a port the control OS raises, in words that name owner, port and sender', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'event.connect', by: A, target: B, port: rp });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const sp = s.run({ kind: 'signal.permit', by: B, sig: sig as never }).completions[0]!.result as { value: number };
    const taken = s.refusal({ kind: 'event.connect', by: B, target: B, port: rp });
    expect(taken).toMatchObject({
      errno: 'EADDRINUSE', decided: true,
      message: `B's receive port ${rp} already has a send port (A's port ${sp.value}): event connections are one-to-one [0063]`,
      words: wordsOf('error.connections.portTaken', { owner: 'B', port: rp, sender: 'A', senderPort: sp.value }),
    });
    const raised = s.refusal({ kind: 'event.connect', by: A, target: B, port: asPort(1) });
    expect(raised).toMatchObject({
      errno: 'EADDRINUSE', decided: true,
      message: "B's receive port 1 is raised by the control OS (for a message port or the control signal port); connect a send port to a port of its own [0063]",
      words: wordsOf('error.connections.raisedByControl', { owner: 'B', port: 1 }),
    });
  });

  it('answering names the signal and who holds it; a channel needs room for a message port at each end', () => {
    const s = session();
    expect(s.refusal({ kind: 'signal.deny', by: B, sig: 99 as never }).words).toEqual(wordsOf('error.connections.hasNoControl', { name: 'B', sig: 99 }));
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const sig = Object.values(s.state.signals)[0]!.id;
    expect(s.refusal({ kind: 'signal.deny', by: B, sig }).words).toEqual(wordsOf('error.connections.signalStillQueued', { sig, name: 'B' }));
    s.ok({ kind: 'signal.take', by: B });
    // S103: the server's message port needs an event receive port, within its management memory
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: usageOf(s.state, B).mgmt });
    expect(s.refusal({ kind: 'signal.permit', by: B, sig })).toEqual({
      errno: 'ENOMEM', message: 'B is at its event-port or management-memory limit: a message port needs an event receive port',
      words: wordsOf('error.connections.eventPortManagement3', { server: 'B' }),
    });
    // and so does the client's
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: null });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: usageOf(s.state, A).mgmt });
    expect(s.refusal({ kind: 'signal.permit', by: B, sig })).toEqual({
      errno: 'ENOMEM', message: 'A is at its event-port or management-memory limit: a message port needs an event receive port',
      words: wordsOf('error.connections.eventPortManagement4', { client: 'A' }),
    });
    // with room at both ends the channel is made, and A's connect returns its port (S104)
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mgmt', amount: null });
    expect(s.run({ kind: 'signal.permit', by: B, sig }).completions).toEqual([{ pid: A, call: 'connect', result: { ok: true, value: expect.any(Number) } }]);
  });

  it('[0057]: a control signal port whose management memory is full takes no request of any kind, and a share keeps no area', () => {
    const s = session();
    const rp = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mgmt', amount: usageOf(s.state, B).mgmt });
    const full = {
      errno: 'ENOMEM', message: "B's management memory is at its limit, so its control signal port cannot take another request [0057]",
      words: wordsOf('error.controlSignals.sManagementMemory', { target: 'B' }),
    };
    const free = framesFree(s.state);
    expect(s.refusal({ kind: 'channel.connect', by: A, target: B })).toEqual(full);
    expect(s.refusal({ kind: 'event.connect', by: A, target: B, port: rp })).toEqual(full);
    expect(s.refusal({ kind: 'shm.connect', by: A, target: B, bytes: 4096 })).toEqual(full);
    expect(framesFree(s.state)).toBe(free);
    expect(s.state.partitions[A]!.wait).toBeNull();
  });

  it('[0062]: the deny is said with who denied which signal', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const step = s.run({ kind: 'signal.deny', by: B, sig: sig as never });
    expect(step.result).toEqual({ ok: true, value: 0 });
    expect(step.events.map((e) => [e.tag, e.kind, narrate(e.say)])).toEqual([
      ['[0062]', 'signal.deny', `B denies signal ${sig}: no connection is made`],
      ['[0062]', 'call.complete', "A's connect fails: ECONNREFUSED"],
    ]);
  });

  it('S103: a message port comes with an event receive port, so a server at its event-port limit gets no channel [0055]', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'events', amount: usageOf(s.state, B).events });
    expect(s.refusal({ kind: 'signal.permit', by: B, sig: sig as never }).words).toEqual(wordsOf('error.connections.eventPortManagement3', { server: 'B' }));
    expect(s.state.channels).toEqual({});
    expect(s.state.partitions[A]!.wait).toEqual({ call: 'connect', sig });
  });

  it('Ctrl-C names the call it cut short, whether it waited for a peer, for an arrival or for the program', () => {
    const s = session();
    expect(s.refusal({ kind: 'call.interrupt', by: A }))
      .toEqual({ errno: 'EINVAL', message: 'A is not waiting in any call', words: wordsOf('error.connections.notWaitingAny', { name: 'A' }) });
    // recv waits for no signal: nothing is withdrawn, the call just returns EINTR
    const { server } = connectGuests(s);
    s.ok({ kind: 'channel.recv', by: B, port: asPort(server) });
    const recv = s.run({ kind: 'call.interrupt', by: B });
    expect(recv.completions).toEqual([{ pid: B, call: 'recv', result: { ok: false, error: { errno: 'EINTR', message: 'interrupted while suspended in recv', words: wordsOf('error.connections.interruptedWhileSuspended', { call: 'recv' }) } } }]);
    expect(recv.events.map((e) => [e.tag, e.kind, narrate(e.say)])).toEqual([['lab:interrupt', 'call.interrupt', 'B\'s recv is interrupted (EINTR)']]);
    expect(s.state.partitions[B]!.wait).toBeNull();
    // [0080]: a guest waiting for the program's answer to its resource request
    askPastLimit(s, { amount: 24 });
    const request = s.run({ kind: 'call.interrupt', by: A });
    expect(request.completions).toEqual([{ pid: A, call: 'request', result: { ok: false, error: { errno: 'EINTR', message: 'interrupted while waiting in request', words: wordsOf('error.connections.interruptedWhileWaiting') } } }]);
    expect(request.events.at(-1)).toMatchObject({ tag: 'lab:interrupt', kind: 'call.interrupt', from: A, to: A });
  });
});
