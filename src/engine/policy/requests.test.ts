import { describe, expect, it } from 'vitest';
import { A, SCP, session } from '../testing/testkit.js';
import type { LabEvent } from '../event.js';
import { CONTROL_LANE } from '../event.js';
import { DEFAULT_COSTS } from '../costs/costModel.js';
import { ownerOf } from '../memory/frameTable.js';
import { FREE } from '../types.js';
import { framesOf } from '../views/inspect.js';
import { MAX_REQUEST } from './requests.js';
import { usageOf } from '../partition/partitions.js';
import { narrate } from '../narration.js';

describe('resource requests [0049], [0055]', () => {
  it('within the limit: taken without asking the system control program', () => {
    const s = session();
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 8 })).toBe(8);
    expect(s.events.slice(from).map((e) => [e.tag, e.kind])).toEqual([['[0055]', 'resource.alloc']]);
    expect(s.events.at(-1)!.say).toEqual(['resource.alloc', 'A', 8, 'mem', 8, 16]);
    expect(framesOf(s.state, A)).toBe(40);
  });

  it('exactly up to the limit is still within it: no one is asked', () => {
    const s = session();
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 16 })).toBe(16);
    expect(s.events.slice(from).map((e) => e.kind)).toEqual(['resource.alloc']);
    expect(s.state.partitions[A]!.limits.mem).toBe(16);
  });

  it('past the limit: the policy grants, and the limit rises', () => {
    const s = session();
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 20 })).toBe(20);
    // [0080] the request is a message to the program, [0049] its answer comes back, then the control OS allocates
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind} ${e.from}->${e.to}`)).toEqual([
      '[0080] resource.forward 2->1', '[0049] resource.grant 1->2', '[0049] resource.alloc 0->2',
    ]);
    expect(narrate(s.events.at(-2)!.say)).toBe("policy grants 20 mem; A's limit rises to 20");
    expect(s.events.at(-1)!.frames).toHaveLength(20);
    expect(s.state.partitions[A]!.limits.mem).toBe(20);
  });

  it('past the limit and the ceiling: the policy reduces the request', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 24 });
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 64 })).toBe(24);
    expect(s.events.at(-2)!.kind).toBe('resource.reduce');
    // reducing is the lab's own policy, not something [0049] names
    expect(s.events.at(-2)!.tag).toBe('lab:reduce');
    expect(s.events.at(-1)!.frames).toHaveLength(24);
  });

  it('at the ceiling: the policy says no, and nothing changes', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 16 });
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 16 });
    const from = s.events.length;
    expect(s.errno({ kind: 'resource.request', by: A, resource: 'mem', amount: 1 })).toBe('ENOMEM');
    // the denial is something the machine did: the program saw the request and said no, in the trace
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind}`)).toEqual(['[0080] resource.forward', '[0049] resource.deny']);
  });

  it('rejects what cannot be requested', () => {
    const s = session();
    expect(s.errno({ kind: 'resource.request', by: A, resource: 'events', amount: 1 })).toBe('EINVAL');
    expect(s.errno({ kind: 'resource.request', by: A, resource: 'mem', amount: 0 })).toBe('EINVAL');
    expect(s.errno({ kind: 'resource.request', by: A, resource: 'mem', amount: 1e9 })).toBe('EINVAL');
    expect(s.errno({ kind: 'policy.set', by: A, resource: 'mem', ceiling: 1 })).toBe('EACCES');
  });

  it('grants devices, cache and bus as counts', () => {
    const s = session();
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'cache', amount: 2 })).toBe(2);
    expect(s.state.partitions[A]!.held.cache).toBe(2);
  });

  it('takes any whole amount from 1 to MAX_REQUEST, and says so past it', () => {
    const s = session();
    const words = (amount: number) => {
      const step = s.run({ kind: 'resource.request', by: A, resource: 'devices', amount });
      return step.result.ok ? 'taken or judged' : `${step.result.error.errno}: ${step.result.error.message}`;
    };
    // devices have no limit here, and need no address space: even the largest request is simply taken
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'devices', amount: MAX_REQUEST })).toBe(MAX_REQUEST);
    expect(words(MAX_REQUEST + 1)).toBe(`EINVAL: ask for 1 to ${MAX_REQUEST}, not ${MAX_REQUEST + 1}`);
    expect(words(0)).toBe(`EINVAL: ask for 1 to ${MAX_REQUEST}, not 0`);
  });

  it('refuses more memory than there are free frames, before any limit is looked at', () => {
    const s = session();
    const free = s.state.frames.free;
    const step = s.run({ kind: 'resource.request', by: A, resource: 'mem', amount: free + 1 });
    expect(!step.result.ok && `${step.result.error.errno}: ${step.result.error.message}`)
      .toBe(`ENOMEM: only ${free} physical frames are free; ${free + 1} were asked for`);
    expect(step.events).toEqual([]);
    // all the free frames are not too many: the request goes on to the limit and the program
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: null });
    const all = s.run({ kind: 'resource.request', by: A, resource: 'mem', amount: free });
    expect(all.events[0]?.kind).toBe('resource.forward');
  });

  it('looks at the address space for memory only: devices are taken with no page left to map', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: usageOf(s.state, A).vaddr });
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'devices', amount: 2 })).toBe(2);
  });

  it('a message area that would not fit the address space is refused in those words [0051] b)', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'vaddr', amount: usageOf(s.state, A).vaddr + 1 });
    const step = s.run({ kind: 'area.reserve', by: A, bytes: 2 * 4096 });
    expect(!step.result.ok && `${step.result.error.errno}: ${step.result.error.message}`)
      .toBe('ENOMEM: A has no virtual address space left for 2 more pages [0051] b)');
  });

  it('with no limit set, any amount is taken without asking the program', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'bus', amount: null });
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'bus', amount: 500 })).toBe(500);
    expect(s.events.slice(from).map((e) => e.kind)).toEqual(['resource.alloc']);
  });
});

