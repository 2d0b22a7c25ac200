// The Sockets view model (Figs. 7, 10, [0079]-[0108]): the system control
// program and its process state (running, or suspended in accept, read or
// select), and its kernel: the connection sockets with their services,
// permissions and waiting requests, the file descriptor table, the virtual
// files under /msg (Fig. 7, 524), the areas mapped straight into the
// program (Fig. 10), and the message channels to the guests (512) with the
// messages waiting at the program's message ports.

import type { FdEntry, LabState, MessagePort, Pid, PortNo, SocketMode } from '../types.js';
import { messagePortAt } from './inspect.js';
import { PAGE_SIZE, SCP_PID } from '../types.js';
import { assertNever } from '../assertNever.js';
import { mappingsOf } from '../memory/areas.js';
import type { WaitInfo } from './layersView.js';
import { describeWait } from './layersView.js';

export interface PeerRef {
  readonly pid: number;
  readonly name: string;
  readonly status: 'active' | 'ended';
}

export interface ProgramState {
  readonly name: string;
  readonly state: 'running' | 'suspended';
  readonly wait: WaitInfo | null;
  /** "running" or "suspended in accept(3)" */
  readonly text: string;
  /** the fds the suspended call watches */
  readonly fds: readonly number[];
}

export interface ConnectionRequest {
  readonly sig: number;
  readonly from: PeerRef;
  readonly service: number;
}

/** A connection socket (525): S201-S203, and the requests in its backlog (S305 (b)). */
export interface SocketRow {
  readonly fd: number;
  readonly mode: SocketMode;
  readonly service: number | null;
  readonly listening: boolean;
  readonly denied: readonly PeerRef[];
  readonly waiting: readonly ConnectionRequest[];
  /** the program is suspended in accept on it */
  readonly accepting: boolean;
}

export type FdRow =
  | { readonly kind: 'socket'; readonly fd: number; readonly mode: SocketMode; readonly service: number | null; readonly listening: boolean }
  | {
      readonly kind: 'comm';
      readonly fd: number;
      readonly mode: SocketMode;
      readonly service: number;
      readonly peer: PeerRef;
      readonly port: number;
      readonly queued: number;
      /** read (or select) would return at once: a message waits, or the guest closed its end */
      readonly ready: boolean;
      readonly peerClosed: boolean;
    }
  | { readonly kind: 'file'; readonly fd: number; readonly path: string; readonly offset: number; readonly size: number | null };

/** A received message area as a file under /msg (Fig. 7, 524) [0092], [0098] (a). */
export interface VirtualFileRow {
  readonly path: string;
  readonly size: number;
  readonly peer: PeerRef;
  readonly short: string;
  readonly area: number;
  readonly frames: readonly number[];
  /** the fds it is open as */
  readonly openAs: readonly number[];
  /** its first bytes, as text */
  readonly preview: string;
}

/** An area mapped straight into the program's address space (Fig. 10) [0093], [0100]. */
export interface MappingRow {
  readonly page: number;
  readonly addr: number;
  readonly size: number;
  readonly area: number;
  readonly kind: 'message' | 'shared';
  readonly frames: readonly number[];
  readonly preview: string;
}

export interface Arrived {
  readonly area: number;
  readonly size: number;
  readonly short: string;
}

/** A communication socket (526) and the message channel (512) under it, out to its guest. */
export interface ChannelRow {
  readonly fd: number;
  readonly mode: SocketMode;
  readonly service: number;
  readonly chan: number;
  /** the program's message port of the channel, and what waits in it [0064] */
  readonly port: number;
  readonly queue: readonly Arrived[];
  readonly peerClosed: boolean;
  readonly guest: PeerRef;
  readonly guestPort: number | null;
  /** messages sent back, waiting at the guest's port */
  readonly guestQueued: number;
  /** the guest is suspended in recv on this channel */
  readonly guestWaiting: boolean;
  /** the program is suspended in read or select on this fd */
  readonly watched: boolean;
}

export interface SocketsModel {
  readonly program: ProgramState;
  readonly sockets: readonly SocketRow[];
  readonly fds: readonly FdRow[];
  readonly files: readonly VirtualFileRow[];
  readonly mappings: readonly MappingRow[];
  readonly channels: readonly ChannelRow[];
  /** requests for services nobody's socket is bound to any more (normally none) */
  readonly unclaimed: readonly ConnectionRequest[];
}

/** The fds 0-2 every process starts with; new fds start at 3 [0091] (b). */
export const STANDARD_STREAMS = ['stdin', 'stdout', 'stderr'] as const;

const PREVIEW_CHARS = 24;

