// Who may make which call: the guest OS programming interface [0047] is for
// guests, the system calls [0084]-[0108] for the system control program.
// Each refusal is a clear EACCES that leaves the machine as it was.

import { describe, expect, it } from 'vitest';
import { A, B, session } from './testing/testkit.js';
import { applyTraced, checkConfig, createLab, DEFAULT_CONFIG, MAX_FRAMES } from './lab.js';
import type { Command } from './command.js';
import { asPort, asSig } from './types.js';

type Loose = Command extends infer C ? (C extends { by: unknown } ? Omit<C, 'by'> : never) : never;

const GUEST_ONLY: readonly Loose[] = [
  { kind: 'resource.request', resource: 'mem', amount: 1 },
  { kind: 'event.port' },
  { kind: 'event.connect', target: B, port: asPort(1) },
  { kind: 'event.send', port: asPort(1) },
  { kind: 'event.poll', port: asPort(1) },
  { kind: 'signal.notify', port: asPort(1) },
  { kind: 'signal.take' },
  { kind: 'signal.permit', sig: asSig(1) },
  { kind: 'signal.deny', sig: asSig(1) },
  { kind: 'channel.connect', target: B },
  { kind: 'channel.connectService', service: 7 },
  { kind: 'channel.send', port: asPort(1), addr: 0x100000, short: '' },
  { kind: 'channel.recv', port: asPort(1) },
  { kind: 'channel.close', port: asPort(1) },
  { kind: 'area.reserve', bytes: 64 },
  { kind: 'area.free', addr: 0x100000 },
  { kind: 'shm.connect', target: B, bytes: 64 },
];

const SCP_ONLY: readonly Loose[] = [
  { kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' },
  { kind: 'sys.bind', fd: 3, service: 7 },
  { kind: 'sys.listen', fd: 3, permit: true },
  { kind: 'sys.accept', fd: 3 },
  { kind: 'sys.read', fd: 3, count: null },
  { kind: 'sys.write', fd: 3, data: 'x' },
  { kind: 'sys.msgnew', fd: 3, bytes: 64 },
  { kind: 'sys.select', fds: [3] },
  { kind: 'sys.close', fd: 3 },
  { kind: 'sys.open', path: '/msg/A.1' },
  { kind: 'sys.unlink', target: '/msg/A.1' },
  { kind: 'sys.permit', fd: 3, pid: A },
  { kind: 'sys.deny', fd: 3, pid: A },
  { kind: 'policy.set', resource: 'mem', ceiling: 1 },
];

describe('who may call what', () => {
  it.each(GUEST_ONLY.map((c) => [c.kind, c] as const))('%s is a guest call: the system control program gets EACCES', (_kind, command) => {
    const s = session();
    const step = s.run(command as never);
    expect(step.result).toMatchObject({ ok: false, error: { errno: 'EACCES', message: expect.stringMatching(/guest call/) } });
  });

  it.each(SCP_ONLY.map((c) => [c.kind, c] as const))('%s is the system control program\'s: a guest gets EACCES', (_kind, command) => {
    const s = session();
    expect(s.errno({ ...command, by: A } as never)).toBe('EACCES');
  });
});

describe('the lab\'s configuration', () => {
  it.each([
    [{ frames: 100 }, /frames must be/],
    [{ frames: MAX_FRAMES + 1 }, /frames must be/],
    [{ frames: 300.5 }, /frames must be/],
    [{ groups: 1 }, /groups must be 2 to 8/],
    [{ groups: 9 }, /groups must be 2 to 8/],
    [{ unitsPerGroup: 1 }, /units per group/],
    [{ unitsPerGroup: 17 }, /units per group/],
    [{ seed: -1 }, /seed/],
    [{ seed: 2 ** 32 }, /seed/],
  ])('refuses %o with a reason', (partial, why) => {
    expect(checkConfig({ ...DEFAULT_CONFIG, ...partial })).toMatch(why);
    expect(() => createLab(partial)).toThrow(why);
  });

  it('accepts the edges', () => {
    expect(checkConfig({ ...DEFAULT_CONFIG, frames: 128, groups: 2, unitsPerGroup: 16, seed: 0 })).toBeNull();
    expect(checkConfig({ ...DEFAULT_CONFIG, frames: MAX_FRAMES, groups: 8, unitsPerGroup: 2, seed: 2 ** 32 - 1 })).toBeNull();
  });
});

describe('applyTraced', () => {
  it('gives the state after each event of a policy denial, which is in the trace', () => {
    const s = session();
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 16 });
    s.ok({ kind: 'resource.request', by: A, resource: 'mem', amount: 16 });
    const step = applyTraced(s.state, { kind: 'resource.request', by: A, resource: 'mem', amount: 1 });
    expect(step.result).toMatchObject({ ok: false, error: { errno: 'ENOMEM', decided: true } });
    expect(step.moments).toHaveLength(step.events.length);
    expect(step.moments.length).toBe(2);
    // a refusal completes nobody's suspended call and suspends no one
    expect([step.completions, step.suspended]).toEqual([[], null]);
  });

  it('gives no moments for a refusal that is not a decision', () => {
    const s = session();
    const step = applyTraced(s.state, { kind: 'area.reserve', by: A, bytes: 0 });
    expect(step.result.ok).toBe(false);
    expect(step.moments).toEqual([]);
    expect(step.state).toBe(s.state);
    expect([step.events, step.completions, step.suspended]).toEqual([[], [], null]);
  });
});

describe('the lab\'s cost model (lab:cost)', () => {
  it('says which cost was set, and to what, in the trace', () => {
    const s = session();
    const step = s.run({ kind: 'cost.set', param: 'hypercall', value: 5 });
    expect(step.events.map((e) => [e.tag, e.kind, e.say])).toEqual([['lab:cost', 'cost.set', ['cost.set', 'hypercall', 5]]]);
    expect(s.state.costs.hypercall).toBe(5);
  });
});
