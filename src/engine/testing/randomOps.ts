// Random operations for the model-based property test and the determinism
// test: each op is a few numbers turned into a command against the current
// state, so most are plausible (real ports, real addresses) and some are not
// (unknown ports, unmapped addresses, ended partitions, silly sizes).

import type { Command } from '../command.js';
import type { FdEntry, LabState, MessagePort, Partition, Pid, Port, ResourceKind } from '../types.js';
import { asAsk, asPid, asPort, asSig, PAGE_SIZE, RESOURCE_KINDS } from '../types.js';
import { COST_PARAMS } from '../costs/costModel.js';
import { mappingsOf } from '../memory/areas.js';

export type Op = readonly [kind: number, a: number, b: number, c: number];

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

export const OP_KINDS = 50;

export function opToCommand(state: LabState, [kind, a, b, c]: Op): Command {
  const all = Object.values(state.partitions);
  const ready = all.filter((p) => p.status === 'active' && !p.wait);
  /** mostly a partition that can make this call; now and then an ended, suspended or unknown one */
  const chooseBy = (fits: (p: Partition) => boolean = () => true): Pid => {
    if (a % 11 === 10) return asPid(99);
    if (a % 11 === 9) return pick(all, a)!.pid;
    return (pick(ready.filter(fits), a) ?? pick(ready, a) ?? pick(all, a)!).pid;
  };
  // when every partition is suspended, mostly cut a call short so the run goes on
  const waiting = all.filter((p) => p.status === 'active' && p.wait);
  if (ready.length === 0 && waiting.length > 0 && a % 4 !== 0) return { kind: 'call.interrupt', by: pick(waiting, a)!.pid };
  const other = asPid(b % 13 === 12 ? 77 : pick(all, b)!.pid);
  const portOf = (pid: Pid, k: Port['kind'] | 'any') => {
    const ports = Object.values(state.partitions[pid]?.ports ?? {}).filter((q) => k === 'any' || q.kind === k);
    return asPort(c % 7 === 6 ? 50 + c : pick(ports, c)?.no ?? c % 9);
  };
  const addrOf = (pid: Pid) => {
    const pages = mappingsOf(state, pid).map((m) => m.page);
    const stale = (0x100 + (c % 40)) * PAGE_SIZE;
    return c % 5 === 4 ? stale : (pick(pages, c) ?? 0x100 + (c % 40)) * PAGE_SIZE;
  };
  const scpBy = a % 17 === 16 ? chooseBy() : asPid(1);
  const fdOf = (k: FdEntry['kind']) => {
    const fds = Object.values(state.kernel.fds).filter((e) => e.kind === k).map((e) => e.fd);
    return c % 11 === 10 ? c % 5 : pick(fds, c) ?? 3 + (c % 4);
  };
  const filePath = pick(Object.keys(state.kernel.files), c) ?? `/msg/A.${c % 5}`;
  const hasPort = (k: Port['kind']) => (p: Partition) => Object.values(p.ports).some((q) => q.kind === k);
  const resource: ResourceKind = pick(RESOURCE_KINDS, b)!;
  const size = [1, 100, 4096, 4097, 3 * 4096, 0, -5, 1e9][c % 8]!;
  switch (kind % OP_KINDS) {
    case 0: return { kind: 'lpar.create', by: chooseBy(), name: ['C', 'D', 'E', 'A', 'bad name', ''][b % 6]!, memPages: [4, 8, 32, 0, 5000][c % 5]!, processors: (c % 4) + (b % 3 === 2 ? 9 : 0) };
    case 1: return { kind: 'lpar.limit', by: chooseBy(), pid: other, resource, amount: c % 6 === 5 ? null : c % 40 };
    case 2: {
      // ending is rare, or runs would soon have nobody left to talk to
      const by = chooseBy();
      return { kind: 'lpar.end', by, pid: c % 9 === 0 ? by : c % 9 === 1 ? other : asPid(1 + (c % 2) * 98) };
    }
    case 3:
      // now and then the program takes the answering of a resource's requests on itself, or gives it back [0080]
      if (c % 6 === 5) return { kind: 'policy.ask', by: chooseBy(), resource, ask: b % 3 !== 0 };
      return { kind: 'policy.set', by: chooseBy(), resource, ceiling: (c % 70) - 2 };
    case 4: return { kind: 'cost.set', by: chooseBy(), param: pick(COST_PARAMS, b)!, value: [0, 10, 1500, -1, 1e12][c % 5]! };
    case 5: {
      // the program answers a request it was sent (or one that is not there)
      const ask = pick(Object.values(state.asks), c);
      if (c % 3 !== 2) return { kind: 'resource.answer', by: scpBy, ask: ask?.id ?? asAsk(c % 4), grant: c % 2 === 0, why: b % 5 === 4 ? '' : 'no room' };
      return { kind: 'sched.tick', by: chooseBy(), slices: [1, 3, 0, 17][c % 4]! };
    }
    case 6:
      if (c % 6 === 5) return { kind: 'resource.release', by: chooseBy(), resource, amount: [1, 4, 20, 0][b % 4]! };
      return { kind: 'resource.request', by: chooseBy(), resource, amount: [1, 4, 20, 0, 100][c % 5]! };
    case 7: return { kind: 'event.port', by: chooseBy() };
    case 8: {
      const target = pick(all.filter((p) => hasPort('eventRecv')(p)), b)?.pid ?? other;
      return { kind: 'event.connect', by: chooseBy(), target, port: portOf(target, 'eventRecv') };
    }
    case 9: { const by = chooseBy(hasPort('eventSend')); return { kind: 'event.send', by, port: portOf(by, 'eventSend') }; }
    case 10: { const by = chooseBy(); return { kind: 'event.poll', by, port: portOf(by, 'eventRecv') }; }
    case 11: { const by = chooseBy(); return { kind: 'signal.notify', by, port: portOf(by, 'any') }; }
    case 12: case 13: case 27: return { kind: 'signal.take', by: chooseBy((p) => p.signalQueue.length > 0) };
    case 14: case 15: case 28: {
      const by = chooseBy((p) => p.signalsHeld.length > 0);
      const sig = asSig(pick(state.partitions[by]?.signalsHeld ?? [], c) ?? c % 9);
      return { kind: c % 4 === 3 ? 'signal.deny' : 'signal.permit', by, sig };
    }
    case 16: case 17: case 26: {
      const by = chooseBy();
      const peers = all.filter((p) => p.status === 'active' && p.role === 'guest' && p.pid !== by);
      return { kind: 'channel.connect', by, target: c % 5 === 0 ? other : pick(peers, b)?.pid ?? other };
    }
    case 18: case 19: case 29: {
      const by = chooseBy(hasPort('message'));
      return { kind: 'channel.send', by, port: portOf(by, 'message'), addr: addrOf(by), short: c % 2 ? 'short' : '' };
    }
    case 20: { const by = chooseBy(hasPort('message')); return { kind: 'channel.recv', by, port: portOf(by, 'message') }; }
    case 21: { const by = chooseBy(hasPort('message')); return { kind: 'channel.close', by, port: portOf(by, 'message') }; }
    case 22: return { kind: 'area.reserve', by: chooseBy(), bytes: size };
    case 23: {
      const by = chooseBy((p) => mappingsOf(state, p.pid).length > 0);
      return c % 2 ? { kind: 'area.free', by, addr: addrOf(by) } : { kind: 'mem.write', by, addr: addrOf(by), data: 'x'.repeat(c % 9) };
    }
    case 24: {
      if (c % 3 === 0) return { kind: 'call.interrupt', by: pick(all.filter((p) => p.wait), a)?.pid ?? chooseBy() };
      const by = chooseBy((p) => mappingsOf(state, p.pid).length > 0);
      return { kind: 'mem.read', by, addr: addrOf(by), length: c % 12 };
    }
    case 25: return { kind: 'shm.connect', by: chooseBy(), target: other, bytes: size };
    // the system control program's sockets, and guests asking for its services
    case 30: case 31: {
      const guest = pick(ready.filter((p) => p.role === 'guest'), a)?.pid ?? chooseBy();
      return { kind: 'channel.connectService', by: guest, service: [7, 7, 8, 0][c % 4]! };
    }
    case 42: case 43: case 44: case 45: case 46: case 47: case 48: case 49:
      return advance(state, c) ?? { kind: 'sched.tick', by: asPid(1), slices: 1 };
    case 32: return { kind: 'sys.socket', by: scpBy, domain: c % 7 === 6 ? 'AF_INET' : 'AF_LPAR', type: c % 9 === 8 ? 'SOCK_STREAM' : 'SOCK_SEQPACKET', mode: c % 2 ? 'map' : 'vfile' };
    case 33: return { kind: 'sys.bind', by: scpBy, fd: fdOf('socket'), service: [7, 8, 7, 0, 70000][c % 5]! };
    case 34: return { kind: 'sys.listen', by: scpBy, fd: fdOf('socket'), permit: c % 5 !== 4 };
    case 35: return { kind: c % 3 ? 'sys.permit' : 'sys.deny', by: scpBy, fd: fdOf('socket'), pid: other };
    case 36: case 37: return { kind: 'sys.accept', by: scpBy, fd: fdOf('socket') };
    case 38: if (c % 6 === 5) return { kind: 'sys.msgnew', by: scpBy, fd: fdOf('comm'), bytes: size };
      return { kind: 'sys.read', by: scpBy, fd: fdOf(c % 3 ? 'comm' : 'file'), count: c % 4 ? null : c % 20 };
    case 39: return { kind: 'sys.write', by: scpBy, fd: fdOf(c % 4 ? 'comm' : 'file'), data: c % 3 === 0 ? addrOf(scpBy) : filePath };
    case 40: return { kind: 'sys.select', by: scpBy, fds: [fdOf('comm'), ...(c % 2 ? [fdOf('socket')] : [])].slice(0, 1 + (b % 3)) };
    default: {
      if (c % 4 === 0) return { kind: 'sys.close', by: scpBy, fd: fdOf('comm') };
      if (c % 4 === 1) return { kind: 'sys.open', by: scpBy, path: filePath };
      return { kind: 'sys.unlink', by: scpBy, target: c % 2 ? filePath : addrOf(scpBy) };
    }
  }
}

