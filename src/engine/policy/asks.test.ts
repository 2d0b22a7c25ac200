import { describe, expect, it } from 'vitest';
import { A, B, SCP, connectGuests, programServing, requestBy, session } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import { framesOf } from '../views/inspect.js';
import { narrate } from '../narration.js';
import { asAsk, asPort } from '../types.js';
import type { Value } from '../types.js';
import { MAX_REASON } from './asks.js';

const field = (v: Value, k: string) => (v as Record<string, Value>)[k];

describe('resource requests as messages to the system control program [0080], [0049]', () => {
  it('past its limit a guest asks by message over its channel, and waits', () => {
    const s = programServing();
    const from = s.events.length;
    const step = requestBy(s, A, 20);
    expect(step.result).toEqual({ ok: true, value: null });
    expect(step.suspended).toEqual({ call: 'request', ask: 1 });
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind}`)).toEqual([
      '[0080] resource.forward', 'S105 area.reserve', 'S106 area.map', 'S307 message.send', 'S307 area.unmap', 'S308(a) area.flip',
      '[0064] message.queue', '[0064] event.merge', '[0080] call.suspend',
    ]);
    expect(narrate(s.events[from]!.say)).toBe('A asks the system control program for 20 mem past its limit of 16: a message over its channel 3, which the program answers itself');
    // the request waits in the program's socket, its area the program's now: nothing is allocated yet
    expect(s.state.asks[asAsk(1)]).toMatchObject({ from: A, resource: 'mem', amount: 20 });
    expect(framesOf(s.state, A)).toBe(32);
  });

  it('read shows who asks for what and how much; grant answers, the control OS allocates, the call returns', () => {
    const s = programServing();
    requestBy(s, A, 20);
    const r = s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    expect(r).toEqual({ vfile: '/msg/A.1', short: 'request 20 mem', request: 1, from: 'A', resource: 'mem', amount: 20 });
    const free = s.state.frames.free;
    const from = s.events.length;
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(step.result).toEqual({ ok: true, value: 0 });
    expect(step.completions).toEqual([{ pid: A, call: 'request', result: { ok: true, value: 20 } }]);
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind} ${e.from}->${e.to}`)).toEqual([
      '[0049] sys.call 1->-1', 'S-C file.unlink -1->-1', 'S311(a) area.flip 1->2', 'S311(a) area.map 0->2',
      '[0049] resource.grant 1->2', '[0049] resource.alloc 0->2', 'S109 area.discard 2->0', '[0049] call.complete 1->2',
    ]);
    expect(framesOf(s.state, A)).toBe(52);
    // the answer's page went back to free memory with the request: only the grant is taken
    expect(s.state.frames.free).toBe(free - 20 + 1);
    expect(s.state.partitions[A]!.limits.mem).toBe(20);
    expect(s.state.partitions[A]!.wait).toBeNull();
    expect(s.state.asks).toEqual({});
    expect(s.state.kernel.files).toEqual({});
  });

  it('refuse sends the reason back; the guest\'s call fails with it and nothing is allocated', () => {
    const s = programServing();
    requestBy(s, A, 20);
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: false, why: 'over budget' });
    expect(step.completions).toMatchObject([{ pid: A, call: 'request', result: { ok: false, error: { errno: 'ENOMEM', message: 'the system control program refused: over budget' } } }]);
    expect(narrate(step.events.find((e) => e.kind === 'resource.deny')!.say)).toBe('the system control program refuses A\'s request for 20 mem: "over budget"');
    expect(framesOf(s.state, A)).toBe(32);
    expect(s.state.partitions[A]!.limits.mem).toBe(16);
  });

  it('a request read by direct mapping is answered from the mapping, which the program then loses', () => {
    const s = programServing();
    requestBy(s, B, 30);
    const r = s.ok({ kind: 'sys.read', fd: s.fb, count: null });
    expect(r).toMatchObject({ size: 64, short: 'request 30 mem', request: 1, from: 'B', resource: 'mem', amount: 30 });
    expect(s.ok({ kind: 'mem.read', addr: field(r, 'addr') as number, length: 14 })).toBe('request 30 mem');
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(step.events.map((e) => `${e.tag} ${e.kind}`).slice(1, 3)).toEqual(['S-C area.unmap', 'S311(b) area.flip']);
    expect(s.errno({ kind: 'mem.read', addr: field(r, 'addr') as number, length: 1 })).toBe('EFAULT');
    expect(framesOf(s.state, B)).toBe(62);
  });

  it('wrong answers are clear errors and change nothing', () => {
    const s = programServing();
    requestBy(s, A, 20);
    const message = (command: Parameters<Session['run']>[0]) => {
      const before = s.state;
      const step = s.run(command);
      expect(step.state).toBe(before);
      expect(step.events).toEqual([]);
      return step.result.ok ? 'ok' : `${step.result.error.errno}: ${step.result.error.message}`;
    };
    expect(message({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' })).toBe('EINVAL: request 1 is still waiting in fd 5: read(5) it first, to see who asks for what');
    expect(message({ kind: 'resource.answer', ask: asAsk(7), grant: true, why: '' })).toBe('EINVAL: there is no request 7: requests reach the program by message (read(fd) shows them)');
    expect(message({ kind: 'resource.answer', ask: asAsk(0.5), grant: true, why: '' })).toMatch(/^EINVAL: there is no request 0.5/);
    expect(message({ kind: 'resource.answer', ask: asAsk(0), grant: true, why: '' })).toMatch(/^EINVAL: there is no request 0:/);
    expect(message({ kind: 'resource.answer', by: B, ask: asAsk(1), grant: true, why: '' })).toBe('EACCES: only the system control program may answer resource requests; B is a guest');
    const r = s.ok({ kind: 'sys.read', fd: s.fa, count: null }) as Record<string, Value>;
    expect(message({ kind: 'resource.answer', ask: asAsk(1), grant: false, why: '  ' })).toBe(`EINVAL: say why in 1 to ${MAX_REASON} characters: refuse(r, "past the budget")`);
    expect(message({ kind: 'resource.answer', ask: asAsk(1), grant: false, why: 'x'.repeat(MAX_REASON + 1) })).toMatch(/^EINVAL: say why/);
    // the request's area is answered, not sent back or thrown away like any message
    expect(message({ kind: 'sys.write', fd: s.fa, data: r.vfile as string })).toBe('EINVAL: that message is request 1 (A asks for 20 mem): answer it with grant(r) or refuse(r, "why"), not write');
    expect(message({ kind: 'sys.unlink', target: r.vfile as string })).toMatch(/not unlink$/);
    s.ok({ kind: 'resource.answer', ask: asAsk(1), grant: false, why: 'no' });
    expect(message({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' })).toBe('EINVAL: request 1 has already been answered or withdrawn');
  });

  it('a grant past the ceiling is refused until the program changes its policy [0049]', () => {
    const s = programServing();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 24 });
    requestBy(s, A, 30);
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(!step.result.ok && step.result.error.message).toBe('granting would give A 30 mem, past the policy\'s ceiling of 24: raise it first (policy(mem, 30)) or refuse(r, "why")');
    expect(step.state.asks[asAsk(1)]).toBeDefined();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 30 });
    expect(s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' }).completions[0]!.result).toEqual({ ok: true, value: 30 });
  });

  it('a grant the memory cannot hold is refused with the reason, and the request still waits', () => {
    const s = programServing();
    requestBy(s, A, 20);
    // the address space shrinks while the request waits: checked again at the answer
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: 40 });
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(!step.result.ok && step.result.error.message).toBe('A has no virtual address space left to map 20 more pages [0051] b): refuse it');
    s.ok({ kind: 'lpar.create', name: 'C', memPages: s.state.frames.free - 4, processors: 1 });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: null });
    const full = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(!full.result.ok && full.result.error.message).toBe('only 4 physical frames are free; A asked for 20: refuse it, or free memory first');
    expect(s.state.asks[asAsk(1)]).toBeDefined();
  });

  it('with no channel to the program a guest cannot ask by message: ENOTCONN, nothing changes', () => {
    const s = session();
    s.ok({ kind: 'policy.ask', resource: 'mem', ask: true });
    const step = s.run({ kind: 'resource.request', by: A, resource: 'mem', amount: 20 });
    expect(!step.result.ok && step.result.error.errno).toBe('ENOTCONN');
    expect(!step.result.ok && step.result.error.message).toMatch(/connect to a service first \(connect\(7\)\)$/);
    expect(step.events).toEqual([]);
    // within its limit it still takes memory without asking anyone [0055]
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 4 })).toBe(4);
  });

  it('only the resources set to ask are asked by message; the others keep the ceiling\'s answer', () => {
    const s = programServing();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cache', amount: 1 });
    expect(requestBy(s, A, 2, 'cache').result).toEqual({ ok: true, value: 2 });
    s.ok({ kind: 'policy.ask', resource: 'cache', ask: true });
    expect(requestBy(s, A, 1, 'cache').suspended).toEqual({ call: 'request', ask: 1 });
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    s.ok({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(s.state.partitions[A]!.held.cache).toBe(3);
    s.ok({ kind: 'policy.ask', resource: 'mem', ask: false });
    expect(s.state.policy.ask).toEqual(['cache']);
    expect(s.ok({ kind: 'resource.request', by: B, resource: 'mem', amount: 20 })).toBe(20);
    expect(s.errno({ kind: 'policy.ask', resource: 'events', ask: true })).toBe('EINVAL');
    expect(s.errno({ kind: 'policy.ask', by: A, resource: 'mem', ask: true })).toBe('EACCES');
    expect(narrate(['policy.ask', 'mem', true])).toBe('policy: the system control program answers each request for mem past a limit itself (grant or refuse)');
    expect(narrate(['policy.ask', 'mem', false])).toBe('policy: requests for mem past a limit are answered by the ceiling again');
  });

  it('Ctrl-C takes the request back, queued or read: its page is freed and the call returns EINTR', () => {
    for (const read of [false, true]) {
      const s = programServing();
      const free = s.state.frames.free;
      requestBy(s, A, 20);
      if (read) s.ok({ kind: 'sys.read', fd: s.fa, count: null });
      const step = s.run({ kind: 'call.interrupt', by: A });
      expect(step.completions).toMatchObject([{ pid: A, call: 'request', result: { ok: false, error: { errno: 'EINTR', message: 'interrupted while waiting in request' } } }]);
      expect(step.events.map((e) => `${e.tag} ${e.kind}`)).toEqual(['lab:interrupt area.discard', 'lab:interrupt call.complete', 'lab:interrupt call.interrupt']);
      expect(s.state.frames.free).toBe(free);
      expect(s.state.asks).toEqual({});
      expect(s.state.kernel.files).toEqual({});
    }
  });

  it('Ctrl-C on a request read by direct mapping takes the program\'s mapping away too', () => {
    const s = programServing();
    requestBy(s, B, 20);
    const r = s.ok({ kind: 'sys.read', fd: s.fb, count: null });
    s.ok({ kind: 'call.interrupt', by: B });
    expect(s.errno({ kind: 'mem.read', addr: field(r, 'addr') as number, length: 1 })).toBe('EFAULT');
  });

  it('closing the channel before answering fails the request (EPIPE); ending the asker withdraws it', () => {
    const s = programServing();
    requestBy(s, A, 20);
    const closed = s.run({ kind: 'sys.close', fd: s.fa });
    expect(closed.completions[0]).toMatchObject({ pid: A, call: 'request', result: { ok: false, error: { errno: 'EPIPE' } } });
    requestBy(s, B, 20);
    s.ok({ kind: 'sys.read', fd: s.fb, count: null });
    const ended = s.run({ kind: 'lpar.end', pid: B });
    expect(ended.completions).toEqual([]);
    expect(s.state.asks).toEqual({});
    expect(narrate(ended.events.find((e) => e.kind === 'area.discard')!.say)).toMatch(/^request 2 from B is withdrawn unanswered/);
  });

  it('two guests wait at once; the program answers each on its own', () => {
    const s = programServing();
    requestBy(s, A, 20);
    requestBy(s, B, 40);
    expect(Object.keys(s.state.asks)).toEqual(['1', '2']);
    s.ok({ kind: 'sys.read', fd: s.fb, count: null });
    s.ok({ kind: 'resource.answer', ask: asAsk(2), grant: false, why: 'too much' });
    expect(s.state.partitions[A]!.wait).toEqual({ call: 'request', ask: 1 });
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    s.ok({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect([framesOf(s.state, A), framesOf(s.state, B)]).toEqual([52, 32]);
    expect(s.state.partitions[SCP]!.wait).toBeNull();
  });
});

describe('requests as messages at the edges', () => {
  it('a limit lifted while the request waits stays lifted after the grant', () => {
    const s = programServing();
    requestBy(s, A, 20);
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    s.ok({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(s.state.partitions[A]!.limits.mem).toBeNull();
    expect(framesOf(s.state, A)).toBe(52);
  });

  it('with no frame free for the page that carries it, a request cannot be sent: ENOMEM, nothing changes', () => {
    const s = programServing();
    s.ok({ kind: 'policy.ask', resource: 'cache', ask: true });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cache', amount: 0 });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: s.state.frames.free, processors: 1 });
    const step = s.run({ kind: 'resource.request', by: A, resource: 'cache', amount: 1 });
    expect(!step.result.ok && `${step.result.error.errno}: ${step.result.error.message}`).toBe('ENOMEM: no physical frame is free for the page that carries the request');
    expect(step.events).toEqual([]);
  });
});

describe('requests as messages at the boundaries', () => {
  it('a grant of exactly the free frames, and up to exactly the address space, is given', () => {
    const s = programServing();
    requestBy(s, A, 20);
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: 52 });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: s.state.frames.free - 20, processors: 1 });
    expect(s.state.frames.free).toBe(20);
    expect(s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' }).completions[0]!.result).toEqual({ ok: true, value: 20 });
  });

  it('a reason of exactly MAX_REASON characters is taken', () => {
    const s = programServing();
    requestBy(s, A, 20);
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const why = 'x'.repeat(MAX_REASON);
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: false, why });
    expect(step.completions[0]!.result).toMatchObject({ ok: false, error: { message: `the system control program refused: ${why}` } });
  });

  it('a channel whose program end has closed carries no request: ENOTCONN, nothing changes', () => {
    const s = programServing();
    s.ok({ kind: 'sys.close', fd: s.fa });
    expect(s.state.partitions[A]!.ports[asPort(3)]).toMatchObject({ peerClosed: true });
    expect(s.why({ kind: 'resource.request', by: A, resource: 'mem', amount: 20 })).toMatch(/^ENOTCONN: the system control program answers mem requests itself/);
    // a second channel (the third made), still open, is the one the request goes over
    s.ok({ kind: 'channel.connectService', by: A, service: 9 });
    s.ok({ kind: 'sys.accept', fd: 4 });
    expect(requestBy(s, A, 20).suspended).toEqual({ call: 'request', ask: 1 });
    expect(s.state.asks[asAsk(1)]!.chan).toBe(3);
  });

  it('the next request number is not one already answered', () => {
    const s = programServing();
    const step = s.run({ kind: 'resource.answer', ask: asAsk(s.state.nextAsk), grant: true, why: '' });
    expect(!step.result.ok && step.result.error.message).toBe('there is no request 1: requests reach the program by message (read(fd) shows them)');
  });

  it('a channel to another guest is not a channel to the program: ENOTCONN', () => {
    for (const [client, server] of [[A, B], [B, A]] as const) {
      const s = session();
      connectGuests(s, client, server);
      s.ok({ kind: 'policy.ask', resource: 'mem', ask: true });
      expect(s.errno({ kind: 'resource.request', by: A, resource: 'mem', amount: 20 })).toBe('ENOTCONN');
    }
  });
});

