// Reading and writing through the kernel [0094]-[0106], Figs. 8, 9, 11, 12.
// read on a communication socket receives a message (S-A): in virtual-file
// mode the kernel makes a file under /msg and returns its name with the short
// message (S308(a), S309(a)); in direct-map mode it maps the area into the
// program and returns the address and size (S308(b), [0100]). open/read/
// write/close on the file access it (S-B); write on the socket sends the area
// back to the guest (S-C, S311); unlink discards it (S-D).

import type { AreaId, FdEntry, Readiness, Result } from '../types.js';
import { PAGE_SIZE, SCP_PID } from '../types.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, putArea } from '../tx.js';
import { addressOf, createArea, faultResult, flipArea, hex, mapArea, pagesFor, releaseArea, resolveAddress } from '../memory/areas.js';
import { deliver, MAX_AREA_BYTES, unqueue } from '../channels/messages.js';
import { suspend } from '../channels/connections.js';
import { messagePortWith, putPort } from '../ports/eventPorts.js';
import { roomForPages } from '../partition/partitions.js';
import { dropFd, dropFile, fdEntry, aFdKind, aFdKindWords, isEntry, lowestFreeFd, putFd, putFile } from './fdTable.js';
import { backlogOf, callArrow } from './sockets.js';
import type { MessagePort } from '../types.js';
import { own } from '../own.js';
import { askFields, notAnAsk } from '../policy/asks.js';
import { words } from '../words.js';

type Comm = Extract<FdEntry, { kind: 'comm' }>;
type FileFd = Extract<FdEntry, { kind: 'file' }>;

/** The most one read may return, so a typo cannot flood the terminal. */
export const MAX_READ = 64 * 1024;

// The program's end of a communication socket: its port goes only with the fd (close, sockets.ts), and the
// program cannot close a channel by its port, so while the fd is open the port is there (end of file is peerClosed).
const portOf = (tx: Tx, comm: Comm) => tx.s.partitions[SCP_PID]!.ports[comm.port] as MessagePort;

/** Is there something for read on this socket: a message, or end of file? */
export function commReady(tx: Tx, comm: Comm): boolean {
  const port = portOf(tx, comm);
  return port.queue.length > 0 || port.peerClosed;
}

export function readFd(tx: Tx, fd: number, count: number | null): Result {
  const entry = fdEntry(tx.s, fd);
  if (!isEntry(entry)) return entry;
  if (count !== null && (!Number.isInteger(count) || count < 0 || count > MAX_READ)) return fail('EINVAL', `read count must be 0 to ${MAX_READ}, not ${count}`, words('error.io.readCountMust', { maxRead: MAX_READ, count }));
  switch (entry.kind) {
    case 'file': return readFile(tx, entry, count);
    case 'comm': {
      // read on the socket: S309(a) gets a virtual file's name; in direct-map mode it is the read of S-A [0100]
      callArrow(tx, entry.mode === 'map' ? 'S-A' : 'S309(a)', `read(${fd})`);
      if (commReady(tx, entry)) return takeMessage(tx, entry, false);
      suspend(tx, tx.s.partitions[SCP_PID]!, { call: 'read', fd }, ['until.message']);
      return ok(null);
    }
    case 'socket': return fail('EINVAL', `fd ${fd} is ${aFdKind(entry)}: read a communication socket from accept, or an open file`, words('error.io.fdReadCommunication', { fd, entry: aFdKindWords(entry) }));
  }
}

/** S-A (a)-(b): hand the oldest arrived area to the program, as a file or as a mapping. 0 at end of file. */
export function takeMessage(tx: Tx, comm: Comm, woken: boolean): Result {
  const port = portOf(tx, comm);
  const [first, ...rest] = port.queue;
  if (!first) {
    // end of file: the guest discarded its end (S111); a read returning 0 is the lab's Unix-like answer
    if (woken) emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:eof', kind: 'call.wake', from: KERNEL_LANE, to: SCP_PID, say: ['read.eofWake', comm.fd] });
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'lab:eof', kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['read.eof', comm.fd] });
    return ok(0);
  }
  if (woken) emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-A(d)', kind: 'call.wake', from: KERNEL_LANE, to: SCP_PID, say: ['read.wake', comm.fd] });
  putPort(tx, SCP_PID, messagePortWith(port, rest, port.peerClosed));
  const area = tx.s.areas[first.area]!;
  const guest = tx.s.partitions[comm.peer]!.name;
  if (comm.mode === 'vfile') {
    const path = `/msg/${guest}.${tx.s.kernel.nextFile}`;
    tx.s.kernel = { ...tx.s.kernel, nextFile: tx.s.kernel.nextFile + 1 };
    putFile(tx, { path, area: area.id, peer: comm.peer, short: first.short });
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-A(a)', kind: 'file.create', from: KERNEL_LANE, to: KERNEL_LANE, area: area.id, say: ['file.arrive', path, area.size, guest] });
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-A(b)', kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['read.file', comm.fd, path, first.short] });
    return ok({ vfile: path, short: first.short, ...askFields(tx, area.id) });
  }
  const page = mapArea(tx, area, SCP_PID);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S308(b)', kind: 'area.map', from: KERNEL_LANE, to: SCP_PID, area: area.id, page, frames: area.frames, cost: tx.s.costs.pteUpdate * area.frames.length,
    say: ['kernel.mapRead', page],
  });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-A(b)', kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['read.map', comm.fd, page, area.size, first.short] });
  return ok({ addr: addressOf(page), size: area.size, short: first.short, ...askFields(tx, area.id) });
}

