// The frame table shares identical all-free subtrees. Freeing the last owned
// frame of a span hands back the shared free subtree of that size, at every
// level: the table is then equal, node for node, to one never written.

import { describe, expect, it } from 'vitest';
import { createFrameTable, findFree, ownerOf, setOwners } from './frameTable.js';
import type { FrameNo } from '../types.js';
import { FREE } from '../types.js';

const f = (n: number) => n as FrameNo;

describe('freeing a whole span', () => {
  it.each([256, 1 << 16, 1 << 20])('on a table of %i frames, taking and freeing frames leaves it as it was made', (count) => {
    const fresh = createFrameTable(count);
    const frames = [f(0), f(count >> 1), f(count - 1)];
    const taken = setOwners(fresh, frames, 2);
    expect(taken.free).toBe(count - 3);
    expect(frames.map((frame) => ownerOf(taken, frame))).toEqual([2, 2, 2]);
    const freed = setOwners(taken, frames, FREE);
    expect(freed.free).toBe(count);
    expect(frames.map((frame) => ownerOf(freed, frame))).toEqual([FREE, FREE, FREE]);
    expect(findFree(freed, 0)).toBe(0);
    expect(freed).toEqual(fresh);
  });
});
