// Resource requests as messages to the system control program [0079]-[0080],
// [0049]. With policy(RESOURCE, ask) the program answers requests for that
// resource itself, one by one: a guest past its limit writes its request into
// a message area and sends it over its channel to the program (the transfer of
// Fig. 9 / Fig. 12, S307-S308), and waits. The request arrives like any
// message: queued at the program's port, then read as a virtual file or a
// mapping, with who asks, for what and how much. The program examines it and
// answers with grant(r) or refuse(r, "why") [0049]; the answer goes back in
// the same area (S-C, S311), the control OS then allocates or nothing
// changes, and the guest's request returns.
//
// This module imports no channel set-up, kernel or lifecycle code (they call
// it), so the imports stay free of cycles.

import type { AreaId, AskId, MessagePort, Partition, Pid, PortNo, ResourceAsk, ResourceKind, Result } from '../types.js';
import { asAsk, SCP_PID } from '../types.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import type { PatentTag } from '../event.js';
import type { Tx } from '../tx.js';
import { complete, emit, fail, ok, PENDING, putArea, setWait, updatePartition } from '../tx.js';
import { addressOf, claimAreaFrames, createArea, flipArea, mapArea, releaseArea, unmapArea } from '../memory/areas.js';
import { sendArea, unqueue } from '../channels/messages.js';
import { commSocketOfPort, dropFile } from '../kernel/fdTable.js';
import { usageOf } from '../partition/partitions.js';
import { mapCost } from '../costs/costModel.js';
import { words } from '../words.js';

/** One page carries a request's words. */
const ASK_BYTES = 64;
/** The longest reason refuse() takes: a sentence, not a file. */
export const MAX_REASON = 200;

/** Is `resource` one the program answers itself (policy(resource, ask))? */
export const asksFor = (tx: Tx, resource: ResourceKind): boolean => tx.s.policy.ask.includes(resource);

/** The words a request carries in its area, and its short message. */
const askText = (amount: number, resource: ResourceKind) => `request ${amount} ${resource}`;

/** The guest's oldest open channel to a service of the program: the one its requests go over [0080]. */
function channelToProgram(tx: Tx, by: Partition): MessagePort | null {
  for (const port of Object.values(by.ports)) {
    if (port.kind !== 'message' || port.peerClosed) continue;
    const chan = tx.s.channels[port.chan]!;
    if (chan.server.pid === SCP_PID && chan.client.pid === by.pid) return port;
  }
  return null;
}

/**
 * Send a request past the limit to the program by message, and suspend the
 * guest until the program answers. The caller has checked the amount and
 * that memory and address space could hold it.
 */
export function sendAsk(tx: Tx, by: Partition, resource: ResourceKind, amount: number, limit: number): Result {
  const port = channelToProgram(tx, by);
  if (!port) {
    return fail('ENOTCONN', `the system control program answers ${resource} requests itself (policy(${resource}, ask)), and ${by.name} asks it by message over a channel to one of its services [0080]: connect to a service first (connect(7))`, words('error.asks.systemControlProgram', { resource, name: by.name }));
  }
  const area = createArea(tx, by.pid, 'message', ASK_BYTES);
  if (!area) return fail('ENOMEM', 'no physical frame is free for the page that carries the request', words('error.asks.noPhysicalFrame'));
  const id = asAsk(tx.s.nextAsk);
  tx.s.nextAsk += 1;
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0080]', kind: 'resource.forward', from: by.pid, to: SCP_PID, cost: tx.s.costs.hypercall,
    say: ['resource.ask', by.name, amount, resource, limit, port.no],
  });
  // the guest OS writes the request into a message area of its own (S105, S106); the page that
  // carries a request leaves it at once, so it is not charged against the limit it asks past
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S105', kind: 'area.reserve', from: by.pid, to: CONTROL_LANE, area: area.id, frames: area.frames, cost: tx.s.costs.hypercall,
    say: ['area.reserve', by.name, ASK_BYTES, area.frames],
  });
  const page = mapArea(tx, area, by.pid);
  putArea(tx, { ...tx.s.areas[area.id]!, data: askText(amount, resource) });
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S106', kind: 'area.map', from: CONTROL_LANE, to: by.pid, area: area.id, page, frames: area.frames,
    cost: mapCost(tx.s.costs, 1), say: ['ask.write', by.name, page, askText(amount, resource)],
  });
  const sent = sendArea(tx, tx.s.partitions[by.pid]!, port.no, addressOf(page), askText(amount, resource));
  // the channel is open and the program's end is there (checked above); the program has no limits
  if (!sent.ok) throw new Error(`invariant: a request could not be sent to the program: ${sent.error.message}`);
  tx.s.asks = { ...tx.s.asks, [id]: { id, from: by.pid, resource, amount, area: area.id, chan: port.chan } };
  setWait(tx, by.pid, { call: 'request', ask: id });
  emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: '[0080]', kind: 'call.suspend', from: by.pid, to: by.pid, say: ['call.suspend', by.name, 'request', ['until.answer']] });
  return ok(null);
}

