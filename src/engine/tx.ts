// One transaction: the working copy `apply` builds while it carries out a
// command. The input state is never touched: each record is replaced by a
// new one (copy on write), so the old state stays a valid moment of the
// timeline. A rejected command simply drops its transaction.
//
// The `partitions` and `areas` tables are copied once per transaction, not
// once per change: the first change copies the table and the transaction then
// owns the copy, changing it in place, until something else may hold it (a
// save point of `attempt`, a traced moment, a loop over a snapshot). No table
// reachable from an earlier state is ever written.

import type { Area, AreaId, Completion, LabError, LabState, Partition, Pid, Result, Value } from './types.js';
import type { LabEvent } from './event.js';
import type { Words } from './words.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export interface Tx {
  readonly s: Writable<LabState>;
  readonly events: LabEvent[];
  readonly completions: Completion[];
  /** when tracing, the state right after each event, for views that show micro-steps */
  readonly moments: LabState[] | null;
  /** `s.partitions` is this transaction's own copy, held by nothing else: it may be changed in place */
  ownPartitions: boolean;
  /** the same for `s.areas` */
  ownAreas: boolean;
}

export function openTx(state: LabState, trace = false): Tx {
  return { s: copyState(state), events: [], completions: [], moments: trace ? [] : null, ownPartitions: false, ownAreas: false };
}

/** From here on, the tables the state holds now are shared: the next change copies them again. */
export function shareTables(tx: Tx): void {
  tx.ownPartitions = false;
  tx.ownAreas = false;
}

/**
 * The placeholder every draft gives `seq` and `at`: `emit` writes the real
 * values over it. Each draft names all of an event's fields, `cost` too (0
 * where a step costs nothing), because V8 sizes an object literal for exactly
 * the fields it is written with: a field added afterwards goes to a separate
 * property array (40 bytes an event), and a recorded history keeps every
 * event for as long as it lives (issue 22).
 */
export const PENDING = -1;

/** An event before `emit` stamps it: `seq` and `at` are PENDING. */
export type EventDraft = LabEvent;

/**
 * Record a micro-step: it takes its cost in simulated cycles and the next
 * sequence number. Drafts are fresh object literals at every call site, so
 * the event is completed in place rather than copied (copying is the hot path).
 */
export function emit(tx: Tx, draft: EventDraft): void {
  const event = draft as Writable<EventDraft>;
  tx.s.clock += draft.cost;
  event.seq = tx.s.seq;
  event.at = tx.s.clock;
  tx.events.push(event);
  tx.s.seq += 1;
  if (tx.moments) {
    tx.moments.push(copyState(tx.s));
    shareTables(tx);
  }
}

/** A shallow copy of the state, field by field (faster than spreading in V8, and keeps one object shape). */
export function copyState(s: LabState): Writable<LabState> {
  return {
    config: s.config, clock: s.clock, rng: s.rng, seq: s.seq, machine: s.machine, frames: s.frames,
    partitions: s.partitions, nextPid: s.nextPid, channels: s.channels, nextChan: s.nextChan, areas: s.areas,
    signals: s.signals, nextSig: s.nextSig, policy: s.policy, asks: s.asks, nextAsk: s.nextAsk, costs: s.costs, kernel: s.kernel,
  };
}

export function putPartition(tx: Tx, partition: Partition): void {
  storePartition(tx, literalPartition(partition));
}

function storePartition(tx: Tx, partition: Partition): void {
  if (!tx.ownPartitions) {
    tx.s.partitions = { ...tx.s.partitions };
    tx.ownPartitions = true;
  }
  (tx.s.partitions as Record<Pid, Partition>)[partition.pid] = partition;
}

// The fields a message transfer changes, each set without spreading the
// partition: `{ ...p, field }` costs several times what writing the record
// out does in V8, and a transfer changes partitions five times.

/** `pid`'s port table replaced by `ports`. */
export function setPorts(tx: Tx, pid: Pid, ports: Partition['ports']): void {
  const p = livePartition(tx, pid);
  storePartition(tx, rebuildPartition(p, ports, p.nextAreaPage, p.wait));
}

