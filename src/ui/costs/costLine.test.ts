import { describe, expect, it } from 'vitest';
import { createShell, DEFAULT_COSTS, formatOutput, runLine } from '../../engine/index.ts';
import { costLine } from './costLine.ts';

// issue 18: the Costs view typed cost(copyPerByte, 1) for 0.5, and cost(copyPerByte, 0) for the default 0.3
describe('the line the Costs view types', () => {
  it.each([0.3, 0.5, 0.000001, 1500, 0, 1e9])('sets the parameter to exactly %s', (value) => {
    const line = costLine('copyPerByte', value);
    const ran = runLine(createShell(), line);
    expect(ran.out.flatMap(formatOutput), line).toEqual(['= 0']);
    expect(ran.shell.timeline.current.costs.copyPerByte).toBe(value);
  });

  it('keeps the default 0.3 when the box is confirmed unchanged', () => {
    expect(costLine('copyPerByte', DEFAULT_COSTS.copyPerByte)).toBe('cost(copyPerByte, 0.3)');
  });

  it('writes a value past the limit in digits, so the engine says why it is refused', () => {
    const ran = runLine(createShell(), costLine('hypercall', 1e21));
    expect(ran.out.flatMap(formatOutput)[0]).toMatch(/^= -1 EINVAL: (a cost is a number of cycles from 0 to 1e9|syntax error .*too large)/);
  });
});
