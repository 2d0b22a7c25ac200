import { describe, expect, it } from 'vitest';
import { apply, createLab, SCP_PID } from '../../engine/index.ts';
import type { LabEvent, LabState, Pid, PortNo } from '../../engine/index.ts';
import { memoryView } from '../../engine/index.ts';
import type { Bucket } from '../../engine/index.ts';
import { partitionColour } from '../app/palette.ts';
import { chooseCols, columnBlocks, columnSlots, layoutMemory, rowSpans, segmentsOf, sidesOf, zoomedHeight } from './layout.ts';
import { bucketSlices, bucketLabel, changedCells, displayBuckets } from './drawBuckets.ts';
import { bestInk, contrast } from './colours.ts';
import { ghostsOf, highlightOf, withMark, EMPTY_HIGHLIGHT } from './plan.ts';
import { cellLabel, fitText } from './drawMemory.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { englishIn } from '../../i18n/englishIn.ts';

const A = 2 as Pid;
const B = 3 as Pid;

function run(state: LabState, ...commands: Parameters<typeof apply>[1][]) {
  const events: LabEvent[] = [];
  for (const c of commands) {
    const step = apply(state, c);
    if (!step.result.ok) throw new Error(step.result.error.message);
    state = step.state;
    events.push(...step.events);
  }
  return { state, events };
}

/** A sends a one-page area to B: the flip, with its events. */
function flip() {
  let { state } = createLab();
  state = run(state, { kind: 'channel.connect', by: A, target: B }).state;
  const taken = apply(state, { kind: 'signal.take', by: B });
  state = taken.state;
  const sig = (taken.result as unknown as { value: { sig: number } }).value.sig;
  const permit = apply(state, { kind: 'signal.permit', by: B, sig: sig as never });
  state = permit.state;
  const port = (permit.completions[0]!.result as { value: number }).value as PortNo;
  state = run(state, { kind: 'area.reserve', by: A, bytes: 4096 }).state;
  return run(state, { kind: 'channel.send', by: A, port, addr: 0x100000, short: 'x' });
}

