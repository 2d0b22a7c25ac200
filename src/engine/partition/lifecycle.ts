// Making, limiting and ending logical partitions [0049], [0053]-[0055].
// The control OS and the system control program create a partition empty and
// unlimited; the program then grants memory and processors and sets limits.
// Ending stops its processors, closes its channels (peers are told by event),
// refuses what it was asked, and returns every frame it held.

import type { Limits, MessagePort, Partition, Pid, ResourceKind, Result } from '../types.js';
import { asPid, FREE, SCP_PID } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, putPartition, updatePartition } from '../tx.js';
import { areaBasePage, newPartition, usageOf } from './partitions.js';
import { leastLoadedUnit, placeLp, stopLps, unitPlace } from '../machine/processors.js';
import { claimFrames, setOwners } from '../memory/frameTable.js';
import { createRecvPort } from '../ports/eventPorts.js';
import { releaseArea, unmapArea } from '../memory/areas.js';
import { closeChannel } from '../channels/messages.js';
import { refuse } from '../channels/connections.js';
import { withdrawAsk } from '../policy/asks.js';
import { withdrawSignal } from '../ports/controlSignals.js';
import { words } from '../words.js';

export const NAME_PATTERN = /^[A-Z][A-Za-z0-9_]{0,15}$/;
export const MAX_LPS_PER_PARTITION = 8;

/**
 * Create a partition with `memPages` of memory and `processors` logical
 * processors. `placement` may pin each processor to units; by default each
 * goes to the least loaded unit. Returns the new partition id.
 */
