// Random operations for the model-based property test and the determinism
// test: each op is a few numbers turned into a command against the current
// state, so most are plausible (real ports, real addresses) and some are not
// (unknown ports, unmapped addresses, ended partitions, silly sizes).

import type { Command } from './command.js';
import type { LabState, Partition, Pid, Port, ResourceKind } from './types.js';
import { asPid, asPort, asSig, PAGE_SIZE, RESOURCE_KINDS } from './types.js';
import { COST_PARAMS } from './costs/costModel.js';

export type Op = readonly [kind: number, a: number, b: number, c: number];

const pick = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

export const OP_KINDS = 30;

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
    const pages = Object.keys(state.partitions[pid]?.mappings ?? {}).map(Number);
    const stale = (0x100 + (c % 40)) * PAGE_SIZE;
    return c % 5 === 4 ? stale : (pick(pages, c) ?? 0x100 + (c % 40)) * PAGE_SIZE;
  };
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
    case 3: return { kind: 'policy.set', by: chooseBy(), resource, ceiling: (c % 70) - 2 };
    case 4: return { kind: 'cost.set', by: chooseBy(), param: pick(COST_PARAMS, b)!, value: [0, 10, 1500, -1, 1e12][c % 5]! };
    case 5: return { kind: 'sched.tick', by: chooseBy(), slices: [1, 3, 0, 17][c % 4]! };
    case 6: return { kind: 'resource.request', by: chooseBy(), resource, amount: [1, 4, 20, 0, 100][c % 5]! };
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
      const by = chooseBy((p) => Object.keys(p.mappings).length > 0);
      return c % 2 ? { kind: 'area.free', by, addr: addrOf(by) } : { kind: 'mem.write', by, addr: addrOf(by), data: 'x'.repeat(c % 9) };
    }
    case 24: {
      if (c % 3 === 0) return { kind: 'call.interrupt', by: pick(all.filter((p) => p.wait), a)?.pid ?? chooseBy() };
      const by = chooseBy((p) => Object.keys(p.mappings).length > 0);
      return { kind: 'mem.read', by, addr: addrOf(by), length: c % 12 };
    }
    default: return { kind: 'shm.connect', by: chooseBy(), target: other, bytes: size };
  }
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