/** The request carried by area `area`, if it is one. */
export function askOfArea(tx: { readonly s: { readonly asks: Readonly<Record<AskId, ResourceAsk>> } }, area: AreaId): ResourceAsk | undefined {
  for (const ask of Object.values(tx.s.asks)) if (ask.area === area) return ask;
  return undefined;
}

/** What `read` adds to a received request, so the program sees who asks for what and how much. */
export function askFields(tx: Tx, area: AreaId): { request: number; from: string; resource: string; amount: number } | null {
  const ask = askOfArea(tx, area);
  if (!ask) return null;
  return { request: ask.id, from: tx.s.partitions[ask.from]!.name, resource: ask.resource, amount: ask.amount };
}

/** Refuse to send back or discard a request's area as if it were any message: it is answered with grant or refuse. */
export function notAnAsk(tx: Tx, area: AreaId, verb: string): Result | null {
  const ask = askOfArea(tx, area);
  if (!ask) return null;
  return fail('EINVAL', `that message is request ${ask.id} (${tx.s.partitions[ask.from]!.name} asks for ${ask.amount} ${ask.resource}): answer it with grant(r) or refuse(r, "why"), not ${verb}`, words('error.asks.thatMessageRequest', { id: ask.id, from: tx.s.partitions[ask.from]!.name, amount: ask.amount, resource: ask.resource, verb }));
}

/** Where the program holds the request's area: still queued at its port, a virtual file, or a mapping. */
function whereIs(tx: Tx, ask: ResourceAsk): { readonly queued: boolean; readonly file: string | null; readonly page: number | null } {
  const scp = tx.s.partitions[SCP_PID]!;
  const queued = Object.values(scp.ports).some((p) => p.kind === 'message' && p.queue.some((q) => q.area === ask.area));
  const file = Object.values(tx.s.kernel.files).find((f) => f.area === ask.area)?.path ?? null;
  const page = tx.s.areas[ask.area]!.maps.find((m) => m.pid === SCP_PID)?.page ?? null;
  return { queued, file, page };
}

function liveAsk(tx: Tx, id: AskId): ResourceAsk | Result {
  const ask = tx.s.asks[id];
  if (ask) return ask;
  if (Number.isInteger(id) && id >= 1 && id < tx.s.nextAsk) return fail('EINVAL', `request ${id} has already been answered or withdrawn`, words('error.asks.requestHasAlready', { id }));
  return fail('EINVAL', `there is no request ${id}: requests reach the program by message (read(fd) shows them)`, words('error.asks.thereNoRequest', { id }));
}

const isAsk = (x: ResourceAsk | Result): x is ResourceAsk => 'area' in x;

/**
 * grant(r) / refuse(r, "why"): the program's answer [0049]. Checked first,
 * so a wrong answer changes nothing: the request must have been read, a
 * grant must fit the policy's ceiling and the free memory, a refusal says why.
 */
