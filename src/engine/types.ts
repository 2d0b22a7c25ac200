// The vocabulary of the simulated machine: ids, state, commands, events, errors.
// Everything here is plain, JSON-serialisable data: no classes, no functions,
// no back-references. Records are normalised and linked by id (docs/architecture.md, rule 5 of the engine).

import type { CostModel } from './costs/costModel.js';
import type { FrameTable } from './memory/frameTable.js';
import type { Words } from './words.js';

// ---------------------------------------------------------------- ids

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Logical partition id [0052]. 1 is the system control OS; guests are 2, 3, ... */
export type Pid = Brand<number, 'Pid'>;
/** A physical page frame number [0066]. */
export type FrameNo = Brand<number, 'FrameNo'>;
/** A port number, local to one partition (event ports and message ports share one table). */
export type PortNo = Brand<number, 'PortNo'>;
/** A message channel, global, kept by the control OS [0060]. */
export type ChanId = Brand<number, 'ChanId'>;
/** A message area or shared area: a run of physical frames [0065]. */
export type AreaId = Brand<number, 'AreaId'>;
/** A control signal queued at a control signal port [0056]. */
export type SigId = Brand<number, 'SigId'>;

export const asPid = (n: number) => n as Pid;
export const asFrame = (n: number) => n as FrameNo;
export const asPort = (n: number) => n as PortNo;
export const asChan = (n: number) => n as ChanId;
export const asArea = (n: number) => n as AreaId;
export const asSig = (n: number) => n as SigId;
/** A resource request a guest sent the system control program by message [0080]. */
export type AskId = Brand<number, 'AskId'>;
export const asAsk = (n: number) => n as AskId;

/** Frame owner codes in the frame table: free, the control OS, or a partition id. */
export const FREE = -1;
export const CONTROL_OS = 0;
export const SCP_PID = 1 as Pid;

export const PAGE_SIZE = 4096;

// ---------------------------------------------------------------- resources