/**
 * The next step of a whole exchange, read off the state: the system control
 * program's service (Figs. 9, 12) or a guest-to-guest channel (Fig. 6). Mixed
 * with the random ops, these make deep states (open files, mapped messages,
 * queued arrivals) common instead of rare.
 */
function advance(state: LabState, c: number): Command | null {
  const scp = asPid(1);
  const fds = Object.values(state.kernel.fds);
  const guests = Object.values(state.partitions).filter((p) => p.status === 'active' && p.role === 'guest');
  const readyGuest = (pred: (p: Partition) => boolean) => pick(guests.filter((p) => !p.wait && pred(p)), c);
  const ports = (p: Partition) => Object.values(p.ports).filter((q): q is MessagePort => q.kind === 'message');
  const scpWaits = state.partitions[scp]!.wait !== null;
  const listener = fds.find((e) => e.kind === 'socket' && e.listening);
  const unbound = fds.find((e) => e.kind === 'socket' && e.service === null);
  const bound = fds.find((e) => e.kind === 'socket' && e.service !== null && !e.listening);
  const steps: (Command | null)[] = [];
  if (!scpWaits) {
    if (!listener && !unbound && !bound) steps.push({ kind: 'sys.socket', by: scp, domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: c % 2 ? 'map' : 'vfile' });
    if (unbound && !listener) steps.push({ kind: 'sys.bind', by: scp, fd: unbound.fd, service: 7 });
    if (bound) steps.push({ kind: 'sys.listen', by: scp, fd: bound.fd, permit: true });
    if (listener) steps.push({ kind: 'sys.accept', by: scp, fd: listener.fd });
    const comm = pick(fds.filter((e) => e.kind === 'comm'), c);
    if (comm) steps.push({ kind: 'sys.read', by: scp, fd: comm.fd, count: null });
    if (comm && c % 3 === 1) steps.push({ kind: 'sys.msgnew', by: scp, fd: comm.fd, bytes: c % 2 ? 64 : 5000 });
    const file = pick(Object.keys(state.kernel.files), c);
    const openFile = pick(fds.filter((e) => e.kind === 'file'), c);
    if (file && !openFile) steps.push({ kind: 'sys.open', by: scp, path: file });
    if (openFile) steps.push(c % 3 ? { kind: 'sys.read', by: scp, fd: openFile.fd, count: 16 } : { kind: 'sys.write', by: scp, fd: openFile.fd, data: 'granted' });
    if (openFile && c % 2) steps.push({ kind: 'sys.close', by: scp, fd: openFile.fd });
    const mapped = mappingsOf(state, scp).map((m) => m.page * PAGE_SIZE);
    const target = pick([...Object.keys(state.kernel.files), ...mapped], c);
    if (comm && target !== undefined) steps.push(c % 5 === 0 ? { kind: 'sys.unlink', by: scp, target } : { kind: 'sys.write', by: scp, fd: comm.fd, data: target });
  }
  if (listener) {
    const g = readyGuest((p) => ports(p).length === 0);
    if (g) steps.push({ kind: 'channel.connectService', by: g.pid, service: (listener as Extract<FdEntry, { kind: 'socket' }>).service! });
  }
  const withPort = readyGuest((p) => ports(p).length > 0);
  if (withPort) {
    const port = pick(ports(withPort), c)!;
    const addrs = mappingsOf(state, withPort.pid).map((m) => m.page * PAGE_SIZE);
    const addr = pick(addrs, c);
    if (addr === undefined) steps.push({ kind: 'area.reserve', by: withPort.pid, bytes: c % 3 ? 4096 : 9000 });
    else {
      steps.push({ kind: 'mem.write', by: withPort.pid, addr, data: 'hello' });
      steps.push({ kind: 'channel.send', by: withPort.pid, port: port.no, addr, short: 'req' });
      steps.push(c % 2 ? { kind: 'mem.read', by: withPort.pid, addr, length: 5 } : { kind: 'area.free', by: withPort.pid, addr });
    }
    if (port.queue.length) steps.push({ kind: 'channel.recv', by: withPort.pid, port: port.no });
  }
  const asker = readyGuest((p) => ports(p).length === 0);
  const server = pick(guests.filter((p) => p.pid !== asker?.pid), c);
  if (asker && server) steps.push({ kind: 'channel.connect', by: asker.pid, target: server.pid });
  const holder = readyGuest((p) => p.signalQueue.length > 0 || p.signalsHeld.length > 0);
  if (holder) steps.push(holder.signalsHeld[0] !== undefined ? { kind: 'signal.permit', by: holder.pid, sig: holder.signalsHeld[0] } : { kind: 'signal.take', by: holder.pid });
  return pick(steps.filter((x): x is Command => x !== null), c * 7 + 3) ?? null;
}

/** A deterministic op stream from a seed, for tests that need the same ops twice. */
export function seededOps(seed: number, count: number): Op[] {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x;
  };
  return Array.from({ length: count }, () => [next() % OP_KINDS, next() % 1000, next() % 1000, next() % 1000] as const);
}