export function answerAsk(tx: Tx, id: AskId, grant: boolean, why: string): Result {
  const ask = liveAsk(tx, id);
  if (!isAsk(ask)) return ask;
  const guest = tx.s.partitions[ask.from]!;
  const where = whereIs(tx, ask);
  if (where.queued) {
    const comm = commSocketOfPort(tx.s, tx.s.channels[ask.chan]!.server.port!)!;
    return fail('EINVAL', `request ${id} is still waiting in fd ${comm.fd}: read(${comm.fd}) it first, to see who asks for what`, words('error.asks.requestStillWaiting', { id, fd: comm.fd }));
  }
  const used = usageOf(tx.s, guest.pid)[ask.resource];
  if (grant) {
    const ceiling = tx.s.policy.ceiling[ask.resource]!;
    if (used + ask.amount > ceiling) {
      return fail('EINVAL', `granting would give ${guest.name} ${used + ask.amount} ${ask.resource}, past the policy's ceiling of ${ceiling}: raise it first (policy(${ask.resource}, ${used + ask.amount})) or refuse(r, "why")`, words('error.asks.grantingWouldGive', { guest: guest.name, amount: used + ask.amount, resource: ask.resource, ceiling }));
    }
    if (ask.resource === 'mem' && ask.amount > tx.s.frames.free) {
      return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${guest.name} asked for ${ask.amount}: refuse it, or free memory first`, words('error.asks.onlyPhysicalFrames', { free: tx.s.frames.free, guest: guest.name, amount: ask.amount }));
    }
    const vaddr = guest.limits.vaddr;
    if (ask.resource === 'mem' && vaddr !== null && usageOf(tx.s, guest.pid).vaddr + ask.amount > vaddr) {
      return fail('ENOMEM', `${guest.name} has no virtual address space left to map ${ask.amount} more pages [0051] b): refuse it`, words('error.asks.hasNoVirtual', { guest: guest.name, amount: ask.amount }));
    }
  } else if (why.trim() === '' || why.length > MAX_REASON) {
    return fail('EINVAL', `say why in 1 to ${MAX_REASON} characters: refuse(r, "past the budget")`, words('error.asks.sayWhyCharacters', { maxReason: MAX_REASON }));
  }
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0049]', kind: 'sys.call', from: SCP_PID, to: KERNEL_LANE, cost: tx.s.costs.contextSwitch / 10,
    say: ['sys.call', grant ? `grant(${id})` : `refuse(${id}, ${JSON.stringify(why)})`],
  });
  // the answer goes back in the request's own area, over the same channel (S-C, S311)
  const answer = grant ? `granted ${ask.amount} ${ask.resource}` : `refused: ${why}`;
  putArea(tx, { ...tx.s.areas[ask.area]!, data: answer });
  if (where.file !== null) {
    dropFile(tx, where.file);
    emit(tx, { seq: PENDING, at: PENDING, cost: 0, tag: 'S-C', kind: 'file.unlink', from: KERNEL_LANE, to: KERNEL_LANE, area: ask.area, say: ['file.unlink', where.file] });
  }
  const branch = where.file !== null ? 'S311(a)' : 'S311(b)';
  flipArea(tx, ask.area, SCP_PID, guest.pid, { unmap: 'S-C', flip: branch, map: branch });
  if (grant) {
    // the limit rises to what the guest now holds; lifted meanwhile (limit(A, mem, unlimited)), it stays lifted
    updatePartition(tx, guest.pid, (p) => {
      const limit = p.limits[ask.resource];
      return limit === null ? p : { ...p, limits: { ...p.limits, [ask.resource]: Math.max(limit, used + ask.amount) } };
    });
    emit(tx, {
      seq: PENDING, at: PENDING, cost: 0,
      tag: '[0049]', kind: 'resource.grant', from: SCP_PID, to: guest.pid,
      say: ['ask.grant', ask.amount, ask.resource, guest.name, used + ask.amount],
    });
    allocateGranted(tx, guest.pid, ask.resource, ask.amount, used + ask.amount);
  } else {
    emit(tx, {
      seq: PENDING, at: PENDING, cost: 0,
      tag: '[0049]', kind: 'resource.deny', from: SCP_PID, to: guest.pid,
      say: ['ask.refuse', guest.name, ask.amount, ask.resource, why],
    });
  }
  // the guest OS reads the answer and discards its area (S109), and its request returns
  discardAnswer(tx, guest, ask.area);
  finish(tx, ask, grant ? ok(ask.amount) : { ok: false, error: { errno: 'ENOMEM', message: `the system control program refused: ${why}`, words: words('error.asks.systemControlProgram2', { why }) } }, '[0049]');
  return ok(0);
}

/**
 * After a grant (by the program or its ceiling) the control OS, which
 * receives the request after the program [0049], allocates it: memory pages
 * mapped after the guest's own, or a count of devices, cache ways or bus share.
 */
export function allocateGranted(tx: Tx, pid: Pid, resource: ResourceKind, amount: number, total: number): void {
  if (resource === 'mem') {
    const frames = claimFrames(tx, pid, amount);
    updatePartition(tx, pid, (p) => ({ ...p, ram: [...p.ram, ...frames] }));
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: pid, frames, cost: tx.s.costs.hypercall,
      say: ['resource.allocGranted', tx.s.partitions[pid]!.name, amount, resource, total],
    });
    return;
  }
  const held = resource as 'devices' | 'cache' | 'bus';
  updatePartition(tx, pid, (p) => ({ ...p, held: { ...p.held, [held]: p.held[held] + amount } }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: pid, cost: tx.s.costs.hypercall,
    say: ['resource.allocGranted', tx.s.partitions[pid]!.name, amount, resource, total],
  });
}

function claimFrames(tx: Tx, pid: Pid, amount: number) {
  // every caller checked that enough frames are free
  return claimAreaFrames(tx, pid, amount)!;
}

function discardAnswer(tx: Tx, guest: Partition, area: AreaId): void {
  const frames = tx.s.areas[area]!.frames;
  releaseArea(tx, area);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: 'S109', kind: 'area.discard', from: guest.pid, to: CONTROL_LANE, area, frames, cost: tx.s.costs.hypercall,
    say: ['ask.discard', guest.name, frames],
  });
}

/** Forget the request and end the asker's wait with `result` (null: the asker is ending, nobody hears it). */
function finish(tx: Tx, ask: ResourceAsk, result: Result | null, tag: PatentTag): void {
  const { [ask.id]: _done, ...rest } = tx.s.asks;
  tx.s.asks = rest;
  const guest = tx.s.partitions[ask.from]!;
  setWait(tx, guest.pid, null);
  if (result === null) return;
  complete(tx, { pid: guest.pid, call: 'request', result });
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag, kind: 'call.complete', from: SCP_PID, to: guest.pid,
    say: result.ok ? ['call.complete', guest.name, 'request', JSON.stringify(result.value)] : ['call.fail', guest.name, 'request', result.error.errno],
  });
}

/**
 * Take a request back unanswered: its area goes back to free memory from
 * wherever the program holds it, and the asker's wait ends with `result`
 * (null when the asker itself is ending). For Ctrl-C, the program closing
 * the channel, or the asker's partition ending.
 */
export function withdrawAsk(tx: Tx, id: AskId, result: Result | null, tag: PatentTag): void {
  const ask = tx.s.asks[id]!;
  const where = whereIs(tx, ask);
  const scp = tx.s.partitions[SCP_PID]!;
  if (where.queued) unqueue(tx, scp, ask.area);
  if (where.file !== null) dropFile(tx, where.file);
  if (where.page !== null) unmapArea(tx, ask.area, SCP_PID);
  const frames = tx.s.areas[ask.area]!.frames;
  releaseArea(tx, ask.area);
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag, kind: 'area.discard', from: KERNEL_LANE, to: CONTROL_LANE, area: ask.area, frames, cost: tx.s.costs.hypercall,
    say: ['ask.withdraw', id, tx.s.partitions[ask.from]!.name, frames],
  });
  finish(tx, ask, result, tag);
}

/** The requests on the channel of the program's port `port` (a communication socket's, there while its fd is open), for a close that ends it. */
export function asksOn(tx: Tx, port: PortNo): AskId[] {
  const { chan } = tx.s.partitions[SCP_PID]!.ports[port] as MessagePort;
  return Object.values(tx.s.asks).filter((a) => a.chan === chan).map((a) => a.id);
}