function fileArea(tx: Tx, file: FileFd): AreaId | Result {
  const vfile = tx.s.kernel.files[file.path];
  return vfile ? vfile.area : fail('EBADF', `${file.path} is gone (sent or unlinked); fd ${file.fd} no longer reaches it`, words('error.io.goneSentUnlinked', { path: file.path, fd: file.fd }));
}

function readFile(tx: Tx, file: FileFd, count: number | null): Result {
  const id = fileArea(tx, file);
  if (typeof id === 'object') return id;
  const area = tx.s.areas[id]!;
  const end = Math.min(area.data.length, file.offset + (count ?? MAX_READ));
  const text = area.data.slice(file.offset, end).replace(/\0+$/, '');
  callArrow(tx, 'S310(a)', count === null ? `read(${file.fd})` : `read(${file.fd}, ${count})`);
  putFd(tx, { ...file, offset: Math.max(file.offset, end) });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-B', kind: 'file.read', from: KERNEL_LANE, to: SCP_PID, area: id, say: ['file.read', text, file.path, file.offset] });
  return ok(text);
}

function writeFile(tx: Tx, file: FileFd, data: string): Result {
  const id = fileArea(tx, file);
  if (typeof id === 'object') return id;
  const area = tx.s.areas[id]!;
  if (file.offset + data.length > area.frames.length * PAGE_SIZE) return fail('EFAULT', `writing ${data.length} bytes at offset ${file.offset} runs past the end of ${file.path}`, words('error.io.writingBytesOffset', { length: data.length, offset: file.offset, path: file.path }));
  // a guard only: an fd's offset never passes the end of the bytes written (open starts at 0, read stops at
  // the end, write extends the bytes to where it leaves the fd), so what pads it cannot show
  // Stryker disable next-line StringLiteral: the padding is never needed while the offset stays within the bytes (above)
  const old = area.data.padEnd(file.offset, '\0');
  const next = old.slice(0, file.offset) + data + old.slice(file.offset + data.length);
  callArrow(tx, 'S310(a)', `write(${file.fd}, ${JSON.stringify(data)})`);
  putArea(tx, { ...area, data: next });
  putFd(tx, { ...file, offset: file.offset + data.length });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-B', kind: 'file.write', from: SCP_PID, to: KERNEL_LANE, area: id, say: ['file.write', data, file.path] });
  return ok(data.length);
}

export function writeFd(tx: Tx, fd: number, data: string | number): Result {
  const entry = fdEntry(tx.s, fd);
  if (!isEntry(entry)) return entry;
  switch (entry.kind) {
    case 'file':
      if (typeof data !== 'string') return fail('EINVAL', `write to a file takes text, not ${data}`, words('error.io.writeFileTakes', { data }));
      return writeFile(tx, entry, data);
    case 'comm': return sendBack(tx, entry, data);
    case 'socket': return fail('EINVAL', `fd ${fd} is ${aFdKind(entry)}: write to a communication socket from accept`, words('error.io.fdWriteCommunication', { fd, entry: aFdKindWords(entry) }));
  }
}

/**
 * The received area a call names: by virtual file (Fig. 7) or by the address
 * it is mapped at in the program (Fig. 10). `verb` words the error.
 */
function receivedArea(tx: Tx, target: string | number, verb: string): AreaId | Result {
  if (typeof target === 'string') {
    const file = own(tx.s.kernel.files, target);
    return file ? file.area : fail('ENOENT', `there is no virtual file ${target}; ls /msg lists them`, words('error.io.thereNoVirtual', { target }));
  }
  const scp = tx.s.partitions[SCP_PID]!;
  const at = resolveAddress(tx.s, scp, target);
  if (!at) return faultResult(tx, scp, target);
  if (at.offset !== 0) return fail('EINVAL', `${hex(target)} is inside an area; ${verb} it by its first address`, words('error.io.insideAreaFirst', { target: hex(target), verb: verb === 'send' ? words('error.verb.send') : words('error.verb.discard') }));
  return at.area.id;
}

