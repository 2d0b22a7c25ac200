// The sockets of the system control OS kernel: [0084] offers the message
// channel "as a socket of a new domain" without naming it; AF_LPAR is the
// lab's name for it. [0084]-[0091],
// [0096], [0108], Figs. 7-12: the program makes a connection socket
// (S201/S301), binds a service id (S202/S302), permits connections
// (S203/S303) and accepts them (S204/S304), each accepted request becoming
// a communication socket over a message channel (S306).

import type { FdEntry, Partition, Pid, Result, SigId, SocketMode } from '../types.js';
import { SCP_PID } from '../types.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import type { Narration } from '../narration.js';
import type { Tx } from '../tx.js';
import { attempt, emit, fail, ok, PENDING, updatePartition } from '../tx.js';
import { queueSignal } from '../ports/controlSignals.js';
import { establishChannel, refuse, suspend } from '../channels/connections.js';
import { closeChannel } from '../channels/messages.js';
import { asksOn, withdrawAsk } from '../policy/asks.js';
import { aFdKind, aFdKindWords, fdEntry, fdKindName, isEntry, socketBoundTo, lowestFreeFd, putFd, dropFd } from './fdTable.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export const AF_LPAR = 'AF_LPAR';
export const MAX_SERVICE = 65535;

type Socket = Extract<FdEntry, { kind: 'socket' }>;

/** The program's call arrow: scp -> kernel, tagged with its Fig. 9 / Fig. 12 step. */
export function callArrow(tx: Tx, tag: PatentTag, call: string): void {
  emit(tx, { seq: PENDING, at: PENDING, tag, kind: 'sys.call', from: SCP_PID, to: KERNEL_LANE, cost: tx.s.costs.contextSwitch / 10, say: ['sys.call', call] });
}

function socketFd(tx: Tx, fd: number, call: string): Socket | Result {
  const entry = fdEntry(tx.s, fd);
  if (!isEntry(entry)) return entry;
  if (entry.kind !== 'socket') return fail(entry.kind === 'file' ? 'EBADF' : 'EINVAL', `${call} needs a connection socket; fd ${fd} is ${aFdKind(entry)}`, words('error.sockets.needsSocket', { call, fd, entry: aFdKindWords(entry) }));
  return entry;
}

const isSocket = (x: Socket | Result): x is Socket => 'fd' in x;

/** socket(AF_LPAR, SOCK_SEQPACKET[, MSG_MAP]): S201 / S301. */
export function openSocket(tx: Tx, domain: string, type: string, mode: SocketMode): Result {
  if (domain !== AF_LPAR) {
    return fail('EAFNOSUPPORT', `the system control OS offers message channels only as sockets of a new domain [0084], which the lab names ${AF_LPAR}; ${domain} is not supported here`, words('error.sockets.systemControlOs', { afLpar: AF_LPAR, domain }));
  }
  if (type !== 'SOCK_SEQPACKET') return fail('EINVAL', `a message channel keeps message boundaries: use SOCK_SEQPACKET, not ${type}`, words('error.sockets.messageChannelKeeps', { type }));
  const fd = lowestFreeFd(tx.s.kernel);
  if (fd === null) return fail('ENOMEM', 'the file descriptor table is full: close something first', words('error.sockets.fileDescriptorTable'));
  callArrow(tx, 'S301', `socket(${AF_LPAR}, SOCK_SEQPACKET${mode === 'map' ? ', MSG_MAP' : ''})`);
  putFd(tx, { kind: 'socket', fd, mode, service: null, listening: false, denied: [] });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: 'S201', kind: 'sock.create', from: KERNEL_LANE, to: SCP_PID,
    say: ['sock.create', mode === 'map', fd],
  });
  return ok(fd);
}

/** bind(s, 7): S202 / S302, associate a service id with the socket. */
export function bindSocket(tx: Tx, fd: number, service: number): Result {
  const socket = socketFd(tx, fd, 'bind');
  if (!isSocket(socket)) return socket;
  if (!Number.isInteger(service) || service < 1 || service > MAX_SERVICE) return fail('EINVAL', `a service id is 1 to ${MAX_SERVICE}, not ${service}`, words('error.sockets.serviceIdNot', { maxService: MAX_SERVICE, service }));
  if (socket.service !== null) return fail('EINVAL', `fd ${fd} is already bound to service ${socket.service}`, words('error.sockets.fdAlreadyBound', { fd, service: socket.service }));
  const taken = socketBoundTo(tx.s, service);
  if (taken) return fail('EADDRINUSE', `service ${service} is already bound to fd ${taken.fd}`, words('error.sockets.serviceAlreadyBound', { service, fd: taken.fd }));
  callArrow(tx, 'S302', `bind(${fd}, ${service})`);
  putFd(tx, { ...socket, service });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S202', kind: 'sock.bind', from: KERNEL_LANE, to: SCP_PID, say: ['sock.bind', service, fd] });
  return ok(0);
}

/**
 * listen(s) / listen(s, true): S203 / S303, connections to the service are
 * permitted. listen(s, false) sets the socket back to connection not
 * permitted [0111]: a guest's connect is refused, and requests still waiting
 * in the backlog are refused too.
 */
