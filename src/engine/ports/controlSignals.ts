// The control signal port [0056]-[0057]: each partition has one, and requests
// from other partitions (connect event ports, connect a message channel,
// connect shared memory) queue there. The queue has no depth limit but the
// receiver's memory: each queued signal is charged to the receiver's
// control-OS management memory. A signal reaching an empty port raises an
// event on the receive port the partition chose.

import type { ControlSignal, Partition, Pid, Result, SigId, SignalRequest } from '../types.js';
import { asSig } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, updatePartition } from '../tx.js';
import { fitsLimit, MGMT_BYTES_PER_SIGNAL } from '../partition/partitions.js';
import { raiseEvent, recvPortOf } from './eventPorts.js';
import { words } from '../words.js';

/** Queue a control signal at `to`'s port; ENOMEM when `to` cannot pay for the queue entry. */
export function queueSignal(tx: Tx, from: Pid, to: Pid, request: SignalRequest, tag: PatentTag): { ok: true; sig: SigId } | { ok: false; result: Result } {
  const target = tx.s.partitions[to]!;
  if (!fitsLimit(tx.s, to, 'mgmt', MGMT_BYTES_PER_SIGNAL)) {
    return { ok: false, result: fail('ENOMEM', `${target.name}'s management memory is at its limit, so its control signal port cannot take another request [0057]`, words('error.controlSignals.sManagementMemory', { target: target.name })) };
  }
  const sig = asSig(tx.s.nextSig);
  const signal: ControlSignal = { id: sig, from, to, request };
  tx.s.nextSig += 1;
  tx.s.signals = { ...tx.s.signals, [sig]: signal };
  const wasEmpty = target.signalQueue.length === 0;
  updatePartition(tx, to, (p) => ({ ...p, signalQueue: [...p.signalQueue, sig] }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'signal.queue', from: CONTROL_LANE, to, sig, cost: tx.s.costs.hypercall,
    say: ['signal.queue', sig, target.name, tx.s.partitions[from]!.name, request],
  });
  if (wasEmpty && target.signalNotify !== null) {
    raiseEvent(tx, CONTROL_LANE, to, target.signalNotify, '[0057]', ['why.signal']);
  }
  return { ok: true, sig };
}

/** signal(): take the oldest queued signal [0057]; it is held until permitted or denied. */
export function takeSignal(tx: Tx, by: Partition): Result {
  const [sig, ...rest] = by.signalQueue;
  if (sig === undefined) return fail('EAGAIN', `${by.name}'s control signal port is empty: nothing to pick up yet`, words('error.controlSignals.sControlSignal', { name: by.name }));
  updatePartition(tx, by.pid, (p) => ({ ...p, signalQueue: rest, signalsHeld: [...p.signalsHeld, sig] }));
  const signal = tx.s.signals[sig]!;
  const from = tx.s.partitions[signal.from]!.name;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0057]', kind: 'signal.take', from: by.pid, to: CONTROL_LANE, sig, cost: tx.s.costs.hypercall,
    say: ['signal.take', by.name, sig, from, signal.request],
  });
  return ok(signalValue(tx, signal));
}

export function signalValue(tx: Tx, signal: ControlSignal) {
  return { sig: signal.id, from: tx.s.partitions[signal.from]!.name, request: signal.request.kind };
}

/** Choose the receive port raised when a signal reaches the empty control port [0057]. */
export function setSignalNotify(tx: Tx, by: Partition, port: Parameters<typeof recvPortOf>[1]): Result {
  if (!by.ports[port]) return fail('EBADF', `${by.name} has no port ${port}`, words('error.controlSignals.hasNoPort', { name: by.name, port }));
  if (!recvPortOf(by, port)) return fail('EINVAL', `port ${port} of ${by.name} is not an event receive port`, words('error.controlSignals.portNotEvent', { port, name: by.name }));
  updatePartition(tx, by.pid, (p) => ({ ...p, signalNotify: port }));
  return ok(0);
}

/**
 * Take a live signal out of wherever it waits (queue or held) and forget it.
 * Callers pass one their asker still waits on, which lives until answered.
 */
export function withdrawSignal(tx: Tx, sig: SigId): void {
  const signal = tx.s.signals[sig]!;
  updatePartition(tx, signal.to, (p) => ({
    ...p,
    signalQueue: p.signalQueue.filter((s) => s !== sig),
    signalsHeld: p.signalsHeld.filter((s) => s !== sig),
  }));
  const { [sig]: _gone, ...signals } = tx.s.signals;
  tx.s.signals = signals;
}
