// The system control OS kernel's file descriptor table and virtual file
// system [0088], [0091] (b), [0092]: fds 0-2 are taken (standard input,
// output, error), a new fd is the lowest free number from 3, as in Unix.

import type { FdEntry, KernelState, LabState, PortNo, Result, VirtualFile } from '../types.js';
import type { Tx } from '../tx.js';
import { fail } from '../tx.js';
import type { Words } from '../words.js';
import { words } from '../words.js';

export const FIRST_FD = 3;
export const MAX_FDS = 64;

export const EMPTY_KERNEL: KernelState = { fds: {}, files: {}, nextFile: 1 };

export function lowestFreeFd(kernel: KernelState): number | null {
  for (let fd = FIRST_FD; fd < FIRST_FD + MAX_FDS; fd++) if (!kernel.fds[fd]) return fd;
  return null;
}

export function putFd(tx: Tx, entry: FdEntry): void {
  tx.s.kernel = { ...tx.s.kernel, fds: { ...tx.s.kernel.fds, [entry.fd]: entry } };
}

export function dropFd(tx: Tx, fd: number): void {
  const { [fd]: _gone, ...fds } = tx.s.kernel.fds;
  tx.s.kernel = { ...tx.s.kernel, fds };
}

export function putFile(tx: Tx, file: VirtualFile): void {
  tx.s.kernel = { ...tx.s.kernel, files: { ...tx.s.kernel.files, [file.path]: file } };
}

export function dropFile(tx: Tx, path: string): void {
  const { [path]: _gone, ...files } = tx.s.kernel.files;
  tx.s.kernel = { ...tx.s.kernel, files };
}

/** The fd, or EBADF in plain words. */
export function fdEntry(state: LabState, fd: number): FdEntry | Result {
  const entry = Number.isInteger(fd) ? state.kernel.fds[fd] : undefined;
  if (entry) return entry;
  if (fd >= 0 && fd < FIRST_FD) return fail('EBADF', `fd ${fd} is a standard stream; sockets and files start at fd ${FIRST_FD}`, words('error.fdTable.fdStandardStream', { fd, firstFd: FIRST_FD }));
  return fail('EBADF', `fd ${fd} is not open: it was never opened, or it has been closed`, words('error.fdTable.fdNotOpen', { fd }));
}

export const isEntry = (x: FdEntry | Result): x is FdEntry => 'fd' in x;

export function commSocketOfPort(state: LabState, port: PortNo): Extract<FdEntry, { kind: 'comm' }> | undefined {
  for (const entry of Object.values(state.kernel.fds)) if (entry.kind === 'comm' && entry.port === port) return entry;
  return undefined;
}

/** The socket bound to `service`, if any, listening or not. */
export function socketBoundTo(state: LabState, service: number): Extract<FdEntry, { kind: 'socket' }> | undefined {
  for (const entry of Object.values(state.kernel.fds)) if (entry.kind === 'socket' && entry.service === service) return entry;
  return undefined;
}

/** What an fd is, with its article, as a refusal names it: "an open file /msg/1", "a listening socket". */
/** `aFdKind` as words (words.ts). */
export function aFdKindWords(entry: FdEntry): Words {
  switch (entry.kind) {
    case 'socket': return words(entry.listening ? 'error.fdKind.listening' : 'error.fdKind.socket');
    case 'comm': return words('error.fdKind.comm');
    case 'file': return words('error.fdKind.file', { path: entry.path });
  }
}

export function aFdKind(entry: FdEntry): string {
  return entry.kind === 'file' ? `an ${fdKindName(entry)}` : `a ${fdKindName(entry)}`;
}

export function fdKindName(entry: FdEntry): string {
  return entry.kind === 'socket' ? (entry.listening ? 'listening socket' : 'connection socket') : entry.kind === 'comm' ? 'communication socket' : `open file ${entry.path}`;
}
