// Resource requests [0049], [0055]. Within its limit a guest allocates and
// frees on its own, without asking. Past the limit the request goes to the
// system control program first, which examines it and grants or denies it
// [0049], so no guest can take it all. Reducing a request to what the policy
// allows is the lab's own choice of policy (tagged lab:reduce). A denial is
// the machine's decision: its events stay in the trace.

import type { HeldResource, Partition, Pid, ResourceKind, Result } from '../types.js';
import { SCP_PID } from '../types.js';
import { CONTROL_LANE } from '../event.js';
import type { Tx } from '../tx.js';
import { emit, fail, ok, updatePartition } from '../tx.js';
import { fitsLimit, usageOf } from '../partition/partitions.js';
import { claimAreaFrames } from '../memory/areas.js';

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
    return fail('EINVAL', `request() covers ${REQUESTABLE.join(', ')}; ${resource} is granted another way`);
  }
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_REQUEST) return fail('EINVAL', `ask for 1 to ${MAX_REQUEST}, not ${amount}`);
  if (resource === 'mem' && amount > tx.s.frames.free) {
    return fail('ENOMEM', `only ${tx.s.frames.free} physical frames are free; ${amount} were asked for`);
  }
  if (resource === 'mem' && !fitsLimit(tx.s, by.pid, 'vaddr', amount)) {
    return fail('ENOMEM', `${by.name} has no virtual address space left to map ${amount} more pages [0051] b)`);
  }
  const used = usageOf(tx.s, by.pid)[resource];
  const limit = by.limits[resource];
  if (limit === null || used + amount <= limit) {
    allocate(tx, by.pid, resource, amount);
    emit(tx, {
      tag: '[0055]', kind: 'resource.alloc', from: by.pid, to: CONTROL_LANE, cost: tx.s.costs.hypercall,
      say: ['resource.alloc', by.name, amount, resource, used + amount, limit],
    });
    return ok(amount);
  }
  emit(tx, {
    tag: '[0049]', kind: 'resource.forward', from: by.pid, to: SCP_PID, cost: tx.s.costs.hypercall,
    say: ['resource.forward', by.name, amount, resource, limit],
  });
  // every requestable resource has a ceiling from boot (lab.ts), which policy() only changes
  const ceiling = tx.s.policy.ceiling[resource]!;
  const room = Math.max(0, ceiling - used);
  const granted = Math.min(amount, room);
  if (granted === 0) {
    emit(tx, {
      tag: '[0049]', kind: 'resource.deny', from: SCP_PID, to: by.pid,
      say: ['resource.deny', by.name, used, resource, ceiling],
    });
    return { ok: false, error: { errno: 'ENOMEM', decided: true, message: `the system control program's policy denies it: ${by.name} holds ${used} ${resource} and the policy ceiling is ${ceiling}` } };
  }
  updatePartition(tx, by.pid, (p) => ({ ...p, limits: { ...p.limits, [resource]: used + granted } }));
  allocate(tx, by.pid, resource, granted);
  emit(tx, {
    tag: granted < amount ? 'lab:reduce' : '[0049]', kind: granted < amount ? 'resource.reduce' : 'resource.grant', from: SCP_PID, to: by.pid,
    say: granted < amount
      ? ['resource.reduce', by.name, granted, amount, resource, ceiling, used + granted]
      : ['resource.grant', amount, resource, by.name, used + granted],
  });
  return ok(granted);
}
