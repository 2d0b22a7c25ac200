// Asking and answering: a partition asks another, through the control OS and
// the other's control signal port, to connect a message channel (S101-S104,
// [0060]-[0062]), an event port ([0056] a)) or a shared memory area
// ([0056] c)). The asker's call suspends until the other permits or denies.

import type { ControlSignal, LabError, MessagePort, Partition, Pid, PortNo, Result, SigId, Wait } from '../types.js';
import { asChan } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import type { Tx } from '../tx.js';
import { complete, emit, fail, ok, PENDING, setWait } from '../tx.js';
import { queueSignal, withdrawSignal } from '../ports/controlSignals.js';
import { addPort, createRecvPort, raiseEvent, raisedByControl, recvPortOf, senderOf } from '../ports/eventPorts.js';
import { fitsLimit, roomForPages } from '../partition/partitions.js';
import { MAX_AREA_BYTES } from './messages.js';
import { addressOf, createArea, mapArea, pagesFor, releaseArea } from '../memory/areas.js';
import type { Narration } from '../narration.js';
import { assertNever } from '../assertNever.js';
import { withdrawAsk } from '../policy/asks.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

/** Check the target of a request: an active partition, other than the asker unless `self` is allowed. */
function checkPeer(tx: Tx, by: Partition, target: Pid, self = false): Partition | Result {
  const peer = tx.s.partitions[target];
  if (!peer) return fail('ESRCH', `there is no partition ${target}`, words('error.connections.thereNoPartition', { target }));
  if (peer.pid === by.pid && !self) return fail('EINVAL', `${by.name} cannot connect to itself`, words('error.connections.cannotConnectItself', { name: by.name }));
  if (peer.status !== 'active') return fail('ECONNREFUSED', `${peer.name} has ended; nobody is there to answer`, words('error.connections.hasEndedNobody', { peer: peer.name }));
  return peer;
}

/** A wait that `suspend` starts; recv suspends itself, naming its port (channels/messages.ts). */
type SuspendedWait = Exclude<Wait, { readonly call: 'recv' } | { readonly call: 'request' }>;

/** The step a suspended call waits in: each waits for the answer its own request asked for. */
function suspendTag(wait: SuspendedWait, toService: boolean): PatentTag {
  switch (wait.call) {
    case 'accept': return 'S204(d)';
    case 'read': return 'S-A(c)';
    case 'select': return '[0108]';
    case 'connect': return toService ? 'S305(a)' : 'S101';
    case 'event_connect': case 'share': return '[0056]';
  }
}

const isResult = (x: Partition | Result): x is Result => 'ok' in x;

export function suspend(tx: Tx, by: Partition, wait: SuspendedWait, until: Narration, toService = false): void {
  setWait(tx, by.pid, wait);
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: suspendTag(wait, toService), kind: 'call.suspend', from: by.pid, to: by.pid, say: ['call.suspend', by.name, wait.call, until] });
}

/** S101-S102: the client asks for a message channel; the control OS forwards it to the server's port. */
export function requestChannel(tx: Tx, by: Partition, target: Pid): Result {
  const peer = checkPeer(tx, by, target);
  if (isResult(peer)) return peer;
  if (peer.role === 'system') {
    return fail('EINVAL', `${peer.name} takes channels through its sockets: connect to a service number, e.g. connect(7)`, words('error.connections.takesChannelsThrough', { peer: peer.name }));
  }
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S101', kind: 'channel.request', from: by.pid, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
    say: ['channel.request', by.name, peer.name],
  });
  const queued = queueSignal(tx, by.pid, peer.pid, { kind: 'channel' }, 'S102');
  if (!queued.ok) return queued.result;
  suspend(tx, by, { call: 'connect', sig: queued.sig }, ['until.peer', peer.name]);
  return ok(null);
}

/**
 * Ask `target` to connect a send port here to its receive port `port`
 * [0056] a). Connections are one-to-one [0063]: a receive port that already
 * has a send port, or that the control OS raises itself, is refused
 * (EADDRINUSE). Inside one partition ("intra OS" [0063]) nobody else need
 * permit: the control OS connects at once.
 */
