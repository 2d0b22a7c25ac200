import { describe, expect, it } from 'vitest';
import { codePoints, layRows } from './table.ts';

describe('layRows', () => {
  it('pads each column to its widest cell, at least its least width; numbers on the left; the last cell unpadded', () => {
    expect(layRows([
      [{ text: 'id', min: 2 }, { text: 'name', min: 4 }, { text: 'wait' }],
      [{ text: '1', min: 2 }, { text: 'scp', min: 4 }, { text: '-' }],
      [{ text: '12', end: true }, { text: 'worker', min: 4 }, { text: 'accept' }],
    ], codePoints)).toEqual([
      'id name   wait',
      '1  scp    -',
      '12 worker accept',
    ]);
  });

  it('measures with the width it is given: a wide character takes two cells', () => {
    const wide = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(layRows([[{ text: '名前' }, { text: 'x' }], [{ text: 'abc' }, { text: 'y' }], [{ text: '7', end: true }, { text: 'z' }]], wide)).toEqual([
      '名前 x',
      'abc  y',
      '   7 z',
    ]);
  });
});
