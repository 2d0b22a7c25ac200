// The transaction `apply` works in (tx.ts): copy on write, with each table
// copied once per transaction and never written where an earlier state can
// see it, and a partition that vanishes mid-command is a broken invariant.

import { describe, expect, it } from 'vitest';
import { createLab } from './lab.js';
import { emit, openTx, PENDING, putArea, dropArea, putPartition, setNextAreaPage, setPorts, setWait, updatePartition } from './tx.js';
import { asPid } from './types.js';
import type { Area, AreaId } from './types.js';

const A = asPid(2);
const B = asPid(3);
const GONE = asPid(99);

describe('a transaction', () => {
  it('copies the partition table on its first change and then changes its own copy, never the state it started from', () => {
    const { state } = createLab();
    const tx = openTx(state);
    setNextAreaPage(tx, A, 300);
    const own = tx.s.partitions;
    expect(own).not.toBe(state.partitions);
    setWait(tx, B, null);
    putPartition(tx, { ...tx.s.partitions[B]!, name: 'B2' });
    updatePartition(tx, A, (p) => ({ ...p, cpuUsed: 7 }));
    // one copy for the whole command (the header's "copied once per transaction, not once per change")
    expect(tx.s.partitions).toBe(own);
    expect(tx.s.partitions[A]).toMatchObject({ nextAreaPage: 300, cpuUsed: 7 });
    expect(tx.s.partitions[B]!.name).toBe('B2');
    expect(state.partitions[A]!.nextAreaPage).not.toBe(300);
    expect(state.partitions[B]!.name).toBe('B');
  });

  it('copies the area table once too, and leaves the first state\'s areas alone', () => {
    const { state } = createLab();
    const tx = openTx(state);
    const area = { id: 1 as AreaId, owner: A } as unknown as Area;
    putArea(tx, area);
    const own = tx.s.areas;
    expect(own).not.toBe(state.areas);
    putArea(tx, { ...area, id: 2 as AreaId });
    dropArea(tx, 1 as AreaId);
    expect(tx.s.areas).toBe(own);
    expect(Object.keys(tx.s.areas)).toEqual(['2']);
    expect(state.areas).toEqual({});
  });

  it('keeps no moments unless it traces', () => {
    const { state } = createLab();
    const plain = openTx(state);
    emit(plain, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:sched', kind: 'sched.slice', from: A, to: A, say: ['sched.slice', 0, []] });
    expect(plain.moments).toBeNull();
    const traced = openTx(state, true);
    emit(traced, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:sched', kind: 'sched.slice', from: A, to: A, say: ['sched.slice', 0, []] });
    expect(traced.moments).toHaveLength(1);
  });

  it.each([
    ['setPorts', (tx: ReturnType<typeof openTx>) => setPorts(tx, GONE, {})],
    ['setNextAreaPage', (tx: ReturnType<typeof openTx>) => setNextAreaPage(tx, GONE, 1)],
    ['setWait', (tx: ReturnType<typeof openTx>) => setWait(tx, GONE, null)],
    ['updatePartition', (tx: ReturnType<typeof openTx>) => updatePartition(tx, GONE, (p) => p)],
  ] as const)('%s on a partition that is not there is a broken invariant, named', (_name, change) => {
    const tx = openTx(createLab().state);
    expect(() => change(tx)).toThrow('invariant: partition 99 vanished inside a transaction');
  });
});
