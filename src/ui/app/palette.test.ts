import { describe, expect, it } from 'vitest';
import { inkOn, luminance, partitionColour } from './palette.ts';

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('partition colours', () => {
  it('every partition colour takes a label with at least 4.5:1 contrast', () => {
    for (let pid = 1; pid <= 7; pid++) {
      const bg = partitionColour(pid);
      expect(contrast(bg, inkOn(bg)), `partition ${pid} ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