export function requestEventConnect(tx: Tx, by: Partition, target: Pid, port: PortNo): Result {
  const peer = checkPeer(tx, by, target, true);
  if (isResult(peer)) return peer;
  if (!recvPortOf(peer, port)) return fail('EINVAL', `${peer.name} has no event receive port ${port}`, words('error.connections.hasNoEvent', { peer: peer.name, port }));
  const taken = oneToOne(tx, peer, port, by);
  if (taken) return taken;
  if (!fitsLimit(tx.s, by.pid, 'events', 1)) return fail('ENOMEM', `${by.name} is at its event-port limit`, words('error.connections.eventPortLimit', { name: by.name }));
  if (peer.pid === by.pid) {
    const sp = connectSendPort(tx, by, by, port);
    return sp === null ? fail('ENOMEM', `${by.name} is at its event-port or management-memory limit`, words('error.connections.eventPortManagement', { name: by.name })) : ok(sp);
  }
  const queued = queueSignal(tx, by.pid, peer.pid, { kind: 'event', port }, '[0056]');
  if (!queued.ok) return queued.result;
  suspend(tx, by, { call: 'event_connect', sig: queued.sig }, ['until.peer', peer.name]);
  return ok(null);
}

/** share(B, bytes): make an area here and ask B to map it too [0056] c). */
export function requestShare(tx: Tx, by: Partition, target: Pid, bytes: number): Result {
  const peer = checkPeer(tx, by, target);
  if (isResult(peer)) return peer;
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_AREA_BYTES) return fail('EINVAL', `a shared area is 1 to ${MAX_AREA_BYTES} bytes; ${bytes} is not`, words('error.connections.sharedAreaBytes', { maxAreaBytes: MAX_AREA_BYTES, bytes }));
  const pages = pagesFor(bytes);
  const noRoom = roomForPages(tx.s, by.pid, pages);
  if (noRoom) return fail('ENOMEM', noRoom.message, noRoom.words);
  const area = createArea(tx, by.pid, 'shared', bytes);
  if (!area) return fail('ENOMEM', `no free physical frames for ${pages} pages`, words('error.connections.noFreePhysical', { pages }));
  const page = mapArea(tx, area, by.pid);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0056]', kind: 'shm.map', from: CONTROL_LANE, to: by.pid, area: area.id, page, frames: area.frames,
    cost: tx.s.costs.hypercall,
    say: ['shm.request', bytes, by.name, page],
  });
  const queued = queueSignal(tx, by.pid, peer.pid, { kind: 'share', area: area.id }, '[0056]');
  if (!queued.ok) return queued.result;
  suspend(tx, by, { call: 'share', sig: queued.sig }, ['until.peer', peer.name]);
  return ok(null);
}

function heldSignal(tx: Tx, by: Partition, sig: SigId): ControlSignal | Result {
  const signal = tx.s.signals[sig];
  if (!signal || signal.to !== by.pid) return fail('EBADF', `${by.name} has no control signal ${sig}`, words('error.connections.hasNoControl', { name: by.name, sig }));
  if (!by.signalsHeld.includes(sig)) {
    return fail('EINVAL', `signal ${sig} is still queued at ${by.name}'s port: pick it up with signal() first`, words('error.connections.signalStillQueued', { sig, name: by.name }));
  }
  return signal;
}

/**
 * End the asker's wait with `result`, tagged with what caused the answer:
 * S104 when a channel is made (the client learns it by event [0074],
 * [0113] (b)), [0062] when the server denies, [0111] when the service is not
 * permitted, or the lab's own row where S05P1247 does not say how the asker
 * learns (lab:answer, lab:close, lab:permit, lab:interrupt).
 */
function answer(tx: Tx, signal: ControlSignal, result: Result, tag: PatentTag): void {
  const asker = tx.s.partitions[signal.from]!;
  // a signal lives only while its asker waits for the answer (an invariant)
  const call = asker.wait!.call;
  setWait(tx, asker.pid, null);
  withdrawSignal(tx, signal.id);
  complete(tx, { pid: asker.pid, call, result });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag, kind: 'call.complete', from: CONTROL_LANE, to: asker.pid,
    say: result.ok ? ['call.complete', asker.name, call, JSON.stringify(result.value)] : ['call.fail', asker.name, call, result.error.errno],
  });
}

