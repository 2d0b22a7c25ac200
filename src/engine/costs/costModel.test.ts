import { describe, expect, it } from 'vitest';
import { costCurve, crossover, DEFAULT_COSTS, transferCosts } from './costModel.js';
import { A, connectGuests, session } from '../testing/testkit.js';
import { asPort } from '../types.js';

describe('the cost model', () => {
  it('makes copying cheaper than flipping for small messages and dearer for large ones', () => {
    const small = transferCosts(DEFAULT_COSTS, 256, true);
    const large = transferCosts(DEFAULT_COSTS, 64 * 1024, true);
    expect(small.copy).toBeLessThan(small.flip);
    expect(large.copy).toBeGreaterThan(large.flip);
  });

  it('charges a cross-processor shootdown only when the sender runs on several units', () => {
    const spread = transferCosts(DEFAULT_COSTS, 4096, true).flip;
    const local = transferCosts(DEFAULT_COSTS, 4096, false).flip;
    expect(spread - local).toBe(DEFAULT_COSTS.tlbShootdown);
  });

  it('advances the simulated clock by the cost of each event', () => {
    const s = session();
    const ch = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    const before = s.state.clock;
    const step = s.run({ kind: 'channel.send', by: A, port: asPort(ch.client), addr, short: '' });
    const spent = step.events.reduce((n, e) => n + e.cost, 0);
    expect(s.state.clock - before).toBe(spent);
    // A's second logical processor spans two units: the unmap needs a shootdown
    expect(step.events.find((e) => e.kind === 'area.unmap')!.cost).toBeGreaterThanOrEqual(DEFAULT_COSTS.tlbShootdown);
  });

  it('finds where the flip starts to beat a copy, and moves it with the costs', () => {
    const spread = crossover(DEFAULT_COSTS, true)!;
    const local = crossover(DEFAULT_COSTS, false)!;
    expect(spread).toBeGreaterThan(local);
    expect(transferCosts(DEFAULT_COSTS, spread, true).flip).toBeLessThan(transferCosts(DEFAULT_COSTS, spread, true).copy);
    expect(transferCosts(DEFAULT_COSTS, spread - 1, true).flip).toBeGreaterThanOrEqual(transferCosts(DEFAULT_COSTS, spread - 1, true).copy);
    expect(crossover({ ...DEFAULT_COSTS, copyPerByte: 0 }, true)).toBeNull();
    expect(costCurve(DEFAULT_COSTS, true)).toHaveLength(17);
  });

  it('takes new costs from cost.set and rejects nonsense', () => {
    const s = session();
    s.ok({ kind: 'cost.set', param: 'hypercall', value: 2500 });
    expect(s.state.costs.hypercall).toBe(2500);
    expect(s.errno({ kind: 'cost.set', param: 'hypercall', value: -1 })).toBe('EINVAL');
    expect(s.errno({ kind: 'cost.set', param: 'nonsense' as never, value: 1 })).toBe('EINVAL');
  });
});

describe('the three ways of moving a message, term by term', () => {
  const c = DEFAULT_COSTS;
  it('a flip pays the call, the unmap and the map of whole pages, and the event; a copy pays per byte; shared memory only the doorbell', () => {
    const pages = 3;
    const bytes = pages * 4096 - 100;
    expect(transferCosts(c, bytes, false)).toEqual({
      flip: c.hypercall + pages * (c.pteUpdate + c.tlbLocal) + pages * c.pteUpdate + c.eventDelivery,
      copy: c.hypercall + bytes * c.copyPerByte + c.eventDelivery,
      shared: c.eventDelivery,
    });
  });

  it('a message smaller than a page still flips one whole page', () => {
    expect(transferCosts(c, 1, false).flip).toBe(transferCosts(c, 4096, false).flip);
  });

  it('the plot gives the three costs at each size', () => {
    const sizes = [64, 8192];
    expect(costCurve(c, true, sizes)).toEqual(sizes.map((bytes) => ({ bytes, ...transferCosts(c, bytes, true) })));
  });
});
