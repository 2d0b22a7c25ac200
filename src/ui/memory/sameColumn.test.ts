import { describe, expect, it } from 'vitest';
import type { Region } from '../../engine/index.ts';
import type { Block } from './layout.ts';
import { sameBlock } from './sameColumn.ts';

const region: Region = {
  area: 3, kind: 'message', owner: 'A', ownerPid: 1, page: 16, addr: 0x10000, pages: 2, bytes: 8192,
  frames: [40, 41], runs: [{ first: 40, count: 2 }], ask: null,
};
const block: Block = { key: 'area:3', kind: 'area', page: 16, pages: 2, y: 80, h: 40, region };

describe('a block drawn as last time', () => {
  it('is the same when rebuilt with equal values', () => {
    expect(sameBlock(block, { ...block, region: { ...region, frames: [40, 41] } })).toBe(true);
  });

  it('differs when its place, its frames, its owner or its request change', () => {
    expect(sameBlock(block, { ...block, y: 96 })).toBe(false);
    expect(sameBlock(block, { ...block, region: { ...region, frames: [40, 42] } })).toBe(false);
    expect(sameBlock(block, { ...block, region: { ...region, owner: 'B' } })).toBe(false);
    expect(sameBlock(block, { ...block, region: { ...region, ask: { id: 1, from: 'B', resource: 'mem', amount: 4 } } })).toBe(false);
    expect(sameBlock(block, { ...block, region: null })).toBe(false);
  });
});