/** `pid`'s next free logical page for areas. */
export function setNextAreaPage(tx: Tx, pid: Pid, nextAreaPage: number): void {
  const p = livePartition(tx, pid);
  storePartition(tx, rebuildPartition(p, p.ports, nextAreaPage, p.wait));
}

/** What `pid` is suspended in, or null when it returns. */
export function setWait(tx: Tx, pid: Pid, wait: Partition['wait']): void {
  const p = livePartition(tx, pid);
  storePartition(tx, rebuildPartition(p, p.ports, p.nextAreaPage, wait));
}

function livePartition(tx: Tx, pid: Pid): Partition {
  const p = tx.s.partitions[pid];
  if (!p) throw new Error(`invariant: partition ${pid} vanished inside a transaction`);
  return p;
}

function rebuildPartition(p: Partition, ports: Partition['ports'], nextAreaPage: number, wait: Partition['wait']): Partition {
  return {
    pid: p.pid, name: p.name, role: p.role, mode: p.mode, status: p.status, limits: p.limits, cpuUsed: p.cpuUsed, held: p.held,
    ram: p.ram, ramGranted: p.ramGranted, nextAreaPage, ports, nextPort: p.nextPort,
    signalQueue: p.signalQueue, signalsHeld: p.signalsHeld, signalNotify: p.signalNotify, wait,
  };
}

export function putArea(tx: Tx, area: Area): void {
  ownAreas(tx)[area.id] = area;
}

export function dropArea(tx: Tx, id: AreaId): void {
  delete ownAreas(tx)[id];
}

function ownAreas(tx: Tx): Record<AreaId, Area> {
  if (!tx.ownAreas) {
    tx.s.areas = { ...tx.s.areas };
    tx.ownAreas = true;
  }
  return tx.s.areas as Record<AreaId, Area>;
}

/**
 * The partition rebuilt as one object literal. Records made by spreading
 * records that were themselves made by spreading get slow in V8; storing
 * every partition in this one shape keeps each update's spread fast.
 */
function literalPartition(p: Partition): Partition {
  return {
    pid: p.pid, name: p.name, role: p.role, mode: p.mode, status: p.status, limits: p.limits, cpuUsed: p.cpuUsed, held: p.held,
    ram: p.ram, ramGranted: p.ramGranted, nextAreaPage: p.nextAreaPage, ports: p.ports, nextPort: p.nextPort,
    signalQueue: p.signalQueue, signalsHeld: p.signalsHeld, signalNotify: p.signalNotify, wait: p.wait,
  };
}

export function updatePartition(tx: Tx, pid: Pid, change: (p: Partition) => Partition): Partition {
  const before = tx.s.partitions[pid];
  if (!before) throw new Error(`invariant: partition ${pid} vanished inside a transaction`);
  const after = change(before);
  putPartition(tx, after);
  return after;
}

// Most calls answer 0, and every recorded step keeps its result for as long
// as the history lives: one frozen answer serves them all (results are never
// changed in place).
const OK_ZERO: Result = Object.freeze({ ok: true, value: 0 });
export const ok = (value: Value = 0): Result => (value === 0 ? OK_ZERO : { ok: true, value });
/** A refusal: its errno, the engine's English sentence, and the same as words for a reader of any language (words.ts). */
export const fail = (errno: LabError['errno'], message: string, words: Words): Result => ({ ok: false, error: { errno, message, words } });

export function complete(tx: Tx, completion: Completion): void {
  tx.completions.push(completion);
}

/**
 * Run part of a command as a unit: if it fails, everything it changed is
 * undone (state, events, completions) and the command may go on another way.
 */
export function attempt(tx: Tx, part: () => Result): Result {
  shareTables(tx);
  const saved = copyState(tx.s);
  const events = tx.events.length;
  const completions = tx.completions.length;
  const moments = tx.moments?.length ?? 0;
  const result = part();
  if (!result.ok) {
    Object.assign(tx.s, saved);
    shareTables(tx);
    tx.events.length = events;
    tx.completions.length = completions;
    if (tx.moments) tx.moments.length = moments;
  }
  return result;
}