describe('release below the limit, without asking [0055]', () => {
  it('gives back pages the guest took, and counts down what it holds', () => {
    const s = session();
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 8 });
    const free = s.state.frames.free;
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.release', by: A, resource: 'mem', amount: 3 })).toBe(3);
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind} ${e.from}->${e.to}`)).toEqual(['[0055] resource.release 2->0']);
    expect(s.events.at(-1)!.frames).toHaveLength(3);
    expect(narrate(s.events.at(-1)!.say)).toBe('A releases 3 mem without asking (5 of 16 now)');
    expect(s.state.frames.free).toBe(free + 3);
    expect(framesOf(s.state, A)).toBe(37);
  });

  it('releases devices, cache and bus as counts', () => {
    const s = session();
    s.ok({ kind: 'resource.request', by: A, resource: 'bus', amount: 10 });
    expect(s.ok({ kind: 'resource.release', by: A, resource: 'bus', amount: 4 })).toBe(4);
    expect(s.state.partitions[A]!.held.bus).toBe(6);
  });

  it('refuses more than was taken, what is not requested, and silly amounts, changing nothing', () => {
    const s = session();
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 2 });
    const words = (resource: 'mem' | 'events' | 'cache', amount: number) => {
      const step = s.run({ kind: 'resource.release', by: A, resource, amount });
      return step.result.ok ? 'ok' : `${step.result.error.errno}: ${step.result.error.message}`;
    };
    expect(words('mem', 3)).toBe('EINVAL: A holds only 2 pages of memory beyond what it was given; it cannot release 3');
    expect(words('cache', 1)).toBe('EINVAL: A holds only 0 cache; it cannot release 1');
    expect(words('events', 1)).toBe('EINVAL: release() covers mem, devices, cache, bus; events is given back another way');
    expect(words('mem', 0)).toBe('EINVAL: release 1 to 1048576, not 0');
    expect(words('mem', 2.5)).toBe('EINVAL: release 1 to 1048576, not 2.5');
    expect(s.errno({ kind: 'resource.release', resource: 'mem', amount: 1 })).toBe('EACCES');
  });
});