export function createPartition(
  tx: Tx,
  name: string,
  role: Partition['role'],
  memPages: number,
  processors: number,
  placement?: readonly (readonly number[])[],
): Result {
  if (Object.values(tx.s.partitions).some((p) => p.name === name)) return fail('EADDRINUSE', `there is already a partition named ${name}`, words('error.lifecycle.thereAlreadyPartition', { name }));
  if (!Number.isInteger(memPages) || memPages < 1) return fail('EINVAL', `memory pages must be a whole number of at least 1, not ${memPages}`, words('error.lifecycle.memoryPagesMust', { memPages }));
  if (!Number.isInteger(processors) || processors < 1 || processors > MAX_LPS_PER_PARTITION) {
    return fail('EINVAL', `logical processors must be 1 to ${MAX_LPS_PER_PARTITION}, not ${processors}`, words('error.lifecycle.logicalProcessorsMust', { maxLpsPerPartition: MAX_LPS_PER_PARTITION, processors }));
  }
  if (memPages > tx.s.frames.free) return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${name} needs ${memPages}`, words('error.lifecycle.onlyPhysicalFrames', { free: tx.s.frames.free, name, memPages }));

  const pid = asPid(tx.s.nextPid);
  tx.s.nextPid += 1;
  putPartition(tx, newPartition(pid, name, role, areaBasePage(tx.s.config.frames)));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0053]', kind: 'lpar.create', from: SCP_PID, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
    say: ['lpar.create', pid, name],
  });

  // [0053] ends here: the partition exists, empty and unlimited. Granting it
  // resources in the same call is the lab's lpar_create doing two steps at once.
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'lab:provision', kind: 'resource.grant', from: SCP_PID, to: pid, cost: tx.s.costs.hypercall,
    say: ['lpar.provision', name, memPages, processors],
  });
  // memPages <= the free frames was checked above and nothing has been claimed since
  const claimed = claimFrames(tx.s.frames, memPages, pid, 0)!;
  tx.s.frames = claimed.table;
  updatePartition(tx, pid, (p) => ({ ...p, ram: claimed.frames, ramGranted: memPages }));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: '[0051]', kind: 'resource.alloc', from: CONTROL_LANE, to: pid, frames: claimed.frames,
    say: ['lpar.memory', name, memPages],
  });

  for (let i = 0; i < processors; i++) {
    const units = placement?.[i] ?? [leastLoadedUnit(tx.s.machine)];
    const placed = placeLp(tx.s.machine, pid, units);
    tx.s.machine = placed.machine;
    const where = units.map((u) => unitPlace(tx.s.machine, u));
    const shared = units.some((u) => tx.s.machine.units[u]!.queue.length > 1);
    emit(tx, {
      seq: PENDING, at: PENDING, cost: 0,
      tag: '[0054]', kind: 'lp.place', from: CONTROL_LANE, to: pid,
      say: ['lp.place', placed.lp, name, where, units.length > 1, shared],
    });
  }

  // the control signal port raises this receive port when a signal arrives [0057]
  const notify = createRecvPort(tx, pid);
  updatePartition(tx, pid, (p) => ({ ...p, signalNotify: notify }));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: '[0049]', kind: 'lpar.create', from: SCP_PID, to: pid,
    say: ['lpar.start', name, role === 'system', notify],
  });
  return ok(pid);
}

/** limit(C, mem, 16): [0055] the amount C may take without asking. Not below what it already uses. */
export function limitPartition(tx: Tx, pid: Pid, resource: ResourceKind, amount: number | null): Result {
  const p = tx.s.partitions[pid];
  if (!p) return fail('ESRCH', `there is no partition ${pid}`, words('error.lifecycle.thereNoPartition', { pid }));
  if (p.status !== 'active') return fail('EINVAL', `${p.name} has ended`, words('error.lifecycle.hasEnded', { name: p.name }));
  if (amount !== null && (!Number.isInteger(amount) || amount < 0)) return fail('EINVAL', `a limit is a whole number of at least 0, not ${amount}`, words('error.lifecycle.limitWholeNumber', { amount }));
  const used = usageOf(tx.s, pid)[resource];
  if (amount !== null && amount < used) {
    return fail('EINVAL', `${p.name} already uses ${used} ${resource}; a limit below that would be broken at once`, words('error.lifecycle.alreadyUsesLimit', { name: p.name, used, resource }));
  }
  const limits: Limits = { ...p.limits, [resource]: amount };
  updatePartition(tx, pid, (q) => ({ ...q, limits }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0055]', kind: 'lpar.limit', from: SCP_PID, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
    say: ['lpar.limit', p.name, amount, resource],
  });
  return ok(0);
}

/**
 * End a partition: stop, close, refuse, release. Nothing it held stays
 * allocated. [0053] when its own guest OS asks; `lab:end` when the system
 * control program ends it (the lab's extension). Its channels close as in
 * S110-S111: its ports are discarded and each peer is told by event.
 */
export function endPartition(tx: Tx, pid: Pid, tag: '[0053]' | 'lab:end'): Result {
  const p = tx.s.partitions[pid];
  if (!p) return fail('ESRCH', `there is no partition ${pid}`, words('error.lifecycle.thereNoPartition', { pid }));
  if (pid === SCP_PID) return fail('EACCES', 'the system control OS cannot be ended: it runs the policy', words('error.lifecycle.systemControlOs'));
  if (p.status !== 'active') return fail('EINVAL', `${p.name} has already ended`, words('error.lifecycle.hasAlreadyEnded', { name: p.name }));

  // its own request, if it was waiting for one, is withdrawn
  if (p.wait && 'sig' in p.wait) {
    const sig = tx.s.signals[p.wait.sig];
    if (sig?.request.kind === 'share') releaseArea(tx, sig.request.area);
    withdrawSignal(tx, p.wait.sig);
  }
  // a resource request it sent the program goes unanswered [0053]: the lab withdraws it
  if (p.wait && 'ask' in p.wait) withdrawAsk(tx, p.wait.ask, null, 'lab:answer');
  updatePartition(tx, pid, (q) => ({ ...q, wait: null }));
  // requests made of it are refused
  for (const sig of [...p.signalQueue, ...p.signalsHeld]) {
    // each is a live signal: refusing one withdraws only that one
    // [0053] says nothing of requests left unanswered: refusing them is the lab's rule
    refuse(tx, tx.s.signals[sig]!, { errno: 'ECONNREFUSED', message: `${p.name} ended before answering`, words: words('error.lifecycle.endedBeforeAnswering', { name: p.name }) }, 'lab:answer');
  }
  // its channels close; each peer is told by event
  for (const port of Object.values(tx.s.partitions[pid]!.ports)) {
    if (port.kind === 'message') closeChannel(tx, tx.s.partitions[pid]!, (port as MessagePort).no);
  }
  // send ports elsewhere that reached its receive ports now lead nowhere
  for (const other of Object.values(tx.s.partitions)) {
    const dead = Object.values(other.ports).filter((q) => q.kind === 'eventSend' && q.to?.pid === pid);
    if (dead.length === 0) continue;
    updatePartition(tx, other.pid, (o) => {
      const ports = { ...o.ports };
      for (const q of dead) ports[q.no] = { ...q, kind: 'eventSend', to: null };
      return { ...o, ports };
    });
  }
  // areas: the ones it owns go back to free memory; shared areas of others drop its mapping
  for (const area of Object.values(tx.s.areas)) {
    if (area.owner === pid) releaseArea(tx, area.id);
    else if (area.maps.some((m) => m.pid === pid)) unmapArea(tx, area.id, pid);
  }
  const { machine, stopped } = stopLps(tx.s.machine, pid);
  tx.s.machine = machine;
  const ram = tx.s.partitions[pid]!.ram;
  tx.s.frames = setOwners(tx.s.frames, ram, FREE);
  updatePartition(tx, pid, (q) => ({
    ...q, status: 'ended', ram: [], ramGranted: 0, ports: {}, signalQueue: [], signalsHeld: [],
    signalNotify: null, cpuUsed: 0, held: { devices: 0, cache: 0, bus: 0 },
  }));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag, kind: 'lp.stop', from: CONTROL_LANE, to: pid,
    say: ['lp.stop', p.name, stopped.length],
  });
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'lpar.end', from: CONTROL_LANE, to: pid, frames: ram, cost: tx.s.costs.hypercall,
    say: ['lpar.end', p.name, ram.length],
  });
  return ok(0);
}