/** permit(sig): S103 for a channel, or the event/share equivalents. Returns this side's handle. */
export function permitSignal(tx: Tx, by: Partition, sig: SigId): Result {
  const signal = heldSignal(tx, by, sig);
  if ('ok' in signal) return signal;
  const { request } = signal;
  switch (request.kind) {
    case 'channel': return establishChannel(tx, by, signal, GUEST_CHANNEL_TAGS);
    case 'event': {
      const asker = tx.s.partitions[signal.from]!;
      const taken = oneToOne(tx, by, request.port, asker);
      if (taken) return taken;
      const sp = connectSendPort(tx, asker, by, request.port);
      if (sp === null) return fail('ENOMEM', `${asker.name} is at its event-port or management-memory limit`, words('error.connections.eventPortManagement2', { asker: asker.name }));
      // the patent names the request [0056] a) but not how the asker hears the answer
      answer(tx, signal, ok(sp), 'lab:answer');
      return ok(request.port);
    }
    case 'share': {
      if (!fitsLimit(tx.s, by.pid, 'vaddr', tx.s.areas[request.area]!.frames.length)) {
        return fail('ENOMEM', `${by.name} has no virtual address space left for the shared area`, words('error.connections.hasNoVirtual', { name: by.name }));
      }
      const area = tx.s.areas[request.area]!;
      const page = mapArea(tx, area, by.pid);
      emit(tx, {
        seq: PENDING, at: PENDING,
        tag: '[0056]', kind: 'shm.map', from: CONTROL_LANE, to: by.pid, area: area.id, page, frames: area.frames,
        cost: tx.s.costs.hypercall,
        say: ['shm.permit', by.name, tx.s.partitions[signal.from]!.name],
      });
      // Stryker disable next-line ConditionalExpression: equivalent, the asker's mapping is the area's first (requestShare maps it before the signal is queued), so find(() => true) finds the same one
      const askerPage = area.maps.find((m) => m.pid === signal.from)!.page;
      answer(tx, signal, ok(addressOf(askerPage)), 'lab:answer');
      return ok(addressOf(page));
    }
    // Stryker disable next-line ConditionalExpression: unreachable, the type checker proves the three cases above are every kind of request
    default: return assertNever(request);
  }
}

/**
 * EADDRINUSE when receive port `no` of `owner` cannot take a send port:
 * connections are one-to-one [0063]. The refusal is the lesson, so it is a
 * trace event ([0063], the state unchanged: a decided refusal) and not only
 * an error printed to `asker`.
 */
function oneToOne(tx: Tx, owner: Partition, no: PortNo, asker: Partition): Result | null {
  const refused = (why: 'taken' | 'control', message: string, said: Words): Result => {
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: '[0063]', kind: 'call.refuse', from: CONTROL_LANE, to: asker.pid, port: no, cost: tx.s.costs.hypercall,
      say: ['event.refuse', owner.name, no, asker.name, why],
    });
    return { ok: false, error: { errno: 'EADDRINUSE', decided: true, message, words: said } };
  };
  if (raisedByControl(owner, no)) {
    // Stryker disable next-line StringLiteral: equivalent, the words of event.refuse (narration.ts, the catalogs' select) single out 'taken' and say this case for any other value
    return refused('control', `${owner.name}'s receive port ${no} is raised by the control OS (for a message port or the control signal port); connect a send port to a port of its own [0063]`, words('error.connections.raisedByControl', { owner: owner.name, port: no }));
  }
  const sender = senderOf(tx.s, owner.pid, no);
  if (sender) {
    return refused('taken', `${owner.name}'s receive port ${no} already has a send port (${tx.s.partitions[sender.pid]!.name}'s port ${sender.port}): event connections are one-to-one [0063]`, words('error.connections.portTaken', { owner: owner.name, port: no, sender: tx.s.partitions[sender.pid]!.name, senderPort: sender.port }));
  }
  return null;
}

/** Make a send port in `asker` that reaches `owner`'s receive port `no`. */
function connectSendPort(tx: Tx, asker: Partition, owner: Partition, no: PortNo): PortNo | null {
  const sp = addPort(tx, asker.pid, (n) => ({ kind: 'eventSend', no: n, to: { pid: owner.pid, port: no } }));
  // Stryker disable next-line ConditionalExpression: equivalent, both callers fail the command on null (ENOMEM, not a decided refusal), and lab.ts then drops the whole step with the event it made
  if (sp === null) return null;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0063]', kind: 'event.connect', from: CONTROL_LANE, to: asker.pid, port: sp, cost: tx.s.costs.hypercall,
    say: asker.pid === owner.pid ? ['event.connectSelf', asker.name, sp, no] : ['event.connect', owner.name, asker.name, sp, no],
  });
  return sp;
}

function newMessagePort(tx: Tx, pid: Pid, chan: ReturnType<typeof asChan>): PortNo | null {
  const eventPort = createRecvPort(tx, pid);
  if (eventPort === null) return null;
  return addPort(tx, pid, (no): MessagePort => ({ kind: 'message', no, chan, eventPort, queue: [], peerClosed: false }));
}

/**
 * The steps channel set-up shows: S103-S104 between guests; S306 when the
 * scp kernel accepts (it connects the channel [0114], [0092]; making the
 * communication socket, S204 (a), is the kernel's own step after it).
 */
