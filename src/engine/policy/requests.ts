// Resource requests [0049], [0055], [0080]. Within its limit a guest allocates
// and frees on its own, without asking. Past the limit the guest asks the
// system control program by message [0080]; the program examines it and
// grants or denies it before the control OS allocates [0049], so no guest can
// take it all. By default the program's ceiling answers at once; with
// policy(RESOURCE, ask) the person at the terminal answers (policy/asks.ts). Reducing a request to what the policy
// allows is the lab's own choice of policy (tagged lab:reduce). A denial is
// the machine's decision: its events stay in the trace.

import type { HeldResource, Partition, Pid, ResourceKind, Result } from '../types.js';
import { FREE, SCP_PID } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, PENDING, updatePartition } from '../tx.js';
import { fitsLimit, usageOf } from '../partition/partitions.js';
import { claimAreaFrames } from '../memory/areas.js';
import { setOwners } from '../memory/frameTable.js';
import { allocateGranted, asksFor, sendAsk } from './asks.js';
import { words } from '../words.js';

type Requestable = 'mem' | HeldResource;
export const REQUESTABLE: readonly Requestable[] = ['mem', 'devices', 'cache', 'bus'];
const isRequestable = (resource: ResourceKind): resource is Requestable => (REQUESTABLE as readonly ResourceKind[]).includes(resource);

/** Most a single request may ask for, so a typo cannot wedge the machine. */
export const MAX_REQUEST = 1 << 20;

/**
 * Give `amount` of `resource` to `pid`; for memory, frames mapped after its
 * own memory, which the caller has checked are free.
 */
function allocate(tx: Tx, pid: Pid, resource: Requestable, amount: number): void {
  if (resource === 'mem') {
    const frames = claimAreaFrames(tx, pid, amount)!;
    updatePartition(tx, pid, (p) => ({ ...p, ram: [...p.ram, ...frames] }));
    return;
  }
  updatePartition(tx, pid, (p) => ({ ...p, held: { ...p.held, [resource]: p.held[resource] + amount } }));
}

export function requestResource(tx: Tx, by: Partition, resource: ResourceKind, amount: number): Result {
  if (!isRequestable(resource)) {
    return fail('EINVAL', `request() covers ${REQUESTABLE.join(', ')}; ${resource} is granted another way`, words('error.requests.requestCoversGranted', { REQUESTABLE: REQUESTABLE.join(', '), resource }));
  }
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_REQUEST) return fail('EINVAL', `ask for 1 to ${MAX_REQUEST}, not ${amount}`, words('error.requests.askNot', { maxRequest: MAX_REQUEST, amount }));
  if (resource === 'mem' && amount > tx.s.frames.free) {
    return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${amount} were asked for`, words('error.requests.onlyPhysicalFrames', { free: tx.s.frames.free, amount }));
  }
  if (resource === 'mem' && !fitsLimit(tx.s, by.pid, 'vaddr', amount)) {
    return fail('ENOMEM', `${by.name} has no virtual address space left to map ${amount} more pages [0051] b)`, words('error.requests.hasNoVirtual', { name: by.name, amount }));
  }
  const used = usageOf(tx.s, by.pid)[resource];
  const limit = by.limits[resource];
  if (limit === null || used + amount <= limit) {
    allocate(tx, by.pid, resource, amount);
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: '[0055]', kind: 'resource.alloc', from: by.pid, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
      say: ['resource.alloc', by.name, amount, resource, used + amount, limit],
    });
    return ok(amount);
  }
  if (asksFor(tx, resource)) return sendAsk(tx, by, resource, amount, limit);
  // the default policy: the program answers by itself from its ceiling, but the request and the
  // answer are still messages between the guest and the program [0080], [0049]
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0080]', kind: 'resource.forward', from: by.pid, to: SCP_PID, cost: tx.s.costs.hypercall,
    say: ['resource.forward', by.name, amount, resource, limit],
  });
  // every requestable resource has a ceiling from boot (lab.ts), which policy() only changes
  const ceiling = tx.s.policy.ceiling[resource]!;
  const room = Math.max(0, ceiling - used);
  const granted = Math.min(amount, room);
  if (granted === 0) {
    emit(tx, {
      seq: PENDING, at: PENDING, cost: 0,
      tag: '[0049]', kind: 'resource.deny', from: SCP_PID, to: by.pid,
      say: ['resource.deny', by.name, used, resource, ceiling],
    });
    return { ok: false, error: { errno: 'ENOMEM', decided: true, message: `the system control program's policy denies it: ${by.name} holds ${used} ${resource} and the policy ceiling is ${ceiling}`, words: words('error.requests.policyDenies', { name: by.name, used, resource, ceiling }) } };
  }
  updatePartition(tx, by.pid, (p) => ({ ...p, limits: { ...p.limits, [resource]: used + granted } }));
  emit(tx, {
    seq: PENDING, at: PENDING, cost: 0,
    tag: granted < amount ? 'lab:reduce' : '[0049]', kind: granted < amount ? 'resource.reduce' : 'resource.grant', from: SCP_PID, to: by.pid,
    say: granted < amount
      ? ['resource.reduce', by.name, granted, amount, resource, ceiling, used + granted]
      : ['resource.grant', amount, resource, by.name, used + granted],
  });
  allocateGranted(tx, by.pid, resource, granted, used + granted);
  return ok(granted);
}

