// Moving messages over a channel, Fig. 6: reserve an area (S105) mapped into
// the sender (S106), flip it to the receiver (S107), the receiver reads it
// (S108) and discards it (S109); closing discards the ports (S110-S112).

import type { Area, AreaId, Channel, MessagePort, Partition, Pid, PortNo, Result } from '../types.js';
import { PAGE_SIZE, SCP_PID } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, putArea, setWait } from '../tx.js';
import { roomForPages } from '../partition/partitions.js';
import {
  type FlipTags, addressOf, createArea, faultResult, flipArea, GUEST_FLIP, hex, mapArea, pagesFor, releaseArea, resolveAddress, unmapArea,
} from '../memory/areas.js';
import { commSocketOfPort } from '../kernel/fdTable.js';
import { mapCost } from '../costs/costModel.js';
import { messagePortWith, putPort, raiseEvent, removePort } from '../ports/eventPorts.js';
import { words } from '../words.js';

/** Largest area one call may reserve: 16 MiB, so a typo cannot swallow memory. */
export const MAX_AREA_BYTES = 16 * 1024 * 1024;

export function messagePortOf(p: Partition, no: PortNo): MessagePort | Result {
  const port = p.ports[no];
  if (!port) return fail('EBADF', `${p.name} has no channel ${no}`, words('error.messages.hasNoChannel', { name: p.name, no }));
  if (port.kind !== 'message') return fail('EBADF', `port ${no} of ${p.name} is an event port, not a channel's message port`, words('error.messages.portEventPort', { no, name: p.name }));
  return port;
}

const isPort = (x: MessagePort | Result): x is MessagePort => 'kind' in x;

function peerEnd(channel: Channel, pid: Pid) {
  return channel.client.pid === pid ? channel.server : channel.client;
}

