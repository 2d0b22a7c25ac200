// A guest's poke and peek stay inside the area they touch: a write or a read
// that would run past the area's last page is refused as a fault, a length
// that is no byte count is refused as invalid, and nothing changes either way.

import { describe, expect, it } from 'vitest';
import { A, session } from '../testing/testkit.js';
import { PAGE_SIZE } from '../types.js';

function withArea() {
  const s = session();
  const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 64 }) as number;
  return { s, addr, end: addr + PAGE_SIZE };
}

describe('touching an area up to its end', () => {
  it('a write that ends on the last byte is accepted; one byte further is a fault', () => {
    const { s, end } = withArea();
    expect(s.ok({ kind: 'mem.write', by: A, addr: end - 5, data: 'hello' })).toBe(5);
    expect(s.errno({ kind: 'mem.write', by: A, addr: end - 4, data: 'hello' })).toBe('EFAULT');
    const refused = s.run({ kind: 'mem.write', by: A, addr: end - 4, data: 'hello' });
    expect(!refused.result.ok && refused.result.error.message).toBe(`writing 5 bytes at 0x${(end - 4).toString(16)} runs past the end of the area`);
  });

  it('a read that ends on the last byte is accepted; one byte further is a fault', () => {
    const { s, end } = withArea();
    s.ok({ kind: 'mem.write', by: A, addr: end - 5, data: 'hello' });
    expect(s.ok({ kind: 'mem.read', by: A, addr: end - 5, length: 5 })).toBe('hello');
    expect(s.errno({ kind: 'mem.read', by: A, addr: end - 4, length: 5 })).toBe('EFAULT');
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 31])('a read of %s bytes is invalid', (length) => {
    const { s, addr } = withArea();
    expect(s.errno({ kind: 'mem.read', by: A, addr, length })).toBe('EINVAL');
  });

  it('a read of no bytes is an empty text', () => {
    const { s, addr } = withArea();
    expect(s.ok({ kind: 'mem.read', by: A, addr, length: 0 })).toBe('');
  });
});
