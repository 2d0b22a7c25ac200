// Shared memory [0056] c): the contrast to the flip. Both partitions map the
// same frames at once, so the sender can change the bytes after the receiver
// looked at them (the time-of-check-to-time-of-use hazard the flip prevents).

import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { asPort } from '../types.js';
import { framesFree, ownerOfFrame } from '../views/inspect.js';

function shared() {
  const s = session();
  const asked = s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
  expect(asked.suspended).toMatchObject({ call: 'share' });
  const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number; request: string };
  expect(sig.request).toBe('share');
  const permit = s.run({ kind: 'signal.permit', by: B, sig: sig.sig as never });
  const inA = (permit.completions[0]!.result as { value: number }).value;
  const inB = (permit.result as { value: number }).value;
  return { s, inA, inB };
}

describe('shared memory areas', () => {
  it('maps the same frames into both partitions at once; A keeps ownership', () => {
    const { s } = shared();
    const area = Object.values(s.state.areas)[0]!;
    expect(area.kind).toBe('shared');
    expect(area.maps.map((m) => m.pid)).toEqual([A, B]);
    expect(ownerOfFrame(s.state, area.frames[0]!)).toBe('A');
  });

  it('lets the writer change bytes the reader already checked', () => {
    const { s, inA, inB } = shared();
    s.ok({ kind: 'mem.write', by: A, addr: inA, data: 'pay 10' });
    expect(s.ok({ kind: 'mem.read', by: B, addr: inB, length: 6 })).toBe('pay 10');
    s.ok({ kind: 'mem.write', by: A, addr: inA, data: 'pay 99' });
    expect(s.ok({ kind: 'mem.read', by: B, addr: inB, length: 6 })).toBe('pay 99');
  });

  it('cannot be sent over a channel: only message areas flip', () => {
    const { s, inA } = shared();
    const ch = connectGuests(s);
    expect(s.errno({ kind: 'channel.send', by: A, port: asPort(ch.client), addr: inA, short: '' })).toBe('EINVAL');
  });

  it('the guest drops its own mapping; the owner frees the frames', () => {
    const { s, inA, inB } = shared();
    const free = framesFree(s.state);
    s.ok({ kind: 'area.free', by: B, addr: inB });
    expect(Object.values(s.state.areas)[0]!.maps.map((m) => m.pid)).toEqual([A]);
    s.ok({ kind: 'area.free', by: A, addr: inA });
    expect(framesFree(s.state)).toBe(free + 1);
  });

  it('a denied share gives the area back', () => {
    const s = session();
    const free = framesFree(s.state);
    s.ok({ kind: 'shm.connect', by: A, target: B, bytes: 8192 });
    const sig = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.deny', by: B, sig: sig.sig as never });
    expect(framesFree(s.state)).toBe(free);
    expect(s.state.areas).toEqual({});
  });
});