export interface ChannelTags {
  readonly permit: PatentTag;
  readonly create: PatentTag;
  readonly notify: PatentTag;
}
export const GUEST_CHANNEL_TAGS: ChannelTags = { permit: 'S103', create: 'S103', notify: 'S104' };

/**
 * The server permits; the control OS makes the channel and a message port at
 * each end, and tells both by event. Returns the server's port.
 */
export function establishChannel(tx: Tx, server: Partition, signal: ControlSignal, tags: ChannelTags): Result {
  const client = tx.s.partitions[signal.from]!;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: tags.permit, kind: 'channel.permit', from: server.pid, to: CONTROL_LANE, sig: signal.id, cost: tx.s.costs.hypercall,
    say: ['channel.permit', server.name, client.name],
  });
  const chan = asChan(tx.s.nextChan);
  const serverPort = newMessagePort(tx, server.pid, chan);
  if (serverPort === null) return fail('ENOMEM', `${server.name} is at its event-port or management-memory limit: a message port needs an event receive port`, words('error.connections.eventPortManagement3', { server: server.name }));
  const clientPort = newMessagePort(tx, client.pid, chan);
  if (clientPort === null) return fail('ENOMEM', `${client.name} is at its event-port or management-memory limit: a message port needs an event receive port`, words('error.connections.eventPortManagement4', { client: client.name }));
  tx.s.nextChan += 1;
  tx.s.channels = {
    ...tx.s.channels,
    [chan]: { id: chan, client: { pid: client.pid, port: clientPort }, server: { pid: server.pid, port: serverPort } },
  };
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: tags.create, kind: 'channel.notify', from: CONTROL_LANE, to: CONTROL_LANE, chan,
    say: ['channel.create', chan, clientPort, client.name, serverPort, server.name],
  });
  for (const [pid, port] of [[server.pid, serverPort], [client.pid, clientPort]] as const) {
    const messagePort = tx.s.partitions[pid]!.ports[port] as MessagePort;
    raiseEvent(tx, CONTROL_LANE, pid, messagePort.eventPort, tags.notify, ['why.channel', chan]);
  }
  // the client learns of the channel by the event just raised: its connect returns with it (S104)
  answer(tx, signal, ok(clientPort), tags.notify);
  return ok(serverPort);
}

/** deny(sig): [0062] no channel; the asker's call fails with ECONNREFUSED. */
export function denySignal(tx: Tx, by: Partition, sig: SigId): Result {
  const signal = heldSignal(tx, by, sig);
  if ('ok' in signal) return signal;
  const asker = tx.s.partitions[signal.from]!;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0062]', kind: 'signal.deny', from: by.pid, to: asker.pid, sig, cost: tx.s.costs.hypercall,
    say: ['signal.deny', by.name, sig],
  });
  refuse(tx, signal, { errno: 'ECONNREFUSED', message: `${by.name} denied the request`, words: words('error.connections.deniedRequest', { name: by.name }) }, '[0062]');
  return ok(0);
}

/** Fail the asker's wait and undo what the request set up (a shared area goes back to free memory). */
export function refuse(tx: Tx, signal: ControlSignal, error: LabError, tag: PatentTag): void {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, only a share's request names an area, so for the others tx.s.areas[undefined] is no area either way
  if (signal.request.kind === 'share' && tx.s.areas[signal.request.area]) releaseArea(tx, signal.request.area);
  answer(tx, signal, { ok: false, error }, tag);
}

/** Ctrl-C: a suspended call returns EINTR and its request is withdrawn. */
export function interruptWait(tx: Tx, by: Partition): Result {
  const wait = by.wait;
  if (!wait) return fail('EINVAL', `${by.name} is not waiting in any call`, words('error.connections.notWaitingAny', { name: by.name }));
  if ('ask' in wait) {
    withdrawAsk(tx, wait.ask, fail('EINTR', 'interrupted while waiting in request', words('error.connections.interruptedWhileWaiting')), 'lab:interrupt');
  } else if (!('sig' in wait)) {
    setWait(tx, by.pid, null);
    complete(tx, { pid: by.pid, call: wait.call, result: fail('EINTR', `interrupted while suspended in ${wait.call}`, words('error.connections.interruptedWhileSuspended', { call: wait.call })) });
  } else {
    const signal = tx.s.signals[wait.sig]!;
    refuse(tx, signal, { errno: 'EINTR', message: `interrupted while waiting in ${wait.call}`, words: words('error.connections.interruptedWhileWaiting2', { call: wait.call }) }, 'lab:interrupt');
  }
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:interrupt', kind: 'call.interrupt', from: by.pid, to: by.pid, say: ['call.interrupt', by.name, wait.call] });
  return ok(0);
}
