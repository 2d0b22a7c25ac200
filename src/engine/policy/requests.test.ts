import { describe, expect, it } from 'vitest';
import { A, session } from '../testing/testkit.js';
import { framesOf } from '../views/inspect.js';

describe('resource requests [0049], [0055]', () => {
  it('within the limit: taken without asking the system control program', () => {
    const s = session();
    const from = s.events.length;
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 8 })).toBe(8);
    expect(s.events.slice(from).map((e) => [e.tag, e.kind])).toEqual([['[0055]', 'resource.alloc']]);
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
    expect(s.events.slice(from).map((e) => e.kind)).toEqual(['resource.forward', 'resource.grant']);
    expect(s.state.partitions[A]!.limits.mem).toBe(20);
  });

  it('past the limit and the ceiling: the policy reduces the request', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 24 });
    expect(s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 64 })).toBe(24);
    expect(s.events.at(-1)!.kind).toBe('resource.reduce');
    // reducing is the lab's own policy, not something [0049] names
    expect(s.events.at(-1)!.tag).toBe('lab:reduce');
  });

  it('at the ceiling: the policy says no, and nothing changes', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 16 });
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 16 });
    const from = s.events.length;
    expect(s.errno({ kind: 'resource.request', by: A, resource: 'mem', amount: 1 })).toBe('ENOMEM');
    // the denial is something the machine did: the program saw the request and said no, in the trace
    expect(s.events.slice(from).map((e) => `${e.tag} ${e.kind}`)).toEqual(['[0049] resource.forward', '[0049] resource.deny']);
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
});
