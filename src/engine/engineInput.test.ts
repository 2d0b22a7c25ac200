// Whatever calls the engine (the shell, a test, another client of index.ts)
// gets its input checked there too: a limit or a policy naming a resource the
// machine does not have is EINVAL and changes nothing; a command kind the
// engine does not know, which the types rule out, is a broken invariant, and
// so is a state that breaks one (what every engine test checks after a step).

import { describe, expect, it } from 'vitest';
import type { Command } from './command.js';
import { assertInvariants } from './invariants.js';
import { apply } from './lab.js';
import { A, session } from './testing/testkit.js';

describe('input the engine checks itself', () => {
  it('a limit on an unknown resource is refused', () => {
    const s = session();
    expect(s.errno({ kind: 'lpar.limit', pid: A, resource: 'gold' as never, amount: 3 })).toBe('EINVAL');
    const step = s.run({ kind: 'lpar.limit', pid: A, resource: 'gold' as never, amount: 3 });
    expect(!step.result.ok && step.result.error.message).toBe('unknown resource gold');
  });

  it('a policy ceiling on an unknown resource is refused, one on a known resource is set', () => {
    const s = session();
    expect(s.errno({ kind: 'policy.set', resource: 'gold' as never, ceiling: 3 })).toBe('EINVAL');
    expect(s.state.policy.ceiling).not.toHaveProperty('gold');
    s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 40 });
    expect(s.state.policy.ceiling.mem).toBe(40);
  });

  it('an unknown command kind throws as a broken invariant rather than doing nothing', () => {
    const s = session();
    expect(() => apply(s.state, { kind: 'lpar.destroy', by: A } as unknown as Command)).toThrow(/^invariant: unexpected value/);
  });

  it('a state whose free count lies fails the invariant check, naming what is broken', () => {
    const { state } = session();
    expect(() => assertInvariants(state)).not.toThrow();
    const lying = { ...state, frames: { ...state.frames, free: state.frames.free + 1 } };
    expect(() => assertInvariants(lying)).toThrow(/^invariant broken:\n- .*free/);
  });
});
