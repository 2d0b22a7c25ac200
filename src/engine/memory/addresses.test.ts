// A guest's addresses in its area space resolve to exactly the area mapped
// there: the page before an area, the page after it, and the page of an area
// that was freed are faults, never a neighbour.

import { describe, expect, it } from 'vitest';
import { A, B, session } from '../testing/testkit.js';

describe('resolving an address to its area', () => {
  it('finds an area from its first byte to its last, and nothing either side of it', () => {
    const s = session();
    const first = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    const second = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    expect(second).toBe(first + 4096);
    s.ok({ kind: 'area.free', by: A, addr: first });
    expect(s.errno({ kind: 'mem.read', by: A, addr: first, length: 1 })).toBe('EFAULT');
    expect(s.ok({ kind: 'mem.write', by: A, addr: second + 4095, data: 'z' })).toBeDefined();
    // the page after it is unmapped, just as the freed one is: the same fault, not a read past the area's end
    const fault = (addr: number) => {
      const step = s.run({ kind: 'mem.read', by: A, addr, length: 1 });
      return !step.result.ok && step.result.error.message.replace(addr.toString(16), 'ADDR');
    };
    expect(fault(second + 4096)).toBe(fault(first));
  });

  it('finds only areas mapped in the partition that asks', () => {
    const s = session();
    const inB = s.ok({ kind: 'area.reserve', by: B, bytes: 4096 }) as number;
    expect(s.errno({ kind: 'mem.read', by: A, addr: inB, length: 1 })).toBe('EFAULT');
  });
});
