// With copying dear enough, the flip wins from the first byte: the crossover
// the flip-vs-copy lesson plots is then 1 byte, not a bisected size.

import { describe, expect, it } from 'vitest';
import { crossover, DEFAULT_COSTS, transferCosts } from './costModel.js';

describe('the crossover when copying is dear', () => {
  it('is 1 byte when the flip is cheaper even for one byte', () => {
    const dear = { ...DEFAULT_COSTS, copyPerByte: 100_000 };
    const one = transferCosts(dear, 1, true);
    expect(one.flip).toBeLessThan(one.copy);
    expect(crossover(dear, true)).toBe(1);
    expect(crossover(dear, false)).toBe(1);
  });

  it('is more than 1 byte when one byte is still cheaper to copy', () => {
    const one = transferCosts(DEFAULT_COSTS, 1, true);
    expect(one.copy).toBeLessThan(one.flip);
    expect(crossover(DEFAULT_COSTS, true)).toBeGreaterThan(1);
  });
});
