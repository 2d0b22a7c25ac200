import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Lines } from './lines.js';

describe('Lines: an append-only list that shares its storage', () => {
  it('reads like the array of its lines: length, at, slice, iteration and JSON', () => {
    const lines = Lines.of(['a', 'b', 'c']);
    expect(lines.length).toBe(3);
    expect(lines.at(0)).toBe('a');
    expect(lines.at(-1)).toBe('c');
    expect(lines.at(3)).toBeUndefined();
    expect(lines.slice(-2)).toEqual(['b', 'c']);
    expect([...lines]).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify({ lines })).toBe('{"lines":["a","b","c"]}');
  });

  it('keeps every earlier list as it was when lists grow from the same one (branches)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.string()), { maxLength: 60 }), (steps) => {
      // each step appends to some earlier list; compare with plain arrays
      const lists: Lines[] = [Lines.empty()];
      const arrays: string[][] = [[]];
      for (const [pick, line] of steps) {
        const from = pick % lists.length;
        lists.push(lists[from]!.append(line));
        arrays.push([...arrays[from]!, line]);
      }
      lists.forEach((l, i) => {
        expect(l.toArray()).toEqual(arrays[i]);
        expect(l.slice(1, -1)).toEqual(arrays[i]!.slice(1, -1));
      });
    }));
  });
});
