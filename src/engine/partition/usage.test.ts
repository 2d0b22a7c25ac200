// What a partition uses, measured the way its limits count it [0051], [0055]:
// its address space is its memory plus what is mapped in it, its event ports
// are the ports that are not message ports, its management memory pays for
// queued signals and for ports; no limit means anything fits.

import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { fitsLimit, MGMT_BYTES_PER_PORT, MGMT_BYTES_PER_SIGNAL, usageOf } from './partitions.js';

describe('usage, resource by resource', () => {
  it('an area counts in the address space of the partition it is mapped in, and nowhere else', () => {
    const s = session();
    const [a, b] = [usageOf(s.state, A), usageOf(s.state, B)];
    s.ok({ kind: 'area.reserve', by: A, bytes: 2 * 4096 });
    expect(usageOf(s.state, A)).toMatchObject({ vaddr: a.vaddr + 2, mem: a.mem + 2 });
    expect(usageOf(s.state, B)).toEqual(b);
  });

  it('an event port counts as one, a message port does not (its event port does)', () => {
    const s = session();
    const before = usageOf(s.state, A);
    s.ok({ kind: 'event.port', by: A });
    expect(usageOf(s.state, A).events).toBe(before.events + 1);
    const ports = Object.keys(s.state.partitions[A]!.ports).length;
    connectGuests(s);
    const added = Object.keys(s.state.partitions[A]!.ports).length - ports;
    expect(added).toBe(2); // the channel's message port and the receive port it raises
    expect(usageOf(s.state, A).events).toBe(before.events + 2);
    expect(usageOf(s.state, A).mgmt).toBe(before.mgmt + 3 * MGMT_BYTES_PER_PORT);
  });

  it('a queued control signal costs its receiver management memory until it is taken', () => {
    const s = session();
    const before = usageOf(s.state, B).mgmt;
    s.ok({ kind: 'channel.connect', by: A, target: B });
    expect(usageOf(s.state, B).mgmt).toBe(before + MGMT_BYTES_PER_SIGNAL);
  });

  it('with no limit, any amount fits; with one, up to it exactly', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'devices', amount: null });
    expect(fitsLimit(s.state, A, 'devices', 1 << 30)).toBe(true);
    const used = usageOf(s.state, A).devices;
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'devices', amount: used + 3 });
    expect(fitsLimit(s.state, A, 'devices', 3)).toBe(true);
    expect(fitsLimit(s.state, A, 'devices', 4)).toBe(false);
  });
});
