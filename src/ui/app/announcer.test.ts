import { describe, expect, it } from 'vitest';
import { freshOutputs } from './Announcer.tsx';

/** An array that counts how many of its elements were read. */
function counted<T>(items: readonly T[]): { list: readonly T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy([...items], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads };
}

describe('freshOutputs (what the screen reader log announces)', () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({ i }));

  it('gives the outputs appended since the last one announced', () => {
    const before = items.slice(0, 1990);
    expect(freshOutputs(before, items)).toEqual(items.slice(1990));
    expect(freshOutputs([], items.slice(0, 3))).toEqual(items.slice(0, 3));
    expect(freshOutputs(items, items.slice(0))).toEqual([]);
  });

  it('follows a capped list: the oldest dropped as new ones come', () => {
    const before = items.slice(0, 2000);
    const more = [{ i: 2000 }, { i: 2001 }];
    const after = [...before, ...more].slice(-2000);
    expect(freshOutputs(before, after)).toEqual(more);
  });

  it('announces every output of a replaced list', () => {
    const replaced = [{ i: -1 }, { i: -2 }];
    expect(freshOutputs(items, replaced)).toEqual(replaced);
  });

  it('reads only the new outputs and the last one announced, not the whole list (issue 22)', () => {
    const before = items.slice(0, 1999);
    const { list, reads } = counted(items);
    expect(freshOutputs(before, list)).toEqual([items[1999]]);
    // a set of the whole list read all 2,000
    expect(reads()).toBeLessThanOrEqual(3);
  });
});
