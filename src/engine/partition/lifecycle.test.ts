import { describe, expect, it } from 'vitest';
import { A, B, SCP, askingPastLimit, connectGuests, session } from '../testing/testkit.js';
import { asPid, asPort, FREE } from '../types.js';
import type { Pid } from '../types.js';
import type { LabEvent } from '../event.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import { DEFAULT_COSTS } from '../costs/costModel.js';
import { ownerOf } from '../memory/frameTable.js';
import { narrate } from '../narration.js';
import { framesFree, framesOf } from '../views/inspect.js';
import { usageOf } from './partitions.js';

describe('logical partitions [0051]-[0055]', () => {
  it('lpar_create shows two steps [0053]: created empty and unlimited, then provisioned (the lab does both in one call)', () => {
    const s = session();
    const from = s.events.length;
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 });
    expect(s.events.slice(from).map((e) => e.tag)).toEqual(['[0053]', 'lab:provision', '[0051]', '[0054]', '[0049]']);
  });

  it('a guest ending its own partition is [0053]; the program ending it is the lab\'s, and its channels close as S110-S111', () => {
    const s = session();
    connectGuests(s);
    let from = s.events.length;
    s.ok({ kind: 'lpar.end', pid: A });
    const tags = s.events.slice(from).map((e) => e.tag);
    expect(tags).toContain('S110');
    expect(tags).toContain('S111');
    expect(tags.slice(-2)).toEqual(['lab:end', 'lab:end']);
    from = s.events.length;
    s.ok({ kind: 'lpar.end', by: B, pid: B });
    // B's end of the channel A left is the second discard (S112); then B stops and ends
    expect(s.events.slice(from).map((e) => e.tag)).toEqual(['S112', '[0053]', '[0053]']);
  });

  it('maps message areas past any memory a partition can own: --frames 2048, a 300-page partition', () => {
    const s = session({ frames: 2048 });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 300, processors: 1 });
    const C = Object.values(s.state.partitions).find((p) => p.name === 'C')!.pid;
    const addr = s.ok({ kind: 'area.reserve', by: C, bytes: 4096 }) as number;
    expect(addr / 4096).toBeGreaterThanOrEqual(2048);
    // the default machine keeps the familiar 0x100000
    expect(session().ok({ kind: 'area.reserve', by: A, bytes: 4096 })).toBe(0x100000);
  });

  it('boots the control OS, the system control OS in partition 1, and guests A and B', () => {
    const s = session();
    const names = Object.values(s.state.partitions).map((p) => [p.pid, p.name, p.mode, p.status]);
    expect(names).toEqual([
      [1, 'scp', 'problem', 'active'],
      [2, 'A', 'supervisor', 'active'],
      [3, 'B', 'supervisor', 'active'],
    ]);
    expect(framesFree(s.state)).toBe(256 - 16 - 16 - 32 - 32);
  });

  it('creates a partition empty and unlimited, then grants and places it', () => {
    const s = session();
    const from = s.events.length;
    expect(s.ok({ kind: 'lpar.create', name: 'C', memPages: 32, processors: 2 })).toBe(4);
    const tags = s.events.slice(from).map((e) => e.tag);
    expect(tags[0]).toBe('[0053]');
    expect(tags).toContain('[0054]');
    expect(framesOf(s.state, asPid(4))).toBe(32);
    expect(Object.values(s.state.partitions[asPid(4)]!.limits).every((l) => l === null)).toBe(true);
    s.ok({ kind: 'lpar.limit', pid: asPid(4), resource: 'mem', amount: 16 });
  });

  it('only lets the system control program create, limit and end others', () => {
    const s = session();
    expect(s.errno({ kind: 'lpar.create', by: A, name: 'C', memPages: 8, processors: 1 })).toBe('EACCES');
    expect(s.errno({ kind: 'lpar.limit', by: A, pid: B, resource: 'mem', amount: 1 })).toBe('EACCES');
    expect(s.errno({ kind: 'lpar.end', by: A, pid: B })).toBe('EACCES');
    expect(s.errno({ kind: 'lpar.end', pid: asPid(1) })).toBe('EACCES');
  });

  it('rejects bad names, sizes and limits', () => {
    const s = session();
    expect(s.errno({ kind: 'lpar.create', name: 'c', memPages: 8, processors: 1 })).toBe('EINVAL');
    expect(s.errno({ kind: 'lpar.create', name: 'A', memPages: 8, processors: 1 })).toBe('EADDRINUSE');
    expect(s.errno({ kind: 'lpar.create', name: 'C', memPages: 0, processors: 1 })).toBe('EINVAL');
    expect(s.errno({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 99 })).toBe('EINVAL');
    expect(s.errno({ kind: 'lpar.create', name: 'C', memPages: 100000, processors: 1 })).toBe('ENOMEM');
    s.ok({ kind: 'area.reserve', by: A, bytes: 3 * 4096 });
    expect(s.errno({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: 2 })).toBe('EINVAL');
    expect(s.errno({ kind: 'lpar.limit', pid: asPid(9), resource: 'mem', amount: 2 })).toBe('ESRCH');
  });

  it('tells the program why it refuses, at the edges of what lpar_create and limit accept', () => {
    const s = session();
    const why = s.why;
    expect(why({ kind: 'lpar.create', name: 'A', memPages: 8, processors: 1 })).toBe('EADDRINUSE: there is already a partition named A');
    expect(why({ kind: 'lpar.create', name: 'C', memPages: 1.5, processors: 1 })).toBe('EINVAL: memory pages must be a whole number of at least 1, not 1.5');
    expect(why({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 0 })).toBe('EINVAL: logical processors must be 1 to 8, not 0');
    expect(why({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 1.5 })).toBe('EINVAL: logical processors must be 1 to 8, not 1.5');
    expect(why({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 9 })).toBe('EINVAL: logical processors must be 1 to 8, not 9');
    expect(why({ kind: 'lpar.limit', pid: asPid(9), resource: 'mem', amount: 2 })).toBe('ESRCH: there is no partition 9');
    expect(why({ kind: 'lpar.end', pid: asPid(9) })).toBe('ESRCH: there is no partition 9');
    expect(why({ kind: 'lpar.end', pid: asPid(1) })).toBe('EACCES: the system control OS cannot be ended: it runs the policy');
    // the smallest partition: one page, and the most processors one may have
    const c = s.ok({ kind: 'lpar.create', name: 'C', memPages: 1, processors: 8 }) as number;
    expect(framesOf(s.state, asPid(c))).toBe(1);
    s.ok({ kind: 'lpar.end', pid: asPid(c) });
    expect(why({ kind: 'lpar.limit', pid: asPid(c), resource: 'mem', amount: 2 })).toBe('EINVAL: C has ended');
    expect(why({ kind: 'lpar.end', pid: asPid(c) })).toBe('EINVAL: C has already ended');
  });

  it('ends a partition that waits to share: its offered area goes back to free memory with the rest', () => {
    const s = session();
    const free = framesFree(s.state);
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 2 * 4096 });
    expect(framesFree(s.state)).toBe(free - 2);
    s.ok({ kind: 'lpar.end', pid: A });
    expect(framesFree(s.state)).toBe(free + 32);
    expect(Object.values(s.state.areas)).toEqual([]);
  });

  it('ends a partition others reach by event: their send ports lead nowhere, other send ports are kept', () => {
    const s = session();
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 }) as number);
    const toB = asPort(s.ok({ kind: 'event.port', by: B }) as number);
    const toC = asPort(s.ok({ kind: 'event.port', by: c }) as number);
    const sendPort = (target: typeof B, port: typeof toB) => {
      s.ok({ kind: 'event.connect', by: A, target, port });
      const sig = s.ok({ kind: 'signal.take', by: target }) as { sig: number };
      return asPort((s.run({ kind: 'signal.permit', by: target, sig: sig.sig as never }).completions[0]!.result as { value: number }).value);
    };
    const spB = sendPort(B, toB);
    const spC = sendPort(c, toC);
    s.ok({ kind: 'lpar.end', pid: B });
    expect(s.state.partitions[A]!.ports[spB]).toMatchObject({ kind: 'eventSend', to: null });
    expect(s.state.partitions[A]!.ports[spC]).toMatchObject({ kind: 'eventSend', to: { pid: c, port: toC } });
    // the one left still reaches C
    s.ok({ kind: 'event.send', by: A, port: spC });
    expect(s.state.partitions[c]!.ports[toC]).toMatchObject({ pending: true });
  });

  it('ends a partition that maps another\'s shared area: the area stays its owner\'s, mapped only there', () => {
    const s = session();
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.run({ kind: 'signal.permit', by: B, sig: sig.sig as never });
    const [area] = Object.values(s.state.areas);
    expect(area!.maps.map((m) => m.pid)).toEqual([A, B]);
    s.ok({ kind: 'lpar.end', pid: B });
    expect(s.state.areas[area!.id]).toMatchObject({ owner: A, maps: [expect.objectContaining({ pid: A })] });
    expect(s.state.areas[area!.id]!.maps).toHaveLength(1);
  });

  it('ends a partition with open channels: peers are told, nothing leaks', () => {
    const s = session();
    const free = framesFree(s.state);
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 8192 }) as number;
    s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: 'bye' });
    s.ok({ kind: 'area.reserve', by: B, bytes: 4096 });
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const end = s.run({ kind: 'lpar.end', pid: B });

    expect(s.state.partitions[B]!.status).toBe('ended');
    expect(framesOf(s.state, B)).toBe(0);
    expect(framesFree(s.state)).toBe(free + 32);
    expect(end.completions).toEqual([{ pid: A, call: 'connect', result: expect.objectContaining({ ok: false }) }]);
    expect(s.state.partitions[A]!.ports[asPort(ch.client)]).toMatchObject({ peerClosed: true });
    expect(end.events.some((e) => e.kind === 'event.raise' && e.to === A) || end.events.some((e) => e.kind === 'event.merge' && e.to === A)).toBe(true);
    expect(s.errno({ kind: 'event.port', by: B })).toBe('ESRCH');
    expect(s.errno({ kind: 'lpar.end', pid: B })).toBe('EINVAL');
  });

  it('lets a guest end itself [0053]', () => {
    const s = session();
    s.ok({ kind: 'lpar.end', by: A, pid: A });
    expect(s.state.partitions[A]!.status).toBe('ended');
    expect(Object.values(s.state.machine.lps).filter((lp) => lp.pid === A).every((lp) => lp.stopped)).toBe(true);
  });

  it('counts only what the guest allocated itself against its memory limit [0055]', () => {
    const s = session();
    expect(usageOf(s.state, A).mem).toBe(0);
    s.ok({ kind: 'area.reserve', by: A, bytes: 4097 });
    expect(usageOf(s.state, A).mem).toBe(2);
  });
});

