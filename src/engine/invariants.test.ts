// The checker must catch each kind of breakage, or the property test that
// relies on it would prove nothing.

import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants.js';
import { A, B, askingPastLimit, connectGuests, session } from './testing/testkit.js';
import { setOwners } from './memory/frameTable.js';
import type { Area, LabState } from './types.js';
import { asAsk, asFrame, asPid, asPort } from './types.js';

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
    const port = { kind: 'eventRecv' as const, no: asPort(1), pending: 2 as unknown as boolean };
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
  });

  it('catches an area nothing reaches: not mapped, queued, a file or offered (a leak)', () => {
    const { state, area } = withArea();
    expect(checkInvariants(putArea(state, { ...area, maps: [] })).join()).toMatch(/nothing reaches it/);
  });

  it('catches an area mapped inside its partition\'s own memory', () => {
    const { state, area } = withArea();
    expect(checkInvariants(putArea(state, { ...area, maps: [{ pid: A, page: 3 }] })).join()).toMatch(/over A's own memory/);
  });

  it('catches a partition that would map areas where its own memory can grow', () => {
    const { state } = withArea();
    const broken = { ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, nextAreaPage: 100 } } };
    expect(checkInvariants(broken).join()).toMatch(/could grow/);
  });

  it('catches a channel whose port does not name it back', () => {
    const s = session();
    const { client } = connectGuests(s);
    const st = s.state;
    const chan = Object.values(st.channels)[0]!;
    const broken = { ...st, channels: { ...st.channels, [chan.id]: { ...chan, client: { pid: A, port: asPort(client + 40) } } } };
    expect(checkInvariants(broken).join()).toMatch(/does not name it back/);
  });

  it('catches a channel with no ends left', () => {
    const s = session();
    connectGuests(s);
    const st = s.state;
    const chan = Object.values(st.channels)[0]!;
    const broken = { ...st, channels: { ...st.channels, [chan.id]: { ...chan, client: { pid: A, port: null }, server: { pid: B, port: null } } } };
    expect(checkInvariants(broken).join()).toMatch(/no ends left/);
  });

  it('catches a send port that names a receive port which is gone, and two send ports on one receive port', () => {
    const { state } = withArea();
    const sp = (no: number, port: number) => ({ kind: 'eventSend' as const, no: asPort(no), to: { pid: B, port: asPort(port) } });
    const withPorts = (ports: Record<number, ReturnType<typeof sp>>) => ({ ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, ports: { ...state.partitions[A]!.ports, ...ports } } } });
    expect(checkInvariants(withPorts({ 30: sp(30, 77) })).join()).toMatch(/which is gone/);
    const rp = state.partitions[B]!.signalNotify!;
    expect(checkInvariants(withPorts({ 30: sp(30, rp), 31: sp(31, rp) })).join()).toMatch(/one-to-one/);
  });

  it('catches a communication socket naming a port the system control OS does not have, and an fd out of range', () => {
    const { state } = withArea();
    const comm = { kind: 'comm' as const, fd: 3, mode: 'vfile' as const, service: 7, port: asPort(60), peer: A };
    expect(checkInvariants({ ...state, kernel: { ...state.kernel, fds: { 3: comm } } }).join()).toMatch(/does not have/);
    const file = { kind: 'file' as const, fd: 2, path: '/msg/A.1', offset: 0 };
    expect(checkInvariants({ ...state, kernel: { ...state.kernel, fds: { 2: file } } }).join()).toMatch(/out of the table's range/);
  });

  it('catches a virtual file whose area the system control OS does not own', () => {
    const { state, area } = withArea();
    const files = { '/msg/A.1': { path: '/msg/A.1', area: area.id, peer: A, short: '' } };
    expect(checkInvariants({ ...state, kernel: { ...state.kernel, files } }).join()).toMatch(/does not own/);
  });

  it('catches a message area mapped in a partition that does not own it, or twice in one, or owned by an ended one', () => {
    const { state, area } = withArea();
    expect(checkInvariants(putArea(state, { ...area, owner: B })).join()).toMatch(/does not own it/);
    const shared = { ...area, kind: 'shared' as const, maps: [area.maps[0]!, { pid: A, page: 0x200 }] };
    expect(checkInvariants(putArea(state, shared)).join()).toMatch(/mapped twice in one partition/);
    const ended = { ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, status: 'ended' as const } } };
    expect(checkInvariants(ended).join()).toMatch(/not an active partition/);
    expect(checkInvariants(ended).join()).toMatch(/owned by a partition that is not active/);
  });

  it('catches two areas overlapping in one logical space', () => {
    const s = session();
    s.ok({ kind: 'area.reserve', by: A, bytes: 8192 });
    s.ok({ kind: 'area.reserve', by: A, bytes: 4096 });
    const [first, second] = Object.values(s.state.areas);
    const broken = putArea(s.state, { ...second!, maps: [{ pid: A, page: first!.maps[0]!.page + 1 }] });
    expect(checkInvariants(broken).join()).toMatch(/overlapping/);
  });

  it('catches a message port without its event port, and one queueing an area it does not own', () => {
    const s = session();
    const { client } = connectGuests(s);
    const st = s.state;
    const port = st.partitions[A]!.ports[asPort(client)]!;
    if (port.kind !== 'message') throw new Error('expected a message port');
    const { area } = withArea();
    const bad = { ...port, eventPort: asPort(90), queue: [{ area: area.id, short: '' }] };
    const broken = { ...st, partitions: { ...st.partitions, [A]: { ...st.partitions[A]!, ports: { ...st.partitions[A]!.ports, [client]: bad } } } };
    const found = checkInvariants(broken).join();
    expect(found).toMatch(/has no event receive port/);
    expect(found).toMatch(/queues area/);
  });

  it('catches a signal waiting in two places, one addressed elsewhere, one waiting nowhere, and a wait on a gone request', () => {
    const s = session();
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const st = s.state;
    const sig = st.partitions[B]!.signalQueue[0]!;
    const twice = { ...st, partitions: { ...st.partitions, [B]: { ...st.partitions[B]!, signalsHeld: [sig] } } };
    expect(checkInvariants(twice).join()).toMatch(/waits in two places/);
    const elsewhere = { ...st, partitions: { ...st.partitions, [A]: { ...st.partitions[A]!, signalQueue: [sig] }, [B]: { ...st.partitions[B]!, signalQueue: [] } } };
    expect(checkInvariants(elsewhere).join()).toMatch(/addressed elsewhere/);
    const nowhere = { ...st, partitions: { ...st.partitions, [B]: { ...st.partitions[B]!, signalQueue: [] } } };
    expect(checkInvariants(nowhere).join()).toMatch(/waits nowhere/);
    const gone = { ...st, signals: {}, partitions: { ...st.partitions, [B]: { ...st.partitions[B]!, signalQueue: [] } } };
    expect(checkInvariants(gone).join()).toMatch(/request that is gone/);
  });

  it('catches more fds than the table holds', () => {
    const { state } = withArea();
    const fds = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [i + 3, { kind: 'socket' as const, fd: i + 3, mode: 'vfile' as const, service: null, listening: false, denied: [] }]));
    expect(checkInvariants({ ...state, kernel: { ...state.kernel, fds } }).join()).toMatch(/past its 64/);
  });

  describe('resource requests kept for the program [0080], [0049]', () => {
    const asking = (): LabState => askingPastLimit().state;
    const first = asAsk(1);
    const withAsk = (state: LabState, change: Partial<LabState['asks'][typeof first]>): LabState => ({ ...state, asks: { ...state.asks, [first]: { ...state.asks[first]!, ...change } } });
    const withWait = (state: LabState, wait: LabState['partitions'][typeof A]['wait']): LabState => ({ ...state, partitions: { ...state.partitions, [A]: { ...state.partitions[A]!, wait } } });

    it('passes a guest waiting for the answer to its request', () => {
      const state = asking();
      expect(state.asks[first]).toMatchObject({ from: A, amount: 20 });
      expect(checkInvariants(state)).toEqual([]);
    });

    it('catches a request nobody waits for: the asker not waiting, waiting on another, or gone', () => {
      const state = asking();
      expect(checkInvariants(withWait(state, null))).toEqual(['request 1 is kept but nobody waits for it']);
      expect(checkInvariants(withWait(state, { call: 'request', ask: asAsk(2) } as never))).toEqual([
        'request 1 is kept but nobody waits for it', 'A waits on a request that is gone',
      ]);
      expect(checkInvariants(withAsk(state, { from: asPid(9) }))).toEqual(['request 1 is kept but nobody waits for it']);
    });

    it('catches a request whose area is not at the program, or that came over no channel to it', () => {
      const state = asking();
      expect(checkInvariants(withAsk(state, { area: 999 as never }))).toEqual(["request 1's area is not at the system control program"]);
      expect(checkInvariants(withAsk(state, { chan: 999 as never }))).toEqual(['request 1 came over no channel to the program']);
    });

    it('catches a guest waiting on a request the program no longer keeps', () => {
      expect(checkInvariants({ ...asking(), asks: {} })).toEqual(['A waits on a request that is gone']);
    });
  });
});
