// The machine's invariants (docs/architecture.md, The machine's invariants), checked after every step by the tests
// and by the debug build. Each returns plain words naming what broke.
// O(frames + records): for tests and debugging, not for the hot path.

import type { AreaId, LabState, Pid } from './types.js';
import { CONTROL_OS, FREE, SCP_PID } from './types.js';
import { FIRST_FD, MAX_FDS } from './kernel/fdTable.js';
import { allOwners } from './memory/frameTable.js';
import { usageOf } from './partition/partitions.js';
import { mappingsOf } from './memory/areas.js';
import { RESOURCE_KINDS } from './types.js';
import { CONTROL_OS_FRAMES } from './lab.js';

export function checkInvariants(state: LabState): string[] {
  const broken: string[] = [];
  const owners = allOwners(state.frames);

  // each frame has exactly one owner, and the table agrees with the records that hold frames
  const expected = new Int32Array(state.frames.count).fill(FREE);
  const claim = (frame: number, owner: number, what: string) => {
    if (expected[frame] !== FREE) broken.push(`frame ${frame} is held twice (again by ${what})`);
    expected[frame] = owner;
  };
  for (let f = 0; f < CONTROL_OS_FRAMES; f++) claim(f, CONTROL_OS, 'the control OS');
  for (const p of Object.values(state.partitions)) p.ram.forEach((f) => claim(f, p.pid, `${p.name}'s memory`));
  for (const a of Object.values(state.areas)) a.frames.forEach((f) => claim(f, a.owner, `area ${a.id}`));
  let free = 0;
  for (let f = 0; f < state.frames.count; f++) {
    if (owners[f] !== expected[f]) broken.push(`frame ${f}: the table says owner ${owners[f]}, the records say ${expected[f]}`);
    if (owners[f] === FREE) free++;
  }
  if (free !== state.frames.free) broken.push(`the free count is ${state.frames.free} but ${free} frames are free (leak)`);

  // a message area is mapped in at most one partition; a shared area in at most two; mappings agree both ways
  for (const a of Object.values(state.areas)) {
    const most = a.kind === 'message' ? 1 : 2;
    if (a.maps.length > most) broken.push(`${a.kind} area ${a.id} is mapped in ${a.maps.length} partitions`);
    if (a.kind === 'message' && a.maps.length === 1 && a.maps[0]!.pid !== a.owner) broken.push(`area ${a.id} is mapped in a partition that does not own it`);
    for (const m of a.maps) {
      const p = state.partitions[m.pid];
      if (!p || p.status !== 'active') broken.push(`area ${a.id} is mapped in ${m.pid}, which is not an active partition`);
      if (p && m.page < p.ram.length) broken.push(`area ${a.id} is mapped over ${p.name}'s own memory at page ${m.page}`);
    }
    const pages = new Set(a.maps.map((m) => m.pid));
    if (pages.size !== a.maps.length) broken.push(`area ${a.id} is mapped twice in one partition`);
    if (state.partitions[a.owner]?.status !== 'active') broken.push(`area ${a.id} is owned by a partition that is not active`);
  }
  // no two areas overlap in one logical space
  for (const p of Object.values(state.partitions)) {
    let end = -1;
    for (const { page, area } of mappingsOf(state, p.pid)) {
      if (page < end) broken.push(`${p.name} has two areas overlapping at page ${page}`);
      end = page + area.frames.length;
    }
  }

  // no area's mapping lies where its partition's own memory is (pages 0 .. ram-1), now or once it grows
  for (const p of Object.values(state.partitions)) {
    if (p.status === 'active' && p.nextAreaPage < state.config.frames) {
      broken.push(`${p.name} maps areas from page ${p.nextAreaPage}, where its own memory could grow (${state.config.frames} frames)`);
    }
  }

  // every area is reachable: mapped, waiting at a message port, a virtual file, or offered by a pending share
  const reachable = new Set<AreaId>();
  for (const a of Object.values(state.areas)) if (a.maps.length > 0) reachable.add(a.id);
  for (const p of Object.values(state.partitions)) {
    for (const port of Object.values(p.ports)) if (port.kind === 'message') for (const q of port.queue) reachable.add(q.area);
  }
  for (const f of Object.values(state.kernel.files)) reachable.add(f.area);
  for (const s of Object.values(state.signals)) if (s.request.kind === 'share') reachable.add(s.request.area);
  for (const a of Object.values(state.areas)) if (!reachable.has(a.id)) broken.push(`area ${a.id} is held by ${a.owner} but nothing reaches it (leak)`);
  for (const f of Object.values(state.kernel.files)) {
    const a = state.areas[f.area];
    if (!a || a.owner !== SCP_PID) broken.push(`virtual file ${f.path} names area ${f.area}, which the system control OS does not own`);
  }

  // a channel and its message ports name each other
  for (const ch of Object.values(state.channels)) {
    if (ch.client.port === null && ch.server.port === null) broken.push(`channel ${ch.id} has no ends left but still exists`);
    for (const end of [ch.client, ch.server]) {
      if (end.port === null) continue;
      const port = state.partitions[end.pid]?.ports[end.port];
      if (port?.kind !== 'message' || port.chan !== ch.id) broken.push(`channel ${ch.id} names port ${end.port} of ${end.pid}, which does not name it back`);
    }
  }

  // an event send port reaches a live receive port, and no receive port has two senders [0063]
  const senders = new Map<string, string>();
  for (const p of Object.values(state.partitions)) {
    for (const port of Object.values(p.ports)) {
      if (port.kind !== 'eventSend' || port.to === null) continue;
      const target = state.partitions[port.to.pid];
      if (target?.status !== 'active' || target.ports[port.to.port]?.kind !== 'eventRecv') {
        broken.push(`${p.name}'s send port ${port.no} names receive port ${port.to.port} of ${port.to.pid}, which is gone`);
      }
      const key = `${port.to.pid}:${port.to.port}`;
      if (senders.has(key)) broken.push(`receive port ${key} has two send ports (${senders.get(key)} and ${p.name} ${port.no}): connections are one-to-one`);
      senders.set(key, `${p.name} ${port.no}`);
    }
  }

  // the kernel's fd table: numbers in range, each communication socket names a message port of the system control OS
  const fds = Object.entries(state.kernel.fds);
  if (fds.length > MAX_FDS) broken.push(`the fd table holds ${fds.length} entries, past its ${MAX_FDS}`);
  for (const [key, entry] of fds) {
    if (Number(key) !== entry.fd || entry.fd < FIRST_FD || entry.fd >= FIRST_FD + MAX_FDS) broken.push(`fd ${key} is out of the table's range or misfiled`);
    if (entry.kind === 'comm' && state.partitions[SCP_PID]?.ports[entry.port]?.kind !== 'message') {
      broken.push(`fd ${entry.fd} names message port ${entry.port}, which the system control OS does not have`);
    }
  }

  // ended partitions hold nothing; no partition passes a limit
  for (const p of Object.values(state.partitions)) {
    if (p.status === 'ended') {
      if (p.ram.length || mappingsOf(state, p.pid).length || Object.keys(p.ports).length || p.signalQueue.length) {
        broken.push(`${p.name} has ended but still holds resources`);
      }
      continue;
    }
    const usage = usageOf(state, p.pid);
    for (const r of RESOURCE_KINDS) {
      const limit = p.limits[r];
      if (limit !== null && usage[r] > limit) broken.push(`${p.name} uses ${usage[r]} ${r}, past its limit of ${limit}`);
    }
    for (const port of Object.values(p.ports)) {
      if (port.kind === 'eventRecv' && typeof port.pending !== 'boolean') broken.push(`${p.name} port ${port.no}: the pending bit is not a bit`);
      if (port.kind === 'message') {
        const ch = state.channels[port.chan];
        const end = ch && (ch.client.pid === p.pid && ch.client.port === port.no ? ch.client : ch.server.pid === p.pid && ch.server.port === port.no ? ch.server : null);
        if (!end) broken.push(`${p.name} port ${port.no} names channel ${port.chan}, which does not name it back`);
        if (p.ports[port.eventPort]?.kind !== 'eventRecv') broken.push(`${p.name} message port ${port.no} has no event receive port`);
        for (const arrival of port.queue) {
          if (state.areas[arrival.area]?.owner !== p.pid) broken.push(`${p.name} port ${port.no} queues area ${arrival.area}, which it does not own`);
        }
      }
    }
  }

  // every signal waits in exactly one place; every wait names a live request
  const seen = new Map<number, Pid>();
  for (const p of Object.values(state.partitions)) {
    for (const sig of [...p.signalQueue, ...p.signalsHeld]) {
      if (seen.has(sig)) broken.push(`signal ${sig} waits in two places`);
      seen.set(sig, p.pid);
      if (state.signals[sig]?.to !== p.pid) broken.push(`signal ${sig} sits at ${p.name} but is addressed elsewhere`);
    }
    if (p.wait && 'sig' in p.wait && state.signals[p.wait.sig]?.from !== p.pid) broken.push(`${p.name} waits on a request that is gone`);
  }
  if (seen.size !== Object.keys(state.signals).length) broken.push('a signal is recorded but waits nowhere');

  // every resource request sent to the program [0080] has its asker waiting for it, and its area at the program
  for (const ask of Object.values(state.asks)) {
    const asker = state.partitions[ask.from];
    if (asker?.wait?.call !== 'request' || asker.wait.ask !== ask.id) broken.push(`request ${ask.id} is kept but nobody waits for it`);
    if (state.areas[ask.area]?.owner !== SCP_PID) broken.push(`request ${ask.id}'s area is not at the system control program`);
    if (state.channels[ask.chan]?.server.pid !== SCP_PID) broken.push(`request ${ask.id} came over no channel to the program`);
  }
  for (const p of Object.values(state.partitions)) {
    if (p.wait?.call === 'request' && !state.asks[p.wait.ask]) broken.push(`${p.name} waits on a request that is gone`);
  }
  return broken;
}

export function assertInvariants(state: LabState): void {
  const broken = checkInvariants(state);
  if (broken.length) throw new Error(`invariant broken:\n- ${broken.join('\n- ')}`);
}