/** An event as the trace keeps it, without its place in the trace and its time. */
const fields = ({ seq: _seq, at: _at, ...rest }: LabEvent) => rest;

describe('what the trace says of making, limiting and ending partitions', () => {
  it('the boot makes each partition in [0053], provisions it (the lab), grants its memory [0051], places its processors [0054] and starts it [0049]', () => {
    const s = session();
    const ram = (pid: Pid) => s.state.partitions[pid]!.ram;
    const made = (pid: Pid, name: string, pages: number, lps: number) => [
      { tag: '[0053]', kind: 'lpar.create', from: SCP, to: CONTROL_LANE, cost: DEFAULT_COSTS.hypercall, say: ['lpar.create', pid, name] },
      { tag: 'lab:provision', kind: 'resource.grant', from: SCP, to: pid, cost: DEFAULT_COSTS.hypercall, say: ['lpar.provision', name, pages, lps] },
      { tag: '[0051]', kind: 'resource.alloc', from: CONTROL_LANE, to: pid, cost: 0, frames: ram(pid), say: ['lpar.memory', name, pages] },
    ];
    const started = (pid: Pid, name: string) => ({ tag: '[0049]', kind: 'lpar.create', from: SCP, to: pid, cost: 0, say: ['lpar.start', name, pid === SCP, 1] });
    const placed = (pid: Pid, lp: number, name: string, where: readonly (readonly [number, number])[], several: boolean, shared: boolean) =>
      ({ tag: '[0054]', kind: 'lp.place', from: CONTROL_LANE, to: pid, cost: 0, say: ['lp.place', lp, name, where, several, shared] });
    expect(s.events.slice(1).map(fields)).toEqual([
      ...made(SCP, 'scp', 16, 1), placed(SCP, 1, 'scp', [[0, 0]], false, false), started(SCP, 'scp'),
      // A's second processor spans two units, B's two share one unit: the three placements of [0054]
      ...made(A, 'A', 32, 2), placed(A, 2, 'A', [[0, 1]], false, false), placed(A, 3, 'A', [[1, 0], [1, 1]], true, false), started(A, 'A'),
      ...made(B, 'B', 32, 2), placed(B, 4, 'B', [[0, 2]], false, false), placed(B, 5, 'B', [[0, 2]], false, true), started(B, 'B'),
      ...['A', 'B'].flatMap((name) => ['mem', 'events'].map((resource) =>
        ({ tag: '[0055]', kind: 'lpar.limit', from: SCP, to: CONTROL_LANE, cost: DEFAULT_COSTS.hypercall, say: ['lpar.limit', name, 16, resource] }))),
    ]);
    expect(narrate(s.events[10]!.say)).toBe('logical processor 3 of A is placed on sub group 1 unit 0 and sub group 1 unit 1 (one logical on several physical)');
    expect(narrate(s.events[16]!.say)).toBe('logical processor 5 of B is placed on main unit 2 (sharing the unit with others)');
  });

  it('a partition made later goes to the least loaded unit; lifting a limit says unlimited', () => {
    const s = session();
    const from = s.events.length;
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 1, processors: 1 }) as number);
    expect(s.events.slice(from).map(fields)[3]).toEqual({ tag: '[0054]', kind: 'lp.place', from: CONTROL_LANE, to: c, cost: 0, say: ['lp.place', 6, 'C', [[0, 3]], false, false] });
    s.ok({ kind: 'lpar.limit', pid: c, resource: 'bus', amount: null });
    expect(fields(s.events.at(-1)!)).toEqual({ tag: '[0055]', kind: 'lpar.limit', from: SCP, to: CONTROL_LANE, cost: DEFAULT_COSTS.hypercall, say: ['lpar.limit', 'C', null, 'bus'] });
    expect(s.state.partitions[c]!.limits.bus).toBeNull();
  });

  it('a limit exactly at what the guest uses is taken; one below is refused', () => {
    const s = session();
    s.ok({ kind: 'area.reserve', by: A, bytes: 3 * 4096 });
    expect(s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: 3 })).toBe(0);
    expect(s.state.partitions[A]!.limits.mem).toBe(3);
    expect(s.why({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: 2 })).toBe('EINVAL: A already uses 3 mem; a limit below that would be broken at once');
    expect(s.ok({ kind: 'lpar.limit', pid: B, resource: 'mem', amount: 0 })).toBe(0);
  });

  it('ending stops its processors and frees every frame it held, in its tag: [0053] by itself, lab:end by the program', () => {
    for (const [by, tag] of [[A, '[0053]'], [SCP, 'lab:end']] as const) {
      const s = session();
      s.ok({ kind: 'resource.request', by: A, resource: 'bus', amount: 5 });
      s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 4 });
      s.ok({ kind: 'sched.tick', slices: 1 });
      expect(s.state.partitions[A]!.cpuUsed).toBeGreaterThan(0);
      const ram = s.state.partitions[A]!.ram;
      const end = s.run({ kind: 'lpar.end', by, pid: A });
      expect(end.events.map(fields)).toEqual([
        { tag, kind: 'lp.stop', from: CONTROL_LANE, to: A, cost: 0, say: ['lp.stop', 'A', 2] },
        { tag, kind: 'lpar.end', from: CONTROL_LANE, to: A, cost: DEFAULT_COSTS.hypercall, frames: ram, say: ['lpar.end', 'A', 36] },
      ]);
      expect(s.state.partitions[A]).toMatchObject({ status: 'ended', ram: [], ramGranted: 0, ports: {}, signalQueue: [], signalsHeld: [], signalNotify: null, cpuUsed: 0, held: { devices: 0, cache: 0, bus: 0 } });
      expect(ram.every((f) => ownerOf(s.state.frames, f) === FREE)).toBe(true);
    }
  });
});