export function listenSocket(tx: Tx, fd: number, permit: boolean): Result {
  const socket = socketFd(tx, fd, 'listen');
  if (!isSocket(socket)) return socket;
  if (socket.service === null) return fail('EINVAL', `fd ${fd} has no service yet: bind it first`, words('error.sockets.fdHasNo', { fd }));
  callArrow(tx, 'S303', `listen(${fd}${permit ? '' : ', false'})`);
  const waiting = permit ? [] : backlogOf(tx, socket);
  putFd(tx, { ...socket, listening: permit });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: 'S203', kind: 'sock.listen', from: KERNEL_LANE, to: SCP_PID,
    say: ['sock.listen', permit, socket.service],
  });
  for (const sig of waiting) refuse(tx, tx.s.signals[sig]!, { errno: 'ECONNREFUSED', message: `the system control program stopped permitting connections to service ${socket.service}`, words: words('error.sockets.systemControlProgram2', { service: socket.service }) }, '[0111]');
  return ok(0);
}

/**
 * permit(s, B) / deny(s, B): permission on the service for one partition. In
 * S05P1247 a service is permitted or denied as a whole ([0090], [0096]: listen
 * here); telling partitions apart is the lab's refinement of it.
 */
export function setPermission(tx: Tx, fd: number, pid: Pid, allowed: boolean): Result {
  const socket = socketFd(tx, fd, allowed ? 'permit' : 'deny');
  if (!isSocket(socket)) return socket;
  const guest = tx.s.partitions[pid];
  if (!guest || guest.role !== 'guest') return fail('ESRCH', `there is no guest partition ${pid}`, words('error.sockets.thereNoGuest', { pid }));
  const denied = allowed ? socket.denied.filter((p) => p !== pid) : [...new Set([...socket.denied, pid])];
  callArrow(tx, 'lab:permit', `${allowed ? 'permit' : 'deny'}(${fd}, ${guest.name})`);
  putFd(tx, { ...socket, denied });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: 'lab:permit', kind: 'sock.permission', from: KERNEL_LANE, to: SCP_PID,
    say: ['sock.permission', allowed, guest.name, socket.service, fd],
  });
  if (!allowed) {
    for (const sig of backlogOf(tx, socket)) {
      if (tx.s.signals[sig]!.from !== pid) continue;
      emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:permit', kind: 'channel.refuse', from: KERNEL_LANE, to: pid, say: ['service.denied', guest.name, socket.service!] });
      refuse(tx, tx.s.signals[sig]!, { errno: 'ECONNREFUSED', message: `the system control program denies ${guest.name} service ${socket.service}`, words: words('error.sockets.systemControlProgram3', { guest: guest.name, service: String(socket.service) }) }, 'lab:permit');
    }
  }
  return ok(0);
}

/** Requests waiting for the socket's service: held by the kernel, oldest first. */
export function backlogOf(tx: Tx, socket: Socket): SigId[] {
  if (socket.service === null) return [];
  return tx.s.partitions[SCP_PID]!.signalsHeld.filter((sig) => {
    const request = tx.s.signals[sig]!.request;
    return request.kind === 'channel' && request.service === socket.service;
  });
}

/**
 * A guest's connect(7): S305 (a) the request, (b) the control OS hands it to
 * the system control OS, whose kernel takes it into the listening socket's
 * backlog. Refused at once when nobody listens or the guest is denied.
 */
export function connectService(tx: Tx, by: Partition, service: number): Result {
  if (!Number.isInteger(service) || service < 1 || service > MAX_SERVICE) return fail('EINVAL', `a service id is 1 to ${MAX_SERVICE}, not ${service}`, words('error.sockets.serviceIdNot', { maxService: MAX_SERVICE, service }));
  const socket = socketBoundTo(tx.s, service);
  if (!socket) return fail('ECONNREFUSED', `nobody is listening on service ${service}: the system control program must bind and listen first`, words('error.sockets.nobodyListeningOn', { service }));
  // a refusal the program set up is the lesson ([0111]): a trace event, the state unchanged, so a
  // lesson can check that the program, not a wrong service number, turned the guest away
  const refused = (tag: PatentTag, say: Narration, message: string, said: Words): Result => {
    emit(tx, { seq: PENDING, at: PENDING, tag, kind: 'channel.refuse', from: KERNEL_LANE, to: by.pid, cost: tx.s.costs.hypercall, say });
    return { ok: false, error: { errno: 'ECONNREFUSED', decided: true, message, words: said } };
  };
  if (!socket.listening) return refused('[0111]', ['service.notPermitted', by.name, service], `service ${service} is set to connection not permitted: the system control program must listen(s) first [0111]`, words('error.sockets.notPermitted', { service }));
  if (socket.denied.includes(by.pid)) return refused('lab:permit', ['service.denied', by.name, service], `the system control program denies ${by.name} service ${service} (the lab's per-partition deny)`, words('error.sockets.denies', { name: by.name, service }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S305(a)', kind: 'channel.request', from: by.pid, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
    say: ['service.request', by.name, service],
  });
  const queued = queueSignal(tx, by.pid, SCP_PID, { kind: 'channel', service }, 'S305(b)');
  if (!queued.ok) return queued.result;
  updatePartition(tx, SCP_PID, (p) => ({ ...p, signalQueue: p.signalQueue.filter((s) => s !== queued.sig), signalsHeld: [...p.signalsHeld, queued.sig] }));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: 'S305(b)', kind: 'signal.take', from: CONTROL_LANE, to: KERNEL_LANE, sig: queued.sig,
    say: ['service.backlog', by.name, socket.fd, service],
  });
  suspend(tx, by, { call: 'connect', sig: queued.sig }, ['until.accept'], true);
  return ok(null);
}

