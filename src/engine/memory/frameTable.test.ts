import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allOwners, claimFrames, createFrameTable, findFree, ownerOf, setOwners } from './frameTable.js';
import type { FrameNo } from '../types.js';
import { FREE } from '../types.js';
import { MUTATION_RUN } from '../testing/quickProperties.js';

const f = (n: number) => n as FrameNo;

describe('the frame table', () => {
  it('starts with every frame free, at any size', () => {
    for (const count of [128, 1000, 1024, 1025, 1 << 20]) {
      const t = createFrameTable(count);
      expect(t.free).toBe(count);
      expect(ownerOf(t, f(0))).toBe(FREE);
      expect(ownerOf(t, f(count - 1))).toBe(FREE);
    }
  });

  it('changes an owner without touching the table it came from', () => {
    const before = createFrameTable(256);
    const after = setOwners(before, [f(7), f(200)], 3);
    expect(ownerOf(after, f(7))).toBe(3);
    expect(ownerOf(after, f(200))).toBe(3);
    expect(after.free).toBe(254);
    expect(ownerOf(before, f(7))).toBe(FREE);
    expect(before.free).toBe(256);
  });

  it('finds the next free frame from a point, wrapping round', () => {
    let t = setOwners(createFrameTable(128), [f(126), f(127), f(0)], 2);
    expect(findFree(t, 126)).toBe(1);
    t = setOwners(t, Array.from({ length: 128 }, (_, i) => f(i)), 2);
    expect(findFree(t, 5)).toBeNull();
  });

  it('claims all or nothing', () => {
    const t = createFrameTable(128);
    expect(claimFrames(t, 129, 2, 0)).toBeNull();
    const got = claimFrames(t, 3, 2, 100)!;
    expect(got.frames).toEqual([100, 101, 102]);
    expect(got.table.free).toBe(125);
  });

  it('agrees with a plain array under any sequence of updates (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 128, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 5 })), { maxLength: 60 }),
        (count, updates) => {
          let t = createFrameTable(count);
          const model = new Array<number>(count).fill(FREE);
          for (const [at, owner] of updates) {
            const frame = at % count;
            t = setOwners(t, [f(frame)], owner);
            model[frame] = owner;
          }
          expect(Array.from(allOwners(t))).toEqual(model);
          expect(t.free).toBe(model.filter((o) => o === FREE).length);
          const firstFree = model.indexOf(FREE);
          expect(findFree(t, 0)).toBe(firstFree === -1 ? null : firstFree);
        },
      ),
      // fewer under the mutation run, which repeats it for every mutant in the frame table
      { numRuns: MUTATION_RUN ? 40 : 200 },
    );
  });
});

describe('the frame table at its edges', () => {
  it('a table whose size is no whole number of leaves is full when its last frame is taken', () => {
    for (const count of [130, 1000, 4097]) {
      let t = createFrameTable(count);
      t = setOwners(t, Array.from({ length: count }, (_, i) => f(i)), 1);
      expect(t.free, `${count} frames`).toBe(0);
      expect(findFree(t, 0), `${count} frames`).toBeNull();
      expect(claimFrames(t, 1, 2, 0), `${count} frames`).toBeNull();
      t = setOwners(t, [f(count - 1)], FREE);
      expect(findFree(t, 0), `${count} frames`).toBe(count - 1);
    }
  });

  it('giving frames to the owner they already have changes nothing', () => {
    const t = setOwners(createFrameTable(256), [f(3), f(4)], 2);
    const again = setOwners(t, [f(3), f(4), f(5)], 2);
    expect(again.free).toBe(t.free - 1);
    expect(setOwners(t, [f(9)], FREE).free).toBe(t.free);
  });
});