/** An event as the trace keeps it, without its place in the trace and its time. */
const fields = ({ seq: _seq, at: _at, ...rest }: LabEvent) => rest;
const HYPERCALL = DEFAULT_COSTS.hypercall;

describe('what the trace says of a request the policy answers, field by field [0080], [0049], [0055]', () => {
  it('within the limit the guest takes it itself: its own hypercall to the control OS [0055]', () => {
    const s = session();
    const step = s.run({ kind: 'resource.request', by: A, resource: 'mem', amount: 3 });
    expect(step.events.map(fields)).toEqual([
      { tag: '[0055]', kind: 'resource.alloc', from: A, to: CONTROL_LANE, cost: HYPERCALL, say: ['resource.alloc', 'A', 3, 'mem', 3, 16] },
    ]);
    expect(s.state.partitions[A]!.ram).toHaveLength(35);
  });

  it('past the limit: the message to the program, its grant, the control OS\'s allocation, each from whom to whom', () => {
    const s = session();
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 4 });
    const step = s.run({ kind: 'resource.request', by: A, resource: 'mem', amount: 20 });
    const granted = s.state.partitions[A]!.ram.slice(-20);
    expect(step.events.map(fields)).toEqual([
      { tag: '[0080]', kind: 'resource.forward', from: A, to: SCP, cost: HYPERCALL, say: ['resource.forward', 'A', 20, 'mem', 16] },
      { tag: '[0049]', kind: 'resource.grant', from: SCP, to: A, cost: 0, say: ['resource.grant', 20, 'mem', 'A', 24] },
      { tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: A, frames: granted, cost: HYPERCALL, say: ['resource.allocGranted', 'A', 20, 'mem', 24] },
    ]);
    expect(narrate(step.events[0]!.say)).toBe('A asks the system control program by message for 20 mem past its limit of 16: the program sees it before the control OS');
    expect(s.state.partitions[A]!.limits.mem).toBe(24);
    expect(framesOf(s.state, A)).toBe(56);
  });

  it('reduced to what the ceiling leaves: the lab\'s own policy, and the limit rises to the ceiling', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'cache', ceiling: 3 });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cache', amount: 1 });
    s.ok({ kind: 'resource.request', by: A, resource: 'cache', amount: 1 });
    const step = s.run({ kind: 'resource.request', by: A, resource: 'cache', amount: 5 });
    expect(step.result).toEqual({ ok: true, value: 2 });
    expect(step.events.map(fields)).toEqual([
      { tag: '[0080]', kind: 'resource.forward', from: A, to: SCP, cost: HYPERCALL, say: ['resource.forward', 'A', 5, 'cache', 1] },
      { tag: 'lab:reduce', kind: 'resource.reduce', from: SCP, to: A, cost: 0, say: ['resource.reduce', 'A', 2, 5, 'cache', 3, 3] },
      { tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: A, cost: HYPERCALL, say: ['resource.allocGranted', 'A', 2, 'cache', 3] },
    ]);
    expect(s.state.partitions[A]!.held.cache).toBe(3);
    expect(s.state.partitions[A]!.limits.cache).toBe(3);
  });

  it('denied at the ceiling: the machine decided it, so the error says so and the two messages stay in the trace', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'bus', ceiling: 10 });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'bus', amount: 10 });
    s.ok({ kind: 'resource.request', by: A, resource: 'bus', amount: 10 });
    const before = s.state.partitions[A];
    const step = s.run({ kind: 'resource.request', by: A, resource: 'bus', amount: 1 });
    expect(step.result).toEqual({
      ok: false,
      error: {
        errno: 'ENOMEM', decided: true,
        message: "the system control program's policy denies it: A holds 10 bus and the policy ceiling is 10",
        words: { id: 'error.requests.policyDenies', values: { name: 'A', used: 10, resource: 'bus', ceiling: 10 } },
      },
    });
    expect(step.events.map(fields)).toEqual([
      { tag: '[0080]', kind: 'resource.forward', from: A, to: SCP, cost: HYPERCALL, say: ['resource.forward', 'A', 1, 'bus', 10] },
      { tag: '[0049]', kind: 'resource.deny', from: SCP, to: A, cost: 0, say: ['resource.deny', 'A', 10, 'bus', 10] },
    ]);
    expect(s.state.partitions[A]).toEqual(before);
  });

  it('a guest past its ceiling already (the program lowered it) is denied, not given a negative amount', () => {
    const s = session();
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'devices', amount: 2 });
    s.ok({ kind: 'resource.request', by: A, resource: 'devices', amount: 2 });
    s.ok({ kind: 'policy.set', resource: 'devices', ceiling: 1 });
    const step = s.run({ kind: 'resource.request', by: A, resource: 'devices', amount: 1 });
    expect(!step.result.ok && step.result.error.message).toBe("the system control program's policy denies it: A holds 2 devices and the policy ceiling is 1");
    expect(s.state.partitions[A]!.held.devices).toBe(2);
  });

  it('release: its own hypercall [0055], the frames it gave back (the last it took) or the count, and what it holds now', () => {
    const s = session();
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 5 });
    const last = s.state.partitions[A]!.ram.slice(-2);
    const mem = s.run({ kind: 'resource.release', by: A, resource: 'mem', amount: 2 });
    expect(mem.events.map(fields)).toEqual([
      { tag: '[0055]', kind: 'resource.release', from: A, to: CONTROL_LANE, frames: last, cost: HYPERCALL, say: ['resource.release', 'A', 2, 'mem', 3, 16] },
    ]);
    expect(last.every((f) => ownerOf(s.state.frames, f) === FREE)).toBe(true);
    expect(s.state.partitions[A]!.ram).toHaveLength(35);
    s.ok({ kind: 'resource.request', by: A, resource: 'bus', amount: 7 });
    const bus = s.run({ kind: 'resource.release', by: A, resource: 'bus', amount: 7 });
    expect(bus.events.map(fields)).toEqual([
      { tag: '[0055]', kind: 'resource.release', from: A, to: CONTROL_LANE, cost: HYPERCALL, say: ['resource.release', 'A', 7, 'bus', 0, null] },
    ]);
    expect(narrate(bus.events[0]!.say)).toBe('A releases 7 bus without asking (0 of unlimited now)');
    // all it took, and no more: what it was given stays
    expect(s.ok({ kind: 'resource.release', by: A, resource: 'mem', amount: 3 })).toBe(3);
    expect(s.state.partitions[A]!.ram).toHaveLength(32);
  });
});
