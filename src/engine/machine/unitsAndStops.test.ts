// Naming units as Fig. 2 does, and stopping a partition's logical processors
// when it ends [0053]: a unit the machine does not have is named by its
// index, and a partition with nothing running leaves the machine untouched.

import { describe, expect, it } from 'vitest';
import { createMachine, placeLp, stopLps, unitName } from './processors.js';
import { asPid } from '../types.js';

describe('unit names', () => {
  it('name the main group, a sub-processor group, and an index past the machine', () => {
    const machine = createMachine(2, 2);
    expect(unitName(machine, 1)).toBe('main unit 1');
    expect(unitName(machine, 2)).toBe('sub group 1 unit 0');
    expect(unitName(machine, 9)).toBe('unit 9');
  });
});

describe('stopping logical processors', () => {
  it('stops only the partition\'s own and takes them off their units', () => {
    const placed = placeLp(createMachine(1, 2), asPid(2), [0, 1]);
    const other = placeLp(placed.machine, asPid(3), [1]);
    const { machine, stopped } = stopLps(other.machine, asPid(2));
    expect(stopped).toEqual([placed.lp]);
    expect(machine.lps[placed.lp]!.stopped).toBe(true);
    expect(machine.units.map((u) => u.queue)).toEqual([[], [other.lp]]);
  });

  it('a partition with no logical processor running leaves the machine as it was', () => {
    const { machine } = placeLp(createMachine(1, 2), asPid(2), [0]);
    const once = stopLps(machine, asPid(2)).machine;
    const again = stopLps(once, asPid(2));
    expect(again.stopped).toEqual([]);
    expect(again.machine).toBe(once);
    expect(stopLps(machine, asPid(7)).machine).toBe(machine);
  });
});
