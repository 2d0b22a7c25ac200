// A request for memory is judged against the guest's virtual address space
// [0051] b) before its memory limit: pages it could not map are refused even
// when the frames are free. Past the memory limit but within the policy
// ceiling, the program grants the whole request.

import { describe, expect, it } from 'vitest';
import { B, session } from '../testing/testkit.js';
import { usageOf } from '../partition/partitions.js';

describe('requesting memory', () => {
  it('is refused when the pages would not fit the address space, though the frames are free', () => {
    const s = session();
    const used = usageOf(s.state, B).vaddr;
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'vaddr', amount: used + 4 });
    expect(s.state.frames.free).toBeGreaterThan(5);
    expect(s.errno({ kind: 'resource.request', by: B, resource: 'mem', amount: 5 })).toBe('ENOMEM');
    const refused = s.run({ kind: 'resource.request', by: B, resource: 'mem', amount: 5 });
    expect(!refused.result.ok && refused.result.error.message).toBe('B has no virtual address space left to map 5 more pages [0051] b)');
    // exactly what fits is granted
    expect(s.ok({ kind: 'resource.request', by: B, resource: 'mem', amount: 4 })).toBe(4);
  });

  it('past the memory limit but within the ceiling, the program grants all of it', () => {
    const s = session();
    const used = usageOf(s.state, B).mem;
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mem', amount: used + 1 });
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: B, resource: 'mem', amount: 6 })).toBe(6);
    expect(s.state.policy.ceiling.mem).toBeGreaterThanOrEqual(used + 6);
    expect(s.events.slice(from).map((e) => e.kind)).toEqual(expect.arrayContaining(['resource.forward', 'resource.grant']));
    expect(usageOf(s.state, B).mem).toBe(used + 6);
  });
});
