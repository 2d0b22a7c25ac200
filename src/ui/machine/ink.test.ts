import { describe, expect, it } from 'vitest';
import { contrast, textOn } from './ink.ts';
import { partitionColour } from '../app/palette.ts';

describe('textOn', () => {
  it('keeps at least 4.5:1 on every partition colour', () => {
    for (let pid = 1; pid <= 7; pid++) {
      const bg = partitionColour(pid);
      expect(contrast(bg, textOn(bg)), `${pid} ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
