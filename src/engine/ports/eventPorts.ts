// Event ports [0063]-[0064]: one-way, one-to-one, from a send port to a
// receive port, between partitions or inside one. The receive port keeps a
// single pending bit: no queue and no count, so an event that arrives while
// one is pending merges into it. The sender may send without limit; an
// arrival is an interrupt to the receiver.

import type { EventRecvPort, LabState, MessagePort, Partition, Pid, Port, PortNo, Result } from '../types.js';
import type { PatentTag } from '../event.js';
import type { Narration } from '../narration.js';
import { asPort } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, setPorts, updatePartition } from '../tx.js';
import { fitsLimit, MGMT_BYTES_PER_PORT } from '../partition/partitions.js';
import { assertNever } from '../assertNever.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

/**
 * Give `pid` a new port built by `make`; returns its number, or null when the
 * port table would pass the partition's management-memory [0051] d) or, for
 * an event port, its event-port [0051] e) limit.
 */
export function addPort(tx: Tx, pid: Pid, make: (no: PortNo) => Port): PortNo | null {
  if (!fitsLimit(tx.s, pid, 'mgmt', MGMT_BYTES_PER_PORT)) return null;
  let no = asPort(0);
  const port = make(asPort(tx.s.partitions[pid]!.nextPort));
  if (port.kind !== 'message' && !fitsLimit(tx.s, pid, 'events', 1)) return null;
  updatePartition(tx, pid, (p) => {
    no = port.no;
    return { ...p, ports: { ...p.ports, [no]: port }, nextPort: p.nextPort + 1 };
  });
  return no;
}

export function putPort(tx: Tx, pid: Pid, port: Port): void {
  setPorts(tx, pid, { ...tx.s.partitions[pid]!.ports, [port.no]: port });
}

/** A message port with its queue and end-of-channel flag replaced, written out (spreading is slow in V8). */
export function messagePortWith(port: MessagePort, queue: MessagePort['queue'], peerClosed: boolean): MessagePort {
  return { kind: 'message', no: port.no, chan: port.chan, eventPort: port.eventPort, queue, peerClosed };
}

export function removePort(tx: Tx, pid: Pid, no: PortNo): void {
  updatePartition(tx, pid, (p) => {
    const { [no]: _gone, ...ports } = p.ports;
    return { ...p, ports };
  });
}

export const newRecvPort = (no: PortNo): EventRecvPort => ({ kind: 'eventRecv', no, pending: false });

/** A new event receive port in `pid`, if its limits allow. */
export function createRecvPort(tx: Tx, pid: Pid): PortNo | null {
  return addPort(tx, pid, newRecvPort);
}

export function recvPortOf(p: Partition, no: PortNo): EventRecvPort | undefined {
  const port = p.ports[no];
  return port?.kind === 'eventRecv' ? port : undefined;
}

/**
 * Who may raise receive port `no` of `pid` besides the control OS: the send
 * port connected to it, if any. A connection is one-to-one [0063].
 */
export function senderOf(state: LabState, pid: Pid, no: PortNo): { readonly pid: Pid; readonly port: PortNo } | null {
  for (const p of Object.values(state.partitions)) {
    for (const port of Object.values(p.ports)) {
      if (port.kind === 'eventSend' && port.to?.pid === pid && port.to.port === no) return { pid: p.pid, port: port.no };
    }
  }
  return null;
}

/**
 * Is receive port `no` tied to something the control OS raises itself: a
 * message port [0062] or the control signal port [0057]? Then no send port
 * may connect to it.
 */
export function raisedByControl(p: Partition, no: PortNo): boolean {
  if (p.signalNotify === no) return true;
  return Object.values(p.ports).some((q) => q.kind === 'message' && q.eventPort === no);
}

/**
 * Deliver an event to `pid`'s receive port `no`. If the bit is already set the
 * event merges into it [0063]: still one pending bit, nothing is counted.
 */
export function raiseEvent(tx: Tx, from: Pid | typeof CONTROL_LANE, pid: Pid, no: PortNo, tag: PatentTag, why: Narration): void {
  const target = tx.s.partitions[pid];
  const port = target && recvPortOf(target, no);
  if (!target || !port || target.status !== 'active') return;
  if (port.pending) {
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag, kind: 'event.merge', from, to: pid, port: no, cost: tx.s.costs.eventDelivery,
      say: ['event.merge', target.name, no, why],
    });
    return;
  }
  putPort(tx, pid, { kind: 'eventRecv', no: port.no, pending: true });
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'event.raise', from, to: pid, port: no, cost: tx.s.costs.eventDelivery,
    say: ['event.raise', target.name, no, why],
  });
}

export function sendEvent(tx: Tx, by: Partition, no: PortNo): Result {
  const port = by.ports[no];
  if (!port) return fail('EBADF', `${by.name} has no port ${no}`, words('error.eventPorts.hasNoPort', { name: by.name, no }));
  if (port.kind !== 'eventSend') return fail('EINVAL', `port ${no} of ${by.name} is ${aPortKind(port)}, not an event send port`, words('error.eventPorts.portNotEvent', { no, name: by.name, port: aPortKindWords(port) }));
  if (!port.to || tx.s.partitions[port.to.pid]?.status !== 'active') {
    return fail('EPIPE', `the receive port that ${by.name}'s port ${no} was connected to is gone`, words('error.eventPorts.receivePortThat', { name: by.name, no }));
  }
  raiseEvent(tx, by.pid, port.to.pid, port.to.port, '[0063]', ['why.sent', by.name, no]);
  return ok(0);
}

export function pollEvent(tx: Tx, by: Partition, no: PortNo): Result {
  const port = by.ports[no];
  if (!port) return fail('EBADF', `${by.name} has no port ${no}`, words('error.eventPorts.hasNoPort', { name: by.name, no }));
  if (port.kind !== 'eventRecv') return fail('EINVAL', `port ${no} of ${by.name} is ${aPortKind(port)}, not an event receive port`, words('error.eventPorts.portNotEvent2', { no, name: by.name, port: aPortKindWords(port) }));
  const was = port.pending ? 1 : 0;
  if (port.pending) putPort(tx, by.pid, { kind: 'eventRecv', no: port.no, pending: false });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: '[0063]', kind: 'event.poll', from: by.pid, to: by.pid, port: no,
    say: ['event.poll', by.name, no, was === 1],
  });
  return ok(was);
}

/** What a port is, with its article: "an event receive port", "a message port". */
const PORT_KIND_KEY: Readonly<Record<Port['kind'], string>> = { message: 'error.portKind.message', eventRecv: 'error.portKind.eventRecv', eventSend: 'error.portKind.eventSend' };

function aPortKindWords(port: Port): Words {
  return words(PORT_KIND_KEY[port.kind]);
}

function aPortKind(port: Port): string {
  return port.kind === 'message' ? 'a message port' : `an ${portKindName(port)}`;
}

export function portKindName(port: Port): string {
  switch (port.kind) {
    case 'eventRecv': return 'event receive port';
    case 'eventSend': return 'event send port';
    case 'message': return 'message port';
    default: return assertNever(port);
  }
}
