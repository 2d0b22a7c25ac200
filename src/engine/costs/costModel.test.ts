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
