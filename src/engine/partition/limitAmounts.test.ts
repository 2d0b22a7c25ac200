// A limit [0055] is a whole number of at least 0, or unlimited: anything else
// is refused in plain words and the partition keeps the limit it had.

import { describe, expect, it } from 'vitest';
import { A, session } from '../testing/testkit.js';

describe('setting a limit', () => {
  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (amount) => {
    const s = session();
    const before = s.state.partitions[A]!.limits.mem;
    expect(s.errno({ kind: 'lpar.limit', pid: A, resource: 'mem', amount })).toBe('EINVAL');
    const step = s.run({ kind: 'lpar.limit', pid: A, resource: 'mem', amount });
    expect(!step.result.ok && step.result.error.message).toBe(`a limit is a whole number of at least 0, not ${amount}`);
    expect(s.state.partitions[A]!.limits.mem).toBe(before);
  });

  it('takes a whole number at or above the use, and unlimited', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: 40 });
    expect(s.state.partitions[A]!.limits.mem).toBe(40);
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    expect(s.state.partitions[A]!.limits.mem).toBeNull();
  });
});