describe('Memory view layout', () => {
  it('puts guest A left of the grid and B right of it, as Fig. 5 does, with the scp outermost left', () => {
    const m = memoryView(createLab().state);
    const { left, right } = sidesOf(m.spaces);
    expect(left.map((s) => s.name)).toEqual(['scp', 'A']);
    expect(right.map((s) => s.name)).toEqual(['B']);
    const l = layoutMemory(m, 600, 380);
    const col = (name: string) => l.columns.find((c) => c.pid === m.spaces.find((s) => s.name === name)!.pid)!;
    expect(col('scp').x).toBeLessThan(col('A').x);
    expect(col('A').inner).toBeLessThan(l.grid.x);
    expect(col('B').inner).toBeGreaterThan(l.grid.x + l.grid.cols * l.grid.pitch);
    expect(col('B').x + col('B').w).toBeLessThanOrEqual(600);
  });

  it('keeps the grid and the columns in place while the player reveals lpar_create (the shell already at the end)', () => {
    const start = createLab({ frames: 4096 }).state;
    const create = (name: string) => ({ kind: 'lpar.create' as const, by: SCP_PID, name, memPages: 32, processors: 1 });
    const end = run(start, create('C'), create('D'), create('E'), create('F')).state;
    const reserve = Object.values(end.partitions).map((p) => ({ pid: p.pid, role: p.role }));
    const shown = memoryView(start);
    const final = layoutMemory(memoryView(end), 900, 500);
    // without the reserve the grid is wider at the start: each creation would move every cell
    expect(layoutMemory(shown, 900, 500).grid.cols).not.toBe(final.grid.cols);
    const revealing = layoutMemory(shown, 900, 500, 1, reserve);
    expect(revealing.grid).toEqual(final.grid);
    // the partitions shown keep the places they have at the end; the others get none yet
    expect(revealing.columns).toEqual(final.columns.filter((c) => shown.spaces.some((s) => s.pid === c.pid)));
    expect(revealing.columns).toHaveLength(shown.spaces.length);
  });

  it('places columns for partitions shown or reserved once each, by pid', () => {
    const slots = columnSlots([{ pid: 3 as Pid, role: 'guest' }, { pid: 1 as Pid, role: 'system' }], [{ pid: 3 as Pid, role: 'guest' }, { pid: 5 as Pid, role: 'guest' }]);
    expect(slots.map((s) => s.pid)).toEqual([1, 3, 5]);
  });

  it('fits every cell of the grid in the panel at 1280x720 and 1920x1080 panel sizes', () => {
    const m = memoryView(createLab().state);
    for (const [w, h] of [[455, 280], [700, 520], [300, 200]] as const) {
      const l = layoutMemory(m, w, h);
      expect(l.grid.cols * l.grid.rows).toBeGreaterThanOrEqual(256);
      expect(l.grid.x + l.grid.cols * l.grid.pitch).toBeLessThanOrEqual(w);
      expect(l.grid.y + l.grid.rows * l.grid.pitch).toBeLessThanOrEqual(h);
      expect(l.fs).toBeGreaterThanOrEqual(12);
    }
  });

  it('chooses columns that make cells as large as they can be', () => {
    expect(chooseCols(256, 256, 256)).toEqual({ cols: 16, pitch: 16 });
    const wide = chooseCols(256, 800, 100);
    expect(wide.pitch).toBeGreaterThanOrEqual(11);
  });

  it('merges buckets past the cell limit until cells are visible', () => {
    const m = memoryView(createLab({ frames: 1 << 20 }).state);
    const l = layoutMemory(m, 455, 280);
    expect(l.grid.pitch).toBeGreaterThanOrEqual(8);
    expect(l.grid.per * l.grid.count).toBeGreaterThanOrEqual(1 << 20);
    const cells = displayBuckets(m, l.grid.per);
    expect(cells).toHaveLength(l.grid.count);
    expect(cells.reduce((n, b) => n + b.count, 0)).toBe(1 << 20);
    expect(bucketLabel(translateEnglish, cells[0]!, m)).toMatch(/^frames 0–[\d,]+: free [\d,]+, .*control OS 16.*; mapped by scp's RAM, A's RAM, B's RAM$/);
    // in Japanese, with the glossary's 制御OS and no English but the partitions' names and the numbers (issue 23)
    const ja = bucketLabel(makeTranslate('ja', readCatalog('ja')), cells[0]!, m);
    expect(ja).toMatch(/^フレーム 0〜[\d,]+: 空き [\d,]+、.*制御OS 16.*。マップしているのは scpのメモリ、Aのメモリ、Bのメモリ$/);
    expect(englishIn(ja)).toEqual([]);
  });

  it('finds the grid rows and stretches a mapping line aims at', () => {
    const m = memoryView(createLab().state);
    const g = layoutMemory(m, 256 + 400, 400).grid;
    const f = (n: number) => n;
    expect(segmentsOf(g, [f(3), f(4), f(5)])).toEqual([{ row: 0, c0: 3, c1: 5 }]);
    expect(segmentsOf(g, [f(g.cols - 1), f(g.cols)])).toEqual([{ row: 0, c0: g.cols - 1, c1: g.cols - 1 }, { row: 1, c0: 0, c1: 0 }]);
    expect(rowSpans(g, [f(0), f(g.cols), f(3 * g.cols)])).toEqual([[0, 1], [3, 3]]);
  });

  it('stacks a column: RAM at 0x0, a gap, the areas by address, a ghost where an area was unmapped, a fault marker', () => {
    const { state, events } = flip();
    const m = memoryView(state);
    const spaceA = m.spaces.find((s) => s.name === 'A')!;
    const ghosts = ghostsOf(events);
    expect(ghosts).toEqual([{ pid: A, page: 0x100, pages: 1, area: expect.any(Number) }]);
    const col = columnBlocks(spaceA, ghosts, 0x200, 60, 380, 13);
    expect(col.blocks.map((b) => [b.kind, b.page])).toEqual([['ram', 0], ['ghost', 0x100], ['fault', 0x200]]);
    expect(col.breaks).toHaveLength(2);
    for (let i = 1; i < col.blocks.length; i++) expect(col.blocks[i]!.y).toBeGreaterThan(col.blocks[i - 1]!.y + col.blocks[i - 1]!.h);
    const spaceB = m.spaces.find((s) => s.name === 'B')!;
    const colB = columnBlocks(spaceB, ghosts, null, 60, 380, 13);
    expect(colB.blocks.map((b) => b.kind)).toEqual(['ram', 'area']);
  });

  it('hides blocks that do not fit and says how many', () => {
    const m = memoryView(createLab().state);
    const space = { ...m.spaces[1]!, regions: Array.from({ length: 40 }, (_, i) => ({ ...fakeRegion, area: i, page: 0x100 + i, addr: (0x100 + i) * 4096 })) };
    const col = columnBlocks(space, [], null, 60, 300, 13);
    expect(col.hidden).toBeGreaterThan(0);
    expect(col.blocks.at(-1)!.y + col.blocks.at(-1)!.h).toBeLessThanOrEqual(300);
  });
});

const fakeRegion = { area: 0, kind: 'message' as const, owner: 'A', ownerPid: 2, page: 0x100, addr: 0x100000, pages: 1, bytes: 4096, frames: [200], runs: [{ first: 200, count: 1 }], ask: null };

describe('Memory view plans and labels', () => {
  it('highlights what the flip changed: the frames, the receiver\'s new line, the event port', () => {
    const { events } = flip();
    const h = highlightOf(events);
    const frames = events.find((e) => e.kind === 'area.flip')!.frames!;
    for (const f of frames) expect(h.frames.has(f)).toBe(true);
    expect([...h.lines]).toEqual([`${B}:area:${events.find((e) => e.kind === 'area.flip')!.area}`]);
    expect(h.ports.size).toBe(1);
  });

  it('adds a lesson check\'s frames and partition to the highlight', () => {
    const h = withMark(EMPTY_HIGHLIGHT, { view: 'memory', frames: [7], ctx: 'B', id: 1 }, (n) => (n === 'B' ? 3 : undefined));
    expect([...h.frames]).toEqual([7]);
    expect([...h.columns]).toEqual([3]);
    expect(withMark(EMPTY_HIGHLIGHT, { view: 'sockets', id: 2 }, () => 1)).toBe(EMPTY_HIGHLIGHT);
  });

  it('names a frame\'s owner and who maps it', () => {
    const { state } = flip();
    const m = memoryView(state);
    if (m.grid.kind !== 'cells') throw new Error('cells expected');
    const frame = m.spaces.find((s) => s.name === 'B')!.regions[0]!.frames[0]!;
    expect(cellLabel(translateEnglish, m.grid.cells[frame]!)).toBe(`frame ${frame}: B, mapped by B at 0x100000`);
    expect(cellLabel(translateEnglish, m.grid.cells[0]!)).toMatch(/^frame 0: control OS/);
    expect(cellLabel(translateEnglish, m.grid.cells[255]!)).toBe('frame 255: free');
    // in Japanese, with the glossary's terms and no English left but the names and the address
    const ja = makeTranslate('ja', readCatalog('ja'));
    expect(cellLabel(ja, m.grid.cells[frame]!)).toBe(`フレーム ${frame}：B。マップしているのは B（0x100000）`);
    expect(cellLabel(ja, m.grid.cells[0]!)).toMatch(/^フレーム 0：制御OS/);
  });

  it('gives every owner in a bucket a visible slice', () => {
    const b: Bucket = { first: 0, count: 256, owners: [{ owner: 'free', count: 250 }, { owner: 'A', count: 5 }, { owner: 'B', count: 1 }] };
    const slices = bucketSlices(b);
    expect(slices.map((s) => s.owner)).toEqual(['A', 'B', 'free']);
    for (const s of slices) expect(s.to - s.from).toBeGreaterThanOrEqual(0.1);
    expect(slices.at(-1)!.to).toBe(1);
    expect(bucketSlices({ first: 0, count: 4, owners: [{ owner: 'free', count: 4 }] })).toEqual([{ owner: 'free', from: 0, to: 1 }]);
  });

  it('repaints only the cells whose owners changed between two models', () => {
    const lab = createLab({ frames: 1 << 20 });
    const before = memoryView(lab.state);
    const after = memoryView(run(lab.state, { kind: 'area.reserve', by: A, bytes: 4096 }).state);
    const per = layoutMemory(after, 455, 280).grid.per;
    const [was, now] = [displayBuckets(before, per), displayBuckets(after, per)];
    const changed = changedCells(was, now);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(now.length);
    now.forEach((b, i) => expect(changed.includes(i)).toBe(JSON.stringify(b) !== JSON.stringify(was[i])));
    expect(changedCells(now, now)).toEqual([]);
    expect(changedCells(was.slice(1), now)).toHaveLength(now.length);
    // a cell the step left alone is the very cell of the last merge; every cell holds what its buckets hold
    now.forEach((b, i) => expect(b === was[i]).toBe(!changed.includes(i)));
    if (after.grid.kind !== 'buckets') throw new Error('expected buckets');
    const k = per / after.grid.size;
    const held = (owners: readonly { owner: string; count: number }[]) => {
      const sums = new Map<string, number>();
      for (const o of owners) sums.set(o.owner, (sums.get(o.owner) ?? 0) + o.count);
      return [...sums].sort();
    };
    expect(now.map((b) => held(b.owners))).toEqual(now.map((_, i) => held(after.grid.kind === 'buckets' ? after.grid.buckets.slice(i * k, i * k + k).flatMap((b) => b.owners) : [])));
  });

  it('keeps letters readable on every owner colour (4.5:1)', () => {
    for (let pid = 1; pid <= 7; pid++) expect(contrast(partitionColour(pid), bestInk(partitionColour(pid)))).toBeGreaterThanOrEqual(4.5);
    for (const c of ['#4d4d4d', '#9a9a9a', '#f2f2f2', '#2a2e33']) expect(contrast(c, bestInk(c))).toBeGreaterThanOrEqual(4.5);
  });

  it('cuts text that would not fit', () => {
    expect(fitText('0x100000', 200, 12, true)).toBe('0x100000');
    expect(fitText('supervisor', 30, 12)).toMatch(/…$/);
  });
});

describe('zoomedHeight', () => {
  it('makes the 256 frames of the booted machine at least 24 px at a tablet\'s panel size, or says the panel is enough', () => {
    const model = memoryView(createLab().state);
    const h = zoomedHeight(model, 360, 330, 1, 24);
    expect(h).toBeGreaterThan(330);
    expect(layoutMemory(model, 360, h, 1).grid.cell).toBeGreaterThanOrEqual(24);
    expect(zoomedHeight(model, 1200, 900, 1, 10)).toBe(900);
  });
});