describe('what ending a partition does to what was asked of it', () => {
  it('a request queued at it and one it took but did not answer are both refused, each asker told why in words', () => {
    const s = session();
    const c = asPid(s.ok({ kind: 'lpar.create', name: 'C', memPages: 4, processors: 1 }) as number);
    s.ok({ kind: 'channel.connect', by: A, target: c });
    s.ok({ kind: 'signal.take', by: c });
    s.ok({ kind: 'channel.connect', by: B, target: c });
    expect(s.state.partitions[c]!.signalsHeld).toHaveLength(1);
    expect(s.state.partitions[c]!.signalQueue).toHaveLength(1);
    const end = s.run({ kind: 'lpar.end', pid: c });
    const why = { errno: 'ECONNREFUSED', message: 'C ended before answering', words: { id: 'error.lifecycle.endedBeforeAnswering', values: { name: 'C' } } };
    // the one still queued is refused first, then the one it held
    expect(end.completions).toEqual([
      { pid: B, call: 'connect', result: { ok: false, error: why } },
      { pid: A, call: 'connect', result: { ok: false, error: why } },
    ]);
    // [0053] says nothing of requests left unanswered: refusing them is the lab's rule, in its tag
    expect(end.events.map(fields).slice(0, 2)).toEqual([
      { tag: 'lab:answer', kind: 'call.complete', from: CONTROL_LANE, to: B, cost: 0, say: ['call.fail', 'B', 'connect', 'ECONNREFUSED'] },
      { tag: 'lab:answer', kind: 'call.complete', from: CONTROL_LANE, to: A, cost: 0, say: ['call.fail', 'A', 'connect', 'ECONNREFUSED'] },
    ]);
    expect(s.state.signals).toEqual({});
    expect([s.state.partitions[A]!.wait, s.state.partitions[B]!.wait]).toEqual([null, null]);
  });

  it('a resource request it sent the program is withdrawn unanswered, in the lab\'s tag, and nobody is told', () => {
    const s = askingPastLimit();
    const [ask] = Object.values(s.state.asks);
    const page = s.state.areas[ask!.area]!.frames;
    const end = s.run({ kind: 'lpar.end', pid: A });
    expect(fields(end.events[0]!)).toEqual({ tag: 'lab:answer', kind: 'area.discard', from: KERNEL_LANE, to: CONTROL_LANE, area: ask!.area, frames: page, cost: DEFAULT_COSTS.hypercall, say: ['ask.withdraw', 1, 'A', page] });
    expect(end.events.filter((e) => e.kind === 'call.complete')).toEqual([]);
    expect(end.completions).toEqual([]);
    expect(s.state.asks).toEqual({});
    expect(s.state.partitions[A]!.wait).toBeNull();
  });
});