export function socketsView(state: LabState): SocketsModel {
  const scp = state.partitions[SCP_PID]!;
  // partitions are never removed: an ended one keeps its name, with status 'ended'
  const peer = (pid: Pid): PeerRef => {
    const p = state.partitions[pid]!;
    return { pid, name: p.name, status: p.status };
  };

  const wait = scp.wait ? describeWait(state, scp.wait) : null;
  const watchedFds = !scp.wait ? [] : scp.wait.call === 'select' ? [...scp.wait.fds] : 'fd' in scp.wait ? [scp.wait.fd] : [];
  const program: ProgramState = {
    name: scp.name,
    state: wait ? 'suspended' : 'running',
    wait,
    text: wait ? `suspended in ${wait.text}` : 'running',
    fds: watchedFds,
  };

  // connection requests the kernel holds for the sockets' services (S305 (b))
  const requests: ConnectionRequest[] = [];
  for (const sig of scp.signalsHeld) {
    const signal = state.signals[sig];
    if (signal?.request.kind === 'channel' && signal.request.service !== undefined) {
      requests.push({ sig, from: peer(signal.from), service: signal.request.service });
    }
  }

  const entries = Object.values(state.kernel.fds).slice().sort((a, b) => a.fd - b.fd);
  // a communication socket names a message port of the system control OS (checkInvariants)
  const messagePort = (no: PortNo) => messagePortAt(state, SCP_PID, no);

  const sockets: SocketRow[] = [];
  const fds: FdRow[] = [];
  const channels: ChannelRow[] = [];
  for (const e of entries) {
    const row = fdRow(state, e, messagePort, peer);
    fds.push(row);
    if (e.kind === 'socket') {
      sockets.push({
        fd: e.fd, mode: e.mode, service: e.service, listening: e.listening,
        denied: e.denied.map(peer),
        waiting: e.service === null ? [] : requests.filter((r) => r.service === e.service),
        accepting: scp.wait?.call === 'accept' && scp.wait.fd === e.fd,
      });
    }
    if (e.kind === 'comm') channels.push(channelRow(state, e, messagePort(e.port), peer, watchedFds.includes(e.fd)));
  }

  // in the order the kernel made them (S-A (a))
  const files: VirtualFileRow[] = Object.values(state.kernel.files)
    .map((f) => {
      // a virtual file's area is the system control OS's until the file is unlinked (checkInvariants)
      const area = state.areas[f.area]!;
      return {
        path: f.path,
        size: area.size,
        peer: peer(f.peer),
        short: f.short,
        area: f.area,
        frames: area.frames,
        openAs: entries.filter((e) => e.kind === 'file' && e.path === f.path).map((e) => e.fd),
        preview: preview(area.data),
      };
    });

  const mappings: MappingRow[] = mappingsOf(state, scp.pid)
    .map(({ page, area }) => ({
      page, addr: page * PAGE_SIZE, size: area.size, area: area.id, kind: area.kind, frames: area.frames, preview: preview(area.data),
    }));

  const bound = new Set(sockets.map((s) => s.service));
  return { program, sockets, fds, files, mappings, channels, unclaimed: requests.filter((r) => !bound.has(r.service)) };
}

function fdRow(state: LabState, e: FdEntry, messagePort: (no: PortNo) => MessagePort, peer: (pid: Pid) => PeerRef): FdRow {
  switch (e.kind) {
    case 'socket':
      return { kind: 'socket', fd: e.fd, mode: e.mode, service: e.service, listening: e.listening };
    case 'comm': {
      const port = messagePort(e.port);
      const queued = port.queue.length;
      const peerClosed = port.peerClosed;
      return { kind: 'comm', fd: e.fd, mode: e.mode, service: e.service, peer: peer(e.peer), port: e.port, queued, peerClosed, ready: queued > 0 || peerClosed };
    }
    case 'file': {
      // an open file stays open after unlink, when its size is gone with the area
      const file = state.kernel.files[e.path];
      const size = file ? state.areas[file.area]!.size : null;
      return { kind: 'file', fd: e.fd, path: e.path, offset: e.offset, size };
    }
    default:
      return assertNever(e);
  }
}

function channelRow(
  state: LabState,
  e: Extract<FdEntry, { kind: 'comm' }>,
  port: MessagePort,
  peer: (pid: Pid) => PeerRef,
  watched: boolean,
): ChannelRow {
  // the guest asked for the service, so it is the channel's client (S305); the channel and its ports name each other
  const channel = state.channels[port.chan]!;
  const guest = state.partitions[e.peer]!;
  const guestPort = channel.client.port;
  return {
    fd: e.fd,
    mode: e.mode,
    service: e.service,
    chan: channel.id,
    port: e.port,
    queue: port.queue.map((a) => ({ area: a.area, size: state.areas[a.area]!.size, short: a.short })),
    peerClosed: port.peerClosed,
    guest: peer(e.peer),
    guestPort,
    guestQueued: guestPort === null ? 0 : messagePortAt(state, e.peer, guestPort).queue.length,
    guestWaiting: guestPort !== null && guest.wait?.call === 'recv' && guest.wait.port === guestPort,
    watched,
  };
}

function preview(data: string): string {
  // unwritten bytes inside the text show as a middle dot; trailing ones are dropped
  let end = data.length;
  while (end > 0 && data.charCodeAt(end - 1) === 0) end--;
  const text = Array.from(data.slice(0, end), (ch) => (ch.charCodeAt(0) < 0x20 ? '·' : ch)).join('');
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}