/** The resource kinds a logical partition is granted [0051] a)-h). */
export const RESOURCE_KINDS = ['cpu', 'vaddr', 'mem', 'mgmt', 'events', 'devices', 'cache', 'bus'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_MEANING: Record<ResourceKind, string> = {
  cpu: 'processor time slices per accounting window [0051] a)',
  vaddr: 'pages of virtual address space [0051] b)',
  mem: 'physical memory pages the partition owns [0051] c)',
  mgmt: 'bytes of control-OS management memory charged to it [0051] d), [0057]',
  events: 'event ports [0051] e)',
  devices: 'devices it has the right to use [0051] f)',
  cache: 'ways of the secondary cache partitioned to it [0051] g)',
  bus: 'share of bus rights, in per cent [0051] h)',
};

/** Resources held as plain amounts rather than derived from other records. */
export type HeldResource = 'devices' | 'cache' | 'bus';

/** null means "no limit": a new partition starts unlimited [0053]. */
export type Limits = Record<ResourceKind, number | null>;

// ---------------------------------------------------------------- machine

export type LpId = Brand<number, 'LpId'>;
export const asLp = (n: number) => n as LpId;

/** A physical processing unit in a processor group [0041]. */
export interface Unit {
  readonly group: number;
  readonly index: number;
  /** round-robin queue of the logical processors placed here, and where it stands */
  readonly queue: readonly LpId[];
  readonly next: number;
  /** the logical processor running on this unit in the current time slice */
  readonly running: LpId | null;
}

/** A logical processor of a partition, placed on one or more physical units [0054]. */
export interface LogicalProcessor {
  readonly id: LpId;
  readonly pid: Pid;
  /** indices into `machine.units`: one-to-one, one-on-several, or shared with others */
  readonly units: readonly number[];
  readonly stopped: boolean;
}

export interface Machine {
  readonly groups: number;
  readonly unitsPerGroup: number;
  readonly units: readonly Unit[];
  readonly lps: Readonly<Record<LpId, LogicalProcessor>>;
  readonly nextLp: number;
  /** scheduler ticks so far; usage of `cpu` is counted per window of this many ticks */
  readonly tick: number;
  readonly window: number;
}

// ---------------------------------------------------------------- partitions

export type PartitionRole = 'system' | 'guest';
/** Processor modes of Fig. 3 / [0050]. */
export type CpuMode = 'problem' | 'supervisor';
export type PartitionStatus = 'active' | 'ended';

/**
 * What a partition's program is suspended in, if anything. For the system
 * control OS this is its process state [0091] (d), [0098] (c): suspended in
 * accept, read or select until the kernel wakes it.
 */
export type Wait =
  | { readonly call: 'connect'; readonly sig: SigId }
  | { readonly call: 'event_connect'; readonly sig: SigId }
  | { readonly call: 'share'; readonly sig: SigId }
  /** a resource request past a limit, sent by message to the system control program, waiting for its answer [0080] */
  | { readonly call: 'request'; readonly ask: AskId }
  | { readonly call: 'recv'; readonly port: PortNo }
  | { readonly call: 'accept'; readonly fd: number }
  | { readonly call: 'read'; readonly fd: number }
  | { readonly call: 'select'; readonly fds: readonly number[] };

export interface Partition {
  readonly pid: Pid;
  readonly name: string;
  readonly role: PartitionRole;
  readonly mode: CpuMode;
  readonly status: PartitionStatus;
  readonly limits: Limits;
  /** processor time slices used in the current accounting window [0051] a) */
  readonly cpuUsed: number;
  /** devices, cache ways and bus share it holds [0051] f)-h) */
  readonly held: Readonly<Record<HeldResource, number>>;
  /** its own memory, mapped at logical pages 0..ram.length-1 */
  readonly ram: readonly FrameNo[];
  /**
   * how many of `ram` the system control program granted (at creation or by policy);
   * the rest the guest allocated itself, within its limit [0055]
   */
  readonly ramGranted: number;
  /** next free logical page for area mappings (addresses are not reused, so an old one faults) */
  readonly nextAreaPage: number;
  /** its port table: event receive/send ports and message ports, numbered from 1 */
  readonly ports: Readonly<Record<PortNo, Port>>;
  readonly nextPort: number;
  /** the control signal port [0056]: queued signals, oldest first */
  readonly signalQueue: readonly SigId[];
  /** signals taken from the queue and not yet permitted or denied */
  readonly signalsHeld: readonly SigId[];
  /** the event receive port raised when a signal reaches the empty control port [0057] */
  readonly signalNotify: PortNo | null;
  readonly wait: Wait | null;
}

// ---------------------------------------------------------------- ports and channels

export interface EventRecvPort {
  readonly kind: 'eventRecv';
  readonly no: PortNo;
  /** [0063] one bit: no queue and no count */
  readonly pending: boolean;
}

export interface EventSendPort {
  readonly kind: 'eventSend';
  readonly no: PortNo;
  readonly to: { readonly pid: Pid; readonly port: PortNo } | null;
}

export interface MessagePort {
  readonly kind: 'message';
  readonly no: PortNo;
  readonly chan: ChanId;
  /** the event receive port tied to it [0062] */
  readonly eventPort: PortNo;
  /** arrived message areas, oldest first [0064] */
  readonly queue: readonly Arrival[];
  /** the peer has discarded its end (S111): reads find end of file */
  readonly peerClosed: boolean;
}

export type Port = EventRecvPort | EventSendPort | MessagePort;

export interface Arrival {
  readonly area: AreaId;
  readonly short: string;
}

export interface ChannelEnd {
  readonly pid: Pid;
  readonly port: PortNo | null;
}

export interface Channel {
  readonly id: ChanId;
  /** the client asked, the server permitted [0061] */
  readonly client: ChannelEnd;
  readonly server: ChannelEnd;
}

export type SignalRequest =
  /** a channel to a guest, or to a service of the system control program's sockets (S305) */
  | { readonly kind: 'channel'; readonly service?: number }
  | { readonly kind: 'event'; readonly port: PortNo }
  | { readonly kind: 'share'; readonly area: AreaId };

/** A control signal [0056] a)-c): a request from one partition to another. */
export interface ControlSignal {
  readonly id: SigId;
  readonly from: Pid;
  readonly to: Pid;
  readonly request: SignalRequest;
}

/** A message area (exactly one mapping at a time) or a shared area (two at once). */
export interface Area {
  readonly id: AreaId;
  readonly kind: 'message' | 'shared';
  readonly frames: readonly FrameNo[];
  readonly size: number;
  /** the bytes written so far, as text; the lab stores characters, one per byte */
  readonly data: string;
  /** the partition that owns the frames */
  readonly owner: Pid;
  /** where it is mapped: a message area has at most one, a shared area up to two */
  readonly maps: readonly AreaMapping[];
  /** it reached its owner by a flip (S107, S311): discarding it is the receiver's S109 */
  readonly arrived: boolean;
}

export interface AreaMapping {
  readonly pid: Pid;
  readonly page: number;
}

// ---------------------------------------------------------------- the system control OS kernel

/** How received areas reach the program: as virtual files (Fig. 7) or mapped into its space (Fig. 10). */
export type SocketMode = 'vfile' | 'map';

/**
 * An entry of the kernel's file descriptor table [0088], [0091] (b):
 * a connection socket (525 of Fig. 7), a communication socket (526), or an
 * open virtual file.
 */
export type FdEntry =
  | {
      readonly kind: 'socket';
      readonly fd: number;
      readonly mode: SocketMode;
      /** the service id bound to it (S202), like a port number */
      readonly service: number | null;
      /** connection permitted (S203); listen(s, false) sets it back to not permitted [0111] */
      readonly listening: boolean;
      /** partitions whose requests for this service are refused: the lab's per-partition refinement of [0090], [0096] */
      readonly denied: readonly Pid[];
    }
  | {
      readonly kind: 'comm';
      readonly fd: number;
      readonly mode: SocketMode;
      readonly service: number;
      /** the system control OS's message port of the channel */
      readonly port: PortNo;
      readonly peer: Pid;
    }
  | { readonly kind: 'file'; readonly fd: number; readonly path: string; readonly offset: number };

/** Why select finds an fd ready: a received message ([0108]), or one of the lab's POSIX-like rules. */
export type Readiness = 'message' | 'eof' | 'request' | 'file';

/** A received message area as a file under /msg (Fig. 7, 524) [0092]. */
export interface VirtualFile {
  readonly path: string;
  readonly area: AreaId;
  readonly peer: Pid;
  readonly short: string;
}

export interface KernelState {
  readonly fds: Readonly<Record<number, FdEntry>>;
  readonly files: Readonly<Record<string, VirtualFile>>;
  readonly nextFile: number;
}

// ---------------------------------------------------------------- policy

/** The system control program's policy for requests past a limit [0049], [0055]. */
export interface Policy {
  /** the most any guest may hold of a resource; past it a request is reduced or denied */
  readonly ceiling: Readonly<Partial<Record<ResourceKind, number>>>;
  /**
   * resources whose requests the program answers itself, one by one
   * (policy(mem, ask)): the person at the terminal is the program [0049], [0080]
   */
  readonly ask: readonly ResourceKind[];
}

/**
 * A resource request past a limit, on its way to or at the system control
 * program, waiting for grant or refuse [0049], [0080]. Its words travel in a
 * message area over the guest's channel to the program, so it arrives like
 * any message: queued at the program's port, then a virtual file or a mapping.
 */
export interface ResourceAsk {
  readonly id: AskId;
  readonly from: Pid;
  readonly resource: ResourceKind;
  readonly amount: number;
  /** the message area that carries it */
  readonly area: AreaId;
  readonly chan: ChanId;
}

// ---------------------------------------------------------------- the whole state

export interface LabConfig {
  readonly seed: number;
  readonly frames: number;
  readonly groups: number;
  readonly unitsPerGroup: number;
}

export interface LabState {
  readonly config: LabConfig;
  /** simulated time in cycles: the only clock (docs/architecture.md, rule 3 of the engine) */
  readonly clock: number;
  /** seeded generator state (mulberry32) */
  readonly rng: number;
  /** number of events emitted so far: the next event's sequence number */
  readonly seq: number;
  readonly machine: Machine;
  readonly frames: FrameTable;
  readonly partitions: Readonly<Record<Pid, Partition>>;
  readonly nextPid: number;
  readonly channels: Readonly<Record<ChanId, Channel>>;
  readonly nextChan: number;
  readonly areas: Readonly<Record<AreaId, Area>>;
  readonly signals: Readonly<Record<SigId, ControlSignal>>;
  readonly nextSig: number;
  readonly policy: Policy;
  /** requests sent to the system control program and not answered yet [0080] */
  readonly asks: Readonly<Record<AskId, ResourceAsk>>;
  readonly nextAsk: number;
  readonly costs: CostModel;
  readonly kernel: KernelState;
}

// ---------------------------------------------------------------- values, errors, results

export type Value =
  | number
  | string
  | null
  | readonly Value[]
  | { readonly [field: string]: Value };

export const ERRNOS = [
  'EBADF', 'EINVAL', 'EADDRINUSE', 'ECONNREFUSED', 'EACCES', 'ENOTCONN', 'EPIPE',
  'EFAULT', 'ENOMEM', 'EAGAIN', 'ENOENT', 'EINTR', 'EAFNOSUPPORT', 'ESRCH',
] as const;
export type Errno = (typeof ERRNOS)[number];

export interface LabError {
  readonly errno: Errno;
  /** plain words for a student, naming what was wrong (in English) */
  readonly message: string;
  /** the same as a catalog message and its values, for a reader of another language (words.ts) */
  readonly words?: Words;
  /** for EFAULT: the address touched, so the page can flash the fault [0070] */
  readonly addr?: number;
  /**
   * a decision the machine made (the policy said no [0049]): the refusal's
   * events stay in the trace, though the state is otherwise as it was
   */
  readonly decided?: true;
}

export type Result =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly error: LabError };

/** A call that suspended earlier and has now returned. */
export interface Completion {
  readonly pid: Pid;
  readonly call: Wait['call'];
  readonly result: Result;
}
