import { describe, expect, it } from 'vitest';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { allOwners } from '../memory/frameTable.js';
import { ownerName } from './inspect.js';
import { machineView } from './machineView.js';

function typed(lines: readonly string[], shell: ShellState = createShell()) {
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell.timeline.current;
}

describe('machineView (Figs. 1-2)', () => {
  it('draws the default processor module: a main group and two sub-processor groups of eight units', () => {
    const m = machineView(typed([]));
    expect(m.groups.map((g) => [g.kind, g.title, g.ref, g.units.length])).toEqual([
      ['main', 'Main processor group', 201, 8],
      ['sub', 'Sub-processor group 1', 202, 8],
      ['sub', 'Sub-processor group 2', 203, 8],
    ]);
    expect(m.groups[1]!.units[0]).toMatchObject({ index: 8, slot: 0, name: 'sub group 1 unit 0' });
    // nothing runs before the first time slice
    expect(m.busy).toBe(0);
    expect(m.groups.flatMap((g) => g.units).every((u) => u.running === null)).toBe(true);
  });

  it('shows the three placements of [0054] at boot', () => {
    const m = machineView(typed([]));
    const of = (lp: number) => m.lps.find((p) => p.lp === lp)!;
    expect(of(1)).toMatchObject({ name: 'scp', placement: 'one-to-one', unitNames: ['main unit 0'] });
    expect(of(3)).toMatchObject({ name: 'A', placement: 'one-on-several', units: [8, 9] });
    expect(of(4)).toMatchObject({ name: 'B', placement: 'shared', sharesWith: [{ lp: 5, name: 'B' }] });
    expect(m.groups[0]!.units[2]!.placed.map((p) => `${p.name}${p.lp}`)).toEqual(['B4', 'B5']);
  });

  it('shows which logical processor runs on which unit after a time slice, round-robin on a shared unit', () => {
    const one = machineView(typed(['tick(1)']));
    const running = (m: typeof one) => m.groups.flatMap((g) => g.units).filter((u) => u.running).map((u) => `${u.index}:${u.running!.name}${u.running!.lp}`);
    expect(running(one)).toEqual(['0:scp1', '1:A2', '2:B4', '8:A3']);
    expect(one.tick).toBe(1);
    const two = machineView(typed(['tick(2)']));
    expect(running(two)).toContain('2:B5');
    expect(two.lps.find((p) => p.lp === 5)!.runningOn).toBe(2);
  });

  it('adds a new partition\'s processors and drops an ended one\'s', () => {
    const made = machineView(typed(['lpar_create("C", 32, 2)', 'tick(1)']));
    expect(made.lps.filter((p) => p.name === 'C')).toHaveLength(2);
    expect(made.groups.flatMap((g) => g.units).some((u) => u.running?.name === 'C')).toBe(true);
    const ended = machineView(typed(['lpar_create("C", 32, 2)', 'tick(1)', 'lpar_end(C)']));
    expect(ended.lps.some((p) => p.name === 'C')).toBe(false);
    expect(ended.groups.flatMap((g) => g.units).some((u) => u.running?.name === 'C' || u.placed.some((p) => p.name === 'C'))).toBe(false);
    expect(ended.dram.slices.find((s) => s.name === 'C')).toBeUndefined();
  });

  it('splits DRAM by owner exactly as the frame table does', () => {
    const lines = [
      's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A ch = connect(7)',
      '@A a = area(8192)', '@A send(ch, a, "x")', 'r = read(fd)', 'lpar_create("C", 20, 1)',
    ];
    const state = typed(lines);
    const m = machineView(state);
    const counted = new Map<string, number>();
    for (const o of allOwners(state.frames)) counted.set(ownerName(state, o), (counted.get(ownerName(state, o)) ?? 0) + 1);
    for (const s of m.dram.slices) expect(s.frames, s.name).toBe(counted.get(s.owner === 'control' ? 'control' : s.name) ?? 0);
    expect(m.dram.slices.reduce((n, s) => n + s.frames, 0)).toBe(256);
    expect(m.dram.slices.find((s) => s.name === 'scp')!.frames).toBe(18);
    expect(m.dram.bytes).toBe(256 * 4096);
  });
});