/** S-C / S311: send a received area back to the guest: the file vanishes or the mapping is released, then the flip. */
function sendBack(tx: Tx, comm: Comm, what: string | number): Result {
  const port = portOf(tx, comm);
  if (port.peerClosed) return fail('EPIPE', `the guest at the other end of fd ${comm.fd} has closed its channel: nobody will receive`, words('error.io.guestOtherEnd', { fd: comm.fd }));
  const scp = tx.s.partitions[SCP_PID]!;
  const area = receivedArea(tx, what, 'send');
  if (typeof area === 'object') return area;
  const asked = notAnAsk(tx, area, 'write');
  if (asked) return asked;
  const pages = tx.s.areas[area]!.frames.length;
  const guest = tx.s.partitions[comm.peer]!;
  const noRoom = roomForPages(tx.s, guest.pid, pages);
  if (noRoom) return fail('ENOMEM', `${guest.name} cannot take the area: ${noRoom.message}`, words('error.io.cannotTakeArea', { guest: guest.name, why: noRoom.words }));
  const branch = typeof what === 'string' ? 'S311(a)' : 'S311(b)';
  callArrow(tx, branch, `write(${comm.fd}, ${typeof what === 'string' ? JSON.stringify(what) : hex(what)})`);
  if (typeof what === 'string') {
    dropFile(tx, what);
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-C', kind: 'file.unlink', from: KERNEL_LANE, to: KERNEL_LANE, area, say: ['file.unlink', what] });
  }
  unqueue(tx, scp, area);
  flipArea(tx, area, SCP_PID, guest.pid, { unmap: 'S-C', flip: branch, map: branch });
  // a channel to a service of the program: the guest asked for it, so the guest is its client (S305)
  deliver(tx, guest.pid, tx.s.channels[port.chan]!.client.port!, { area, short: '' });
  return ok(tx.s.areas[area]!.size);
}

/**
 * msg_new(fd, bytes): a message the program starts [0092], [0093]. The kernel
 * gets a fresh message area for the connection on `fd`: on a virtual-file
 * socket it becomes a virtual file the program may open and write (returns
 * {vfile}); on a direct-map socket it is mapped into the program (returns
 * {addr}), as read(fd) would give a received one. write(fd, ...) then sends
 * it to the guest (S-C, S311).
 */