/** accept(s): S204 / S304. Takes a waiting request, or suspends until one comes (S204 (d)). */
export function acceptSocket(tx: Tx, fd: number): Result {
  const socket = socketFd(tx, fd, 'accept');
  if (!isSocket(socket)) return socket;
  if (!socket.listening) return fail('EINVAL', `fd ${fd} is not listening: bind and listen before accept`, words('error.sockets.fdNotListening', { fd }));
  if (lowestFreeFd(tx.s.kernel) === null) return fail('ENOMEM', 'the file descriptor table is full: close something first', words('error.sockets.fileDescriptorTable'));
  callArrow(tx, 'S304', `accept(${fd})`);
  const accepted = acceptNext(tx, socket, false);
  if (accepted) return accepted;
  suspend(tx, tx.s.partitions[SCP_PID]!, { call: 'accept', fd }, ['until.request']);
  return ok(null);
}

/**
 * Accept the oldest request in the backlog that can be served. A request
 * whose channel cannot be made (a side is at its port limit) is refused with
 * that error, so it cannot block the requests behind it. Null: none left.
 */
export function acceptNext(tx: Tx, socket: Socket, woken: boolean): Result | null {
  for (const sig of backlogOf(tx, socket)) {
    const result = attempt(tx, () => acceptRequest(tx, socket, sig, woken));
    if (result.ok) return result;
    refuse(tx, tx.s.signals[sig]!, result.error, 'lab:answer');
  }
  return null;
}

/** S204 (a)-(c), and S306: make the channel and the communication socket, return its fd. */
export function acceptRequest(tx: Tx, socket: Socket, sig: SigId, woken: boolean): Result {
  const signal = tx.s.signals[sig]!;
  if (woken) {
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S204(e)', kind: 'call.wake', from: KERNEL_LANE, to: SCP_PID, say: ['accept.wake'] });
  }
  const scp = tx.s.partitions[SCP_PID]!;
  // S306: the kernel connects the channel [0114]; the control OS makes it and its ports [0092]
  const made = establishChannel(tx, scp, signal, { permit: 'S306', create: 'S306', notify: 'S104' });
  if (!made.ok) return made;
  const fd = lowestFreeFd(tx.s.kernel)!;
  const guest = tx.s.partitions[signal.from]!.name;
  // S204 (a): the communication socket (526 of Fig. 7) is produced [0091]
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S204(a)', kind: 'sock.accept', from: KERNEL_LANE, to: KERNEL_LANE, say: ['sock.comm', guest] });
  putFd(tx, { kind: 'comm', fd, mode: socket.mode, service: socket.service!, port: made.value as never, peer: signal.from });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S204(b)', kind: 'sock.accept', from: KERNEL_LANE, to: KERNEL_LANE, say: ['sock.accept', guest, fd] });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S204(c)', kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['accept.return', fd, guest] });
  return ok(fd);
}

/** close(fd): S-E for a communication socket; a listening socket refuses its waiting requests. */
export function closeFd(tx: Tx, fd: number): Result {
  const entry = fdEntry(tx.s, fd);
  if (!isEntry(entry)) return entry;
  // S-E closes a communication socket [0107]; closing a connection socket is the lab's Unix-like close
  const tag = entry.kind === 'comm' ? 'S-E' : 'lab:close';
  callArrow(tx, tag, `close(${fd})`);
  // the program's end of the channel goes with the fd: it is there until now (kernel/io.ts, portOf);
  // a request that came over it can no longer be answered, so the asker hears that at once
  if (entry.kind === 'comm') {
    for (const ask of asksOn(tx, entry.port)) {
      withdrawAsk(tx, ask, fail('EPIPE', 'the system control program closed the channel before answering the request', words('error.sockets.systemControlProgram')), 'lab:answer');
    }
  }
  if (entry.kind === 'comm') closeChannel(tx, tx.s.partitions[SCP_PID]!, entry.port, { discard: 'S-E', notify: 'S111' });
  if (entry.kind === 'socket') {
    for (const sig of backlogOf(tx, entry)) refuse(tx, tx.s.signals[sig]!, { errno: 'ECONNREFUSED', message: `the system control program closed service ${entry.service}`, words: words('error.sockets.systemControlProgram4', { service: String(entry.service) }) }, 'lab:close');
  }
  dropFd(tx, fd);
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag, kind: 'sock.close', from: KERNEL_LANE, to: SCP_PID, say: ['sock.close', fd, fdKindName(entry)] });
  return ok(0);
}