/** S105-S106: reserve a message area and map it into the caller's logical space. */
export function reserveArea(tx: Tx, by: Partition, bytes: number): Result {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_AREA_BYTES) {
    return fail('EINVAL', `an area is 1 to ${MAX_AREA_BYTES} bytes; ${bytes} is not`, words('error.messages.areaBytesNot', { maxAreaBytes: MAX_AREA_BYTES, bytes }));
  }
  const pages = pagesFor(bytes);
  const noRoom = roomForPages(tx.s, by.pid, pages);
  if (noRoom) return fail('ENOMEM', noRoom.message, noRoom.words);
  const area = createArea(tx, by.pid, 'message', bytes);
  if (!area) return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${pages} are needed`, words('error.messages.onlyPhysicalFrames', { free: tx.s.frames.free, pages }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S105', kind: 'area.reserve', from: by.pid, to: CONTROL_LANE, area: area.id, frames: area.frames,
    cost: tx.s.costs.hypercall,
    say: ['area.reserve', by.name, bytes, area.frames],
  });
  const page = mapArea(tx, area, by.pid);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S106', kind: 'area.map', from: CONTROL_LANE, to: by.pid, area: area.id, page, frames: area.frames,
    cost: mapCost(tx.s.costs, pages),
    say: ['area.mapOwn', by.name, page],
  });
  return ok(addressOf(page));
}

/**
 * The step a touch of a mapped area shows: the system control program's
 * direct access in direct-map mode (S309(b) reads, S310(b) writes, [0102],
 * [0121]); a guest reading what it received (S108); a shared area [0056] c);
 * otherwise a partition touching an area of its own [0066].
 */
function accessTag(by: Partition, area: Area, write: boolean): PatentTag {
  if (area.kind === 'shared') return '[0056]';
  if (by.pid === SCP_PID) return write ? 'S310(b)' : 'S309(b)';
  return area.arrived && !write ? 'S108' : '[0066]';
}

/** poke: write into a mapped area; a fault if nothing is mapped there [0070]. */
export function writeMemory(tx: Tx, by: Partition, addr: number, data: string): Result {
  const at = resolveAddress(tx.s, by, addr);
  if (!at) return faultResult(tx, by, addr);
  const limit = at.area.frames.length * PAGE_SIZE;
  if (at.offset + data.length > limit) return fail('EFAULT', `writing ${data.length} bytes at ${hex(addr)} runs past the end of the area`, words('error.messages.writingBytesRuns', { length: data.length, addr: hex(addr) }));
  const old = at.area.data.padEnd(at.offset, '\0');
  const next = old.slice(0, at.offset) + data + old.slice(at.offset + data.length);
  putArea(tx, { ...at.area, data: next });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: accessTag(by, at.area, true), kind: 'area.write', from: by.pid, to: by.pid, area: at.area.id, page: Math.floor(addr / PAGE_SIZE),
    say: ['area.write', by.name, data, addr],
  });
  return ok(data.length);
}

/** peek: read from a mapped area (S108 for a receiver); a fault if nothing is mapped there [0070]. */
export function readMemory(tx: Tx, by: Partition, addr: number, length: number): Result {
  if (!Number.isInteger(length) || length < 0 || length > MAX_AREA_BYTES) return fail('EINVAL', `cannot read ${length} bytes`, words('error.messages.cannotReadBytes', { length }));
  const at = resolveAddress(tx.s, by, addr);
  if (!at) return faultResult(tx, by, addr);
  if (at.offset + length > at.area.frames.length * PAGE_SIZE) return fail('EFAULT', `reading ${length} bytes at ${hex(addr)} runs past the end of the area`, words('error.messages.readingBytesRuns', { length, addr: hex(addr) }));
  const text = at.area.data.slice(at.offset, at.offset + length).replace(/\0+$/, '');
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: accessTag(by, at.area, false), kind: 'area.read', from: by.pid, to: by.pid, area: at.area.id, page: Math.floor(addr / PAGE_SIZE),
    say: ['area.read', by.name, text, addr],
  });
  return ok(text);
}

/** S107: send the area at `addr` over the channel: the ownership flip, then the arrival event [0064]. */
export function sendArea(tx: Tx, by: Partition, no: PortNo, addr: number, short: string): Result {
  const port = messagePortOf(by, no);
  if (!isPort(port)) return port;
  const channel = tx.s.channels[port.chan]!;
  const peer = peerEnd(channel, by.pid);
  // the peer's end is gone once it closed (S110): closeChannel marks this port peerClosed in the same step
  if (peer.port === null) return fail('EPIPE', `the other end of channel ${no} has closed: nobody will receive`, words('error.messages.otherEndChannel', { no }));
  const at = resolveAddress(tx.s, by, addr);
  if (!at) return faultResult(tx, by, addr);
  if (at.area.kind !== 'message') return fail('EINVAL', `${hex(addr)} is a shared area; only a message area can be sent`, words('error.messages.sharedAreaOnly', { addr: hex(addr) }));
  if (at.offset !== 0) return fail('EINVAL', `${hex(addr)} is inside an area; send it by its first address`, words('error.messages.insideAreaSend', { addr: hex(addr) }));
  const pages = at.area.frames.length;
  const receiver = tx.s.partitions[peer.pid]!;
  const noRoom = roomForPages(tx.s, peer.pid, pages);
  if (noRoom) return fail('ENOMEM', `${receiver.name} cannot take the area: ${noRoom.message}`, words('error.messages.cannotTakeArea', { receiver: receiver.name, why: noRoom.words }));
  // to the system control program, its kernel receives the area (S307-S308); to a guest, S107
  const toKernel = peer.pid === SCP_PID;
  // Stryker disable next-line OptionalChaining: equivalent, the program's end of a channel lives exactly as long as its communication socket (made together at accept, closed together, kernel/sockets.ts)
  const mode = toKernel ? commSocketOfPort(tx.s, peer.port)?.mode : undefined;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: toKernel ? 'S307' : 'S107', kind: 'message.send', from: by.pid, to: CONTROL_LANE, area: at.area.id, chan: channel.id,
    cost: tx.s.costs.hypercall,
    say: ['message.send', by.name, addr, no, short],
  });
  unqueue(tx, by, at.area.id);
  const tags: FlipTags = toKernel ? { unmap: 'S307', flip: mode === 'map' ? 'S308(b)' : 'S308(a)', map: null } : GUEST_FLIP;
  flipArea(tx, at.area.id, by.pid, peer.pid, tags);
  deliver(tx, peer.pid, peer.port, { area: at.area.id, short });
  return ok(at.area.size);
}

/**
 * An arrived area is mapped in the receiver from S107 on, so it may be freed
 * or sent on before recv took it: then it leaves its port's queue too.
 */
export function unqueue(tx: Tx, by: Partition, area: AreaId): void {
  // only an area that arrived by a flip can wait in a queue (deliver follows flipArea, which sets `arrived`)
  // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, both callers pass an area that exists, and one that never arrived is in no queue, so the loop below would drop nothing
  if (!tx.s.areas[area]?.arrived) return;
  for (const port of Object.values(by.ports)) {
    // Stryker disable next-line ConditionalExpression: equivalent, the filter below drops only this area, so a port without it is put back as it was
    if (port.kind === 'message' && port.queue.some((q) => q.area === area)) {
      putPort(tx, by.pid, messagePortWith(port, port.queue.filter((q) => q.area !== area), port.peerClosed));
    }
  }
}

/** Queue an arrived area at the receiver's message port (a recv waiting there wakes when the step settles). */
export function deliver(tx: Tx, pid: Pid, no: PortNo, arrival: MessagePort['queue'][number]): void {
  const receiver = tx.s.partitions[pid]!;
  const port = receiver.ports[no] as MessagePort;
  const wasEmpty = port.queue.length === 0;
  putPort(tx, pid, messagePortWith(port, [...port.queue, arrival], port.peerClosed));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: '[0064]', kind: 'message.queue', from: CONTROL_LANE, to: pid, port: no, area: arrival.area,
    say: ['message.queue', receiver.name, no],
  });
  if (wasEmpty) raiseEvent(tx, CONTROL_LANE, pid, port.eventPort, '[0064]', ['why.message', no]);
}

/** recv's answer: the oldest arrival at `no`, or 0 (end of file) when none is queued. */
export function takeArrival(tx: Tx, by: Partition, no: PortNo): Result {
  const port = by.ports[no] as MessagePort;
  const first = port.queue[0];
  if (!first) return ok(0);
  putPort(tx, by.pid, messagePortWith(port, port.queue.slice(1), port.peerClosed));
  const area = tx.s.areas[first.area]!;
  // Stryker disable next-line ConditionalExpression: equivalent, an arrived area is mapped only in its receiver (the flip, S107, unmapped it from the sender)
  const page = area.maps.find((m) => m.pid === by.pid)!.page;
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: 'S108', kind: 'message.take', from: by.pid, to: by.pid, port: no, area: area.id, page,
    say: ['message.take', by.name, area.size, page, first.short],
  });
  return ok({ addr: addressOf(page), size: area.size, short: first.short });
}

/** recv: the oldest arrival, end of file (0) once the peer closed, else wait. */
export function receive(tx: Tx, by: Partition, no: PortNo): Result {
  const port = messagePortOf(by, no);
  if (!isPort(port)) return port;
  if (port.queue.length > 0) return takeArrival(tx, by, no);
  if (port.peerClosed) return ok(0);
  setWait(tx, by.pid, { call: 'recv', port: no });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: '[0064]', kind: 'call.suspend', from: by.pid, to: by.pid, port: no, say: ['recv.wait', by.name, no] });
  return ok(null);
}

/** S109: discard an area: unmap it and give the frames back. A shared area's guest only drops its own mapping. */
export function freeArea(tx: Tx, by: Partition, addr: number): Result {
  const at = resolveAddress(tx.s, by, addr);
  if (!at) return faultResult(tx, by, addr);
  if (at.offset !== 0) return fail('EINVAL', `${hex(addr)} is inside an area; free it by its first address`, words('error.messages.insideAreaFree', { addr: hex(addr) }));
  const { area } = at;
  // Stryker disable next-line ConditionalExpression: equivalent, a message area is mapped only in its owner (an invariant), so only a shared area can be freed by another
  if (area.kind === 'shared' && area.owner !== by.pid) {
    const cost = unmapArea(tx, area.id, by.pid);
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: '[0056]', kind: 'shm.unmap', from: CONTROL_LANE, to: by.pid, area: area.id, frames: area.frames, cost,
      say: ['shm.unmap', by.name, tx.s.partitions[area.owner]!.name],
    });
    return ok(0);
  }
  unqueue(tx, by, area.id);
  releaseArea(tx, area.id);
  emit(tx, {
    seq: PENDING, at: PENDING,
    // S109 is the receiver discarding what it received; an area never sent is the lab's own discard
    tag: area.kind === 'shared' ? '[0056]' : area.arrived ? 'S109' : 'lab:free', kind: 'area.discard', from: by.pid, to: CONTROL_LANE, area: area.id,
    frames: area.frames, cost: tx.s.costs.hypercall,
    say: ['area.discard', by.name, area.frames],
  });
  return ok(0);
}

/**
 * close: discard this end's port. The first end to close is S110 and the peer
 * is told by event (S111); the second end's close is S112 and ends the channel.
 * Areas still queued at the port go back to free memory, so nothing leaks.
 */
export function closeChannel(tx: Tx, by: Partition, no: PortNo, tags?: { readonly discard: PatentTag; readonly notify: PatentTag }): Result {
  const port = messagePortOf(by, no);
  if (!isPort(port)) return port;
  const channel = tx.s.channels[port.chan]!;
  const peer = peerEnd(channel, by.pid);
  for (const arrival of port.queue) releaseArea(tx, arrival.area);
  removePort(tx, by.pid, no);
  removePort(tx, by.pid, port.eventPort);
  const second = peer.port === null;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: tags?.discard ?? (second ? 'S112' : 'S110'), kind: second ? 'peer.discard' : 'port.discard', from: by.pid, to: CONTROL_LANE,
    chan: channel.id, port: no, cost: tx.s.costs.hypercall,
    say: ['port.discard', by.name, no, port.queue.length],
  });
  if (second) {
    const { [channel.id]: _gone, ...channels } = tx.s.channels;
    tx.s.channels = channels;
    return ok(0);
  }
  const end = channel.client.pid === by.pid ? 'client' : 'server';
  tx.s.channels = { ...tx.s.channels, [channel.id]: { ...channel, [end]: { pid: by.pid, port: null } } };
  const peerPort = tx.s.partitions[peer.pid]!.ports[peer.port] as MessagePort;
  putPort(tx, peer.pid, messagePortWith(peerPort, peerPort.queue, true));
  raiseEvent(tx, CONTROL_LANE, peer.pid, peerPort.eventPort, tags?.notify ?? 'S111', ['why.peerClosed', peer.port]);
  return ok(0);
}
