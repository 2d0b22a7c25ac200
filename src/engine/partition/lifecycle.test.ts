import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { asPid, asPort } from '../types.js';
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
