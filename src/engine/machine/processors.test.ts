import { describe, expect, it } from 'vitest';
import { A, B, SCP, session } from '../testing/testkit.js';
import { lpsOf, spansUnits } from './processors.js';
import { asPid } from '../types.js';

describe('the processor module and the scheduler [0041], [0054]', () => {
  it('has a main group and two sub-processor groups of eight units', () => {
    const s = session();
    expect(s.state.machine.units).toHaveLength(24);
    expect(new Set(s.state.machine.units.map((u) => u.group))).toEqual(new Set([0, 1, 2]));
  });

  it('shows all three placements at boot: one-to-one, one on several, several on one', () => {
    const s = session();
    expect(lpsOf(s.state.machine, SCP).map((lp) => lp.units)).toEqual([[0]]);
    expect(lpsOf(s.state.machine, A).map((lp) => lp.units)).toEqual([[1], [8, 9]]);
    expect(lpsOf(s.state.machine, B).map((lp) => lp.units)).toEqual([[2], [2]]);
    expect(spansUnits(s.state.machine, A)).toBe(true);
    expect(spansUnits(s.state.machine, B)).toBe(false);
  });

  it('hands out slices round-robin among processors sharing a unit', () => {
    const s = session();
    const ran: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      s.ok({ kind: 'sched.tick', slices: 1 });
      ran.push(s.state.machine.units[2]!.running);
    }
    expect(ran).toEqual([4, 5, 4, 5]);
  });

  it('stops scheduling a partition that used up its processor time in the window', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cpu', amount: 3 });
    s.ok({ kind: 'sched.tick', slices: 4 });
    expect(s.state.partitions[A]!.cpuUsed).toBe(3);
  });

  it('places new processors on the least loaded units and takes them off when the partition ends', () => {
    const s = session();
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 2 });
    const C = asPid(4);
    expect(lpsOf(s.state.machine, C).map((lp) => lp.units)).toEqual([[3], [4]]);
    s.ok({ kind: 'lpar.end', pid: C });
    expect(s.state.machine.units[3]!.queue).toEqual([]);
  });

  it('gives a partition its processor time back when a new window starts, counting each processor of the slice', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cpu', amount: 3 });
    const slices: string[] = [];
    for (let i = 0; i < 18; i++) {
      const slice = s.run({ kind: 'sched.tick', slices: 1 }).events.find((e) => e.kind === 'sched.slice')!;
      const [tick, running] = slice.say.slice(1) as [number, string[]];
      slices.push(`${tick}: A ${s.state.partitions[A]!.cpuUsed}, B ${s.state.partitions[B]!.cpuUsed}; ${running.join(' ')}`);
    }
    // A's two processors run in the first slice; in the second only one fits under 3; then A waits
    // for the window of 16 slices to end, while B (no limit) counts on, and both start over at 17
    expect(slices.slice(0, 3)).toEqual(['1: A 2, B 1; scp.1@0 A.2@1 B.4@2 A.3@8', '2: A 3, B 2; scp.1@0 A.2@1 B.5@2', '3: A 3, B 3; scp.1@0 B.4@2']);
    expect(slices.slice(15)).toEqual(['16: A 3, B 16; scp.1@0 B.5@2', '17: A 2, B 1; scp.1@0 A.2@1 B.4@2 A.3@8', '18: A 3, B 2; scp.1@0 A.2@1 B.5@2']);
  });

  it('rejects a silly number of slices', () => {
    const s = session();
    expect(s.errno({ kind: 'sched.tick', slices: 0 })).toBe('EINVAL');
    expect(s.errno({ kind: 'sched.tick', slices: 1e6 })).toBe('EINVAL');
  });
});

describe('what a slice costs, and a stopped partition on the units', () => {
  it('costs one context switch for each unit that starts running a different processor', () => {
    const s = session();
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 3 });
    for (let tick = 0; tick < 6; tick++) {
      const before = s.state.machine.units.map((u) => u.running);
      const slice = s.run({ kind: 'sched.tick', slices: 1 }).events.find((e) => e.kind === 'sched.slice')!;
      const switched = s.state.machine.units.filter((u, i) => u.running !== null && u.running !== before[i]).length;
      expect(slice.cost, `tick ${tick}`).toBe(switched * s.state.costs.contextSwitch);
    }
  });

  it('an ended partition runs nowhere, and each unit goes on round-robin among what is left', () => {
    const s = session();
    s.ok({ kind: 'lpar.create', name: 'C', memPages: 8, processors: 3 });
    const C = asPid(4);
    for (let tick = 0; tick < 3; tick++) s.ok({ kind: 'sched.tick', slices: 1 });
    const ofC = new Set(lpsOf(s.state.machine, C).map((lp) => lp.id));
    s.ok({ kind: 'lpar.end', pid: C });
    s.state.machine.units.forEach((u, i) => {
      expect(u.running === null || !ofC.has(u.running), `unit ${i}`).toBe(true);
      expect(u.next < Math.max(1, u.queue.length), `unit ${i}`).toBe(true);
    });
  });
});