/**
 * release(mem, n): give back what the guest took without asking, below its
 * limit, without asking the program either [0055]. Memory comes from the
 * pages it took (the last of its own memory), never from what it was given.
 */
export function releaseResource(tx: Tx, by: Partition, resource: ResourceKind, amount: number): Result {
  if (!isRequestable(resource)) {
    return fail('EINVAL', `release() covers ${REQUESTABLE.join(', ')}; ${resource} is given back another way`, words('error.requests.releaseCoversGiven', { REQUESTABLE: REQUESTABLE.join(', '), resource }));
  }
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_REQUEST) return fail('EINVAL', `release 1 to ${MAX_REQUEST}, not ${amount}`, words('error.requests.releaseNot', { maxRequest: MAX_REQUEST, amount }));
  const taken = resource === 'mem' ? by.ram.length - by.ramGranted : by.held[resource];
  if (amount > taken) {
    const what = resource === 'mem' ? 'pages of memory beyond what it was given' : `${resource}`;
    return fail('EINVAL', `${by.name} holds only ${taken} ${what}; it cannot release ${amount}`, words('error.requests.holdsOnlyCannot', { name: by.name, taken, what: resource === 'mem' ? words('error.requests.memBeyond') : resource, amount }));
  }
  if (resource === 'mem') {
    const frames = by.ram.slice(by.ram.length - amount);
    tx.s.frames = setOwners(tx.s.frames, frames, FREE);
    updatePartition(tx, by.pid, (p) => ({ ...p, ram: p.ram.slice(0, p.ram.length - amount) }));
    emit(tx, {
      seq: PENDING, at: PENDING,
      tag: '[0055]', kind: 'resource.release', from: by.pid, to: CONTROL_LANE, frames, cost: tx.s.costs.hypercall,
      say: ['resource.release', by.name, amount, resource, usageOf(tx.s, by.pid)[resource], by.limits[resource]],
    });
    return ok(amount);
  }
  updatePartition(tx, by.pid, (p) => ({ ...p, held: { ...p.held, [resource]: p.held[resource] - amount } }));
  emit(tx, {
    seq: PENDING, at: PENDING,
    tag: '[0055]', kind: 'resource.release', from: by.pid, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
    say: ['resource.release', by.name, amount, resource, usageOf(tx.s, by.pid)[resource], by.limits[resource]],
  });
  return ok(amount);
}
