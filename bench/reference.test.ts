import { describe, expect, it } from 'vitest';
import { REFERENCE_CHECKSUM, referenceInNode, referenceUnit } from './reference.ts';
import { referenceLine } from './figures.ts';

describe('the reference workload', () => {
  it('does the same work on every run, so scores from two machines compare (a changed workload changes the checksum)', () => {
    expect(referenceUnit()).toBe(REFERENCE_CHECKSUM);
    expect(referenceUnit()).toBe(REFERENCE_CHECKSUM);
  });

  it('scores as units per second, one score per round', () => {
    const { scores } = referenceInNode(2, 20);
    expect(scores).toHaveLength(2);
    for (const s of scores) expect(s).toBeGreaterThan(0);
  });
});

describe('referenceLine', () => {
  const f = (value: number) => ({ value, min: value - 1, max: value + 1, runs: 5, unit: '/s', goal: null, met: null });
  it('names every score measured, with its spread', () => {
    expect(referenceLine({ node: f(1000) })).toMatch(/Node 1,000 \(5: 999 - 1,001\)\./);
    expect(referenceLine({ node: f(1000), chromium: f(900), chromiumThrottled: f(230) })).toMatch(/Node 1,000 .*; Chromium 900 .*; Chromium at CPU \/ 4 230 /);
  });
  it('says so when a results file predates the yardstick', () => {
    expect(referenceLine(undefined)).toMatch(/not measured/);
  });
});