export function newMessage(tx: Tx, fd: number, bytes: number): Result {
  const entry = fdEntry(tx.s, fd);
  if (!isEntry(entry)) return entry;
  if (entry.kind !== 'comm') return fail('EINVAL', `msg_new needs a communication socket from accept; fd ${fd} is ${aFdKind(entry)}`, words('error.io.msgNewNeeds', { fd, entry: aFdKindWords(entry) }));
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_AREA_BYTES) return fail('EINVAL', `a message area is 1 to ${MAX_AREA_BYTES} bytes; ${bytes} is not`, words('error.io.messageAreaBytes', { maxAreaBytes: MAX_AREA_BYTES, bytes }));
  const pages = pagesFor(bytes);
  const noRoom = roomForPages(tx.s, SCP_PID, pages);
  if (noRoom) return fail('ENOMEM', noRoom.message, noRoom.words);
  const tag = entry.mode === 'vfile' ? '[0092]' : '[0093]';
  const area = createArea(tx, SCP_PID, 'message', bytes);
  if (!area) return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${pages} are needed`, words('error.io.onlyPhysicalFrames', { free: tx.s.frames.free, pages }));
  const guest = tx.s.partitions[entry.peer]!.name;
  callArrow(tx, tag, `msg_new(${fd}, ${bytes})`);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'area.reserve', from: KERNEL_LANE, to: CONTROL_LANE, area: area.id, frames: area.frames, cost: tx.s.costs.hypercall,
    say: ['kernel.reserve', bytes, guest, area.frames],
  });
  if (entry.mode === 'vfile') {
    const path = `/msg/${guest}.${tx.s.kernel.nextFile}`;
    tx.s.kernel = { ...tx.s.kernel, nextFile: tx.s.kernel.nextFile + 1 };
    putFile(tx, { path, area: area.id, peer: entry.peer, short: '' });
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag, kind: 'file.create', from: KERNEL_LANE, to: KERNEL_LANE, area: area.id, say: ['file.new', path] });
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag, kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['msgnew.file', fd, bytes, path] });
    return ok({ vfile: path });
  }
  const page = mapArea(tx, area, SCP_PID);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'area.map', from: KERNEL_LANE, to: SCP_PID, area: area.id, page, frames: area.frames, cost: tx.s.costs.pteUpdate * area.frames.length,
    say: ['kernel.mapNew', page],
  });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag, kind: 'sys.return', from: KERNEL_LANE, to: SCP_PID, say: ['msgnew.map', fd, bytes, page] });
  return ok({ addr: addressOf(page) });
}

export function openFile(tx: Tx, path: string): Result {
  const file = own(tx.s.kernel.files, path);
  if (!file) return fail('ENOENT', `there is no virtual file ${path}; ls /msg lists them`, words('error.io.thereNoVirtual2', { path }));
  const fd = lowestFreeFd(tx.s.kernel);
  if (fd === null) return fail('ENOMEM', 'the file descriptor table is full: close something first', words('error.io.fileDescriptorTable'));
  callArrow(tx, 'S310(a)', `open(${JSON.stringify(path)})`);
  putFd(tx, { kind: 'file', fd, path, offset: 0 });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-B', kind: 'file.open', from: KERNEL_LANE, to: SCP_PID, area: file.area, say: ['file.open', path, fd] });
  return ok(fd);
}

export function closeFile(tx: Tx, file: FileFd): Result {
  callArrow(tx, 'S310(a)', `close(${file.fd})`);
  dropFd(tx, file.fd);
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-B', kind: 'file.close', from: KERNEL_LANE, to: SCP_PID, say: ['file.close', file.fd, file.path] });
  return ok(0);
}

/** S-D: discard a received message: a virtual file by name, or (direct-map mode) a mapped area by address. */
export function unlinkMessage(tx: Tx, target: string | number): Result {
  const scp = tx.s.partitions[SCP_PID]!;
  const area = receivedArea(tx, target, 'discard');
  if (typeof area === 'object') return area;
  const asked = notAnAsk(tx, area, 'unlink');
  if (asked) return asked;
  const frames = tx.s.areas[area]!.frames;
  callArrow(tx, 'S-D', typeof target === 'string' ? `unlink(${JSON.stringify(target)})` : `unlink(${hex(target)})`);
  // a mapped area (direct-map mode) is unmapped from the program by releaseArea below, with every other mapping
  if (typeof target === 'string') dropFile(tx, target);
  unqueue(tx, scp, area);
  releaseArea(tx, area);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S-D', kind: 'area.discard', from: KERNEL_LANE, to: 0, area, frames, cost: tx.s.costs.hypercall,
    say: ['kernel.discard', typeof target === 'string' ? target : null, frames],
  });
  return ok(0);
}

/**
 * select([fds]) [0108]: the fds with something to read. [0108] watches
 * communication sockets for received messages; the lab also counts as ready,
 * like POSIX select, a communication socket at end of file, a listening
 * socket with a request waiting, and an open virtual file (always readable).
 * Those are the lab's rules (lab:ready). Suspends while none is ready.
 */
export function selectFds(tx: Tx, fds: readonly number[]): Result {
  if (fds.length === 0) return fail('EINVAL', 'select needs at least one fd', words('error.io.selectNeedsLeast'));
  for (const fd of fds) {
    const entry = fdEntry(tx.s, fd);
    if (!isEntry(entry)) return entry;
  }
  callArrow(tx, '[0108]', `select([${fds.join(', ')}])`);
  const ready = readyFds(tx, fds);
  if (ready.length === 0) {
    suspend(tx, tx.s.partitions[SCP_PID]!, { call: 'select', fds }, ['until.select', fds]);
    return ok(null);
  }
  return selectResult(tx, ready);
}

function readiness(tx: Tx, fd: number): Readiness | null {
  // select checked every fd is open, and the program cannot close one while it waits in select
  const entry = tx.s.kernel.fds[fd]!;
  if (entry.kind === 'comm') {
    const port = portOf(tx, entry);
    return port.queue.length > 0 ? 'message' : port.peerClosed ? 'eof' : null;
  }
  if (entry.kind === 'socket') return entry.listening && backlogOf(tx, entry).length > 0 ? 'request' : null;
  return 'file'; // an open virtual file: its bytes are there to read
}

export function readyFds(tx: Tx, fds: readonly number[]): number[] {
  return [...new Set(fds)].filter((fd) => readiness(tx, fd) !== null);
}

export function selectResult(tx: Tx, ready: readonly number[]): Result {
  const why = ready.map((fd) => [fd, readiness(tx, fd)!] as const);
  // [0108] only when every fd is ready with a received message; otherwise a lab rule made the answer
  const tag = why.every(([, r]) => r === 'message') ? '[0108]' : 'lab:ready';
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag, kind: 'sock.select', from: KERNEL_LANE, to: SCP_PID, say: ['select.return', why] });
  return ok([...ready]);
}
