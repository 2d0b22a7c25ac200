import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session, tagsSince } from '../testing/testkit.js';
import { ownerOfFrame, framesFree } from '../views/inspect.js';
import { asPort } from '../types.js';
import { mappingsOf } from '../memory/areas.js';
import { narrate } from '../narration.js';

describe('guest to guest, Fig. 6 (S101-S112)', () => {
  it('runs the whole sequence with the patent steps in order', () => {
    const s = session();
    const start = s.events.length;
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    s.ok({ kind: 'mem.write', by: A, addr, data: 'hello' });
    s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: 'hi' });
    const got = s.ok({ kind: 'channel.recv', by: B, port: asPort(ch.server) }) as { addr: number; size: number; short: string };
    expect(s.ok({ kind: 'mem.read', by: B, addr: got.addr, length: 5 })).toBe('hello');
    s.ok({ kind: 'area.free', by: B, addr: got.addr });
    s.ok({ kind: 'channel.close', by: B, port: asPort(ch.server) });
    s.ok({ kind: 'channel.close', by: A, port: asPort(ch.client) });

    const steps = tagsSince(s, start).filter((t) => /^S1\d\d$/.test(t));
    const firstOfEach = [...new Set(steps)];
    expect(firstOfEach).toEqual(['S101', 'S102', 'S103', 'S104', 'S105', 'S106', 'S107', 'S108', 'S109', 'S110', 'S111', 'S112']);
    expect(got.short).toBe('hi');
  });

  it('flips ownership: the sender keeps no mapping and a later touch faults', () => {
    const s = session();
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 100 }) as number;
    const area = Object.values(s.state.areas)[0]!;
    const frame = area.frames[0]!;
    expect(ownerOfFrame(s.state, frame)).toBe('A');

    s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' });

    expect(ownerOfFrame(s.state, frame)).toBe('B');
    expect(mappingsOf(s.state, A)).toEqual([]);
    expect(s.state.areas[area.id]!.maps.map((m) => m.pid)).toEqual([B]);
    expect(s.errno({ kind: 'mem.read', by: A, addr, length: 5 })).toBe('EFAULT');
    expect(s.errno({ kind: 'mem.write', by: A, addr, data: 'sneaky' })).toBe('EFAULT');
  });

  it('copies no byte: the same frames change hands', () => {
    const s = session();
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 3 * 4096 }) as number;
    const frames = Object.values(s.state.areas)[0]!.frames;
    const free = framesFree(s.state);
    s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' });
    expect(Object.values(s.state.areas)[0]!.frames).toEqual(frames);
    expect(framesFree(s.state)).toBe(free);
  });

  it('a message reaching an empty port raises the event; a second one does not', () => {
    const s = session();
    const ch = connectGuests(s);
    const send = () => {
      const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 10 }) as number;
      const from = s.events.length;
      s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' });
      return s.events.slice(from).map((e) => e.kind);
    };
    s.ok({ kind: 'event.poll', by: B, port: asPort(ch.server - 1) });
    expect(send()).toContain('event.raise');
    expect(send()).not.toContain('event.raise');
  });

  it('a recv on an empty port suspends and completes when the message arrives', () => {
    const s = session();
    const ch = connectGuests(s);
    const wait = s.run({ kind: 'channel.recv', by: B, port: asPort(ch.server) });
    expect(wait.suspended).toEqual({ call: 'recv', port: ch.server });
    // the wait is shown as a suspension at the port a message will reach [0064]
    expect(wait.events).toMatchObject([{ tag: '[0064]', kind: 'call.suspend', from: B, to: B, port: ch.server }]);
    expect(narrate(wait.events[0]!.say)).toBe(`B waits in recv on channel ${ch.server}`);
    expect(s.errno({ kind: 'event.port', by: B })).toBe('EAGAIN');
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 10 }) as number;
    const sent = s.run({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: 'x' });
    expect(sent.completions).toHaveLength(1);
    expect(sent.completions[0]!.pid).toBe(B);
    expect(sent.completions[0]!.result).toMatchObject({ ok: true, value: { short: 'x' } });
  });

  it('after the peer closes, recv reads end of file and send fails with EPIPE', () => {
    const s = session();
    const ch = connectGuests(s);
    s.ok({ kind: 'channel.close', by: B, port: asPort(ch.server) });
    expect(s.ok({ kind: 'channel.recv', by: A, port: asPort(ch.client) })).toBe(0);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 10 }) as number;
    expect(s.errno({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' })).toBe('EPIPE');
  });

  it('closing with unread messages gives their frames back', () => {
    const s = session();
    const ch = connectGuests(s);
    const free = framesFree(s.state);
    for (let i = 0; i < 3; i++) {
      const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 5000 }) as number;
      s.ok({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' });
    }
    expect(framesFree(s.state)).toBe(free - 6);
    s.ok({ kind: 'channel.close', by: B, port: asPort(ch.server) });
    expect(framesFree(s.state)).toBe(free);
  });

  it("uses one partition's handles only in that partition", () => {
    const s = session();
    const ch = connectGuests(s);
    expect(s.errno({ kind: 'channel.recv', by: A, port: asPort(99) })).toBe('EBADF');
    // B's notify event port 1 is not a channel
    expect(s.errno({ kind: 'channel.recv', by: B, port: asPort(1) })).toBe('EBADF');
    expect(ch.client).toBeGreaterThan(0);
  });

  it('refuses a channel the server denies', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const step = s.run({ kind: 'signal.deny', by: B, sig: sig.sig as never });
    expect(step.completions[0]!.result).toMatchObject({ ok: false, error: { errno: 'ECONNREFUSED' } });
    expect(s.state.partitions[A]!.wait).toBeNull();
    expect(Object.keys(s.state.channels)).toEqual([]);
  });

  it('respects the memory limit of sender and receiver', () => {
    const s = session();
    const ch = connectGuests(s);
    expect(s.errno({ kind: 'area.reserve', by: A, bytes: 17 * 4096 })).toBe('ENOMEM');
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 16 * 4096 }) as number;
    s.ok({ kind: 'area.reserve', by: B, bytes: 4096 });
    // B may hold 16 self-allocated pages; it has 1, so 16 more would pass its limit
    expect(s.errno({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' })).toBe('ENOMEM');
  });
});

describe('the flip between guests', () => {
  it('goes from the sender to the receiver, which has it mapped at once (S107)', () => {
    const s = session();
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    const send = s.run({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: 'x' });
    expect(send.events.find((e) => e.kind === 'area.flip')).toMatchObject({ from: A, to: B });
  });
});
