// The checker must catch each kind of breakage, or the property test that
// relies on it would prove nothing.

import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.js';
import { A, B, connectGuests, session } from './testkit.js';
import { setOwners } from './memory/frameTable.js';
import type { Area, LabState } from './types.js';
import { asFrame, asPort, FREE } from './types.js';

function withArea() {
  const s = session();
  s.ok({ kind: 'area.reserve', by: A, bytes: 4096 });
  const area = Object.values(s.state.areas)[0]!;
  return { state: s.state, area };
}

const putArea = (state: LabState, area: Area): LabState => ({ ...state, areas: { ...state.areas, [area.id]: area } });

describe('the invariant checker', () => {
  it('passes a healthy machine', () => {
    expect(checkInvariants(withArea().state)).toEqual([]);
  });

  it('catches a frame whose table owner disagrees with the records', () => {
    const { state, area } = withArea();
    const broken = { ...state, frames: setOwners(state.frames, [area.frames[0]!], B) };
    expect(checkInvariants(broken).join()).toMatch(/table says owner 3/);
  });

  it('catches a leaked frame: owned in the table, held by no record', () => {
    const { state } = withArea();
    const broken = { ...state, frames: setOwners(state.frames, [asFrame(250)], A) };
    expect(checkInvariants(broken).join()).toMatch(/frame 250/);
  });

  it('catches a frame held twice', () => {
    const { state, area } = withArea();
    const ram = [...state.partitions[B]!.ram, area.frames[0]!];
    const broken = { ...state, partitions: { ...state.partitions, [B]: { ...state.partitions[B]!, ram } } };
    expect(checkInvariants(broken).join()).toMatch(/held twice/);
  });

  it('catches a message area mapped in two partitions', () => {
    const { state, area } = withArea();
    const broken = putArea(state, { ...area, maps: [...area.maps, { pid: B, page: 0x200 }] });
    expect(checkInvariants(broken).join()).toMatch(/mapped in 2 partitions/);
  });

  it('catches a partition past its limit', () => {
    const { state } = withArea();
    const broken = { ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, limits: { ...state.partitions[A]!.limits, mem: 0 } } } };
    expect(checkInvariants(broken).join()).toMatch(/past its limit/);
  });

  it('catches a pending "bit" that is a count', () => {
    const { state } = withArea();
    const port = { kind: 'eventRecv' as const, no: asPort(1), pending: 2 as unknown as boolean, merged: 0 };
    const broken = { ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, ports: { ...state.partitions[A]!.ports, [1]: port } } } };
    expect(checkInvariants(broken).join()).toMatch(/not a bit/);
  });

  it('catches a free count that lies', () => {
    const { state } = withArea();
    expect(checkInvariants({ ...state, frames: { ...state.frames, free: state.frames.free + 1 } }).join()).toMatch(/leak/);
  });

  it('catches an ended partition that kept something', () => {
    const s = session();
    connectGuests(s);
    const st = s.state;
    const broken = { ...st, partitions: { ...st.partitions, [B]: { ...st.partitions[B]!, status: 'ended' as const } } };
    expect(checkInvariants(broken).join()).toMatch(/ended but still holds/);
    expect(FREE).toBe(-1);
  });
});
