// The model-based property test: long random runs of valid and invalid
// operations, with every invariant checked after every step, every rejected
// operation required to leave the state exactly as it was, and every state
// frozen so that any mutation of an earlier moment throws.

import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, createLab } from './lab.js';
import { checkInvariants } from './invariants.js';
import { OP_KINDS, opToCommand } from './testing/randomOps.js';
import type { Op } from './testing/randomOps.js';

// the engine is compiled without DOM or Node types; vitest provides console and process
declare const console: { log(...args: unknown[]): void };
declare const process: { env: Record<string, string | undefined> };

/**
 * LPARLAB_PROPERTY_RUNS=n runs n random sessions instead of 420, for the
 * mutation run (npm run mutate), which repeats the suite for every mutant.
 */
const QUICK_RUNS = Number(process.env.LPARLAB_PROPERTY_RUNS ?? 0);
const RUNS = QUICK_RUNS > 0 ? QUICK_RUNS : 420;

/** Freeze everything reachable that is not frozen yet (shared parts were frozen before). */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

const opArb: fc.Arbitrary<Op> = fc.tuple(fc.nat(OP_KINDS - 1), fc.nat(999), fc.nat(999), fc.nat(999));

let operations = 0;
let rejected = 0;

describe('the engine under random operations (model-based property)', () => {
  it('keeps every invariant, and a rejected operation changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(opArb, { minLength: 200, maxLength: 300 }), (seed, ops) => {
        let state = createLab({ seed, frames: 128 + (seed % 3) * 64 }).state;
        deepFreeze(state);
        for (const op of ops) {
          const command = opToCommand(state, op);
          const before = operations % 97 === 0 ? JSON.stringify(state) : null;
          const step = apply(state, command);
          operations++;
          if (!step.result.ok && step.result.error.decided) {
            // a refusal the machine decided (a policy denial, a page fault, a refused connect): its events
            // stay in the trace, ending in the refusal, and nothing but the clock and the sequence moves
            expect({ ...step.state, clock: 0, seq: 0 }).toEqual({ ...state, clock: 0, seq: 0 });
            expect(['resource.deny', 'fault', 'call.refuse', 'channel.refuse']).toContain(step.events.at(-1)?.kind);
          } else if (!step.result.ok) {
            rejected++;
            expect(step.state).toBe(state);
            expect(step.events).toEqual([]);
          }
          if (before !== null) expect(JSON.stringify(state)).toBe(before);
          const broken = checkInvariants(step.state);
          if (broken.length) throw new Error(`after ${JSON.stringify(command)}:\n${broken.join('\n')}`);
          deepFreeze(step.state);
          state = step.state;
        }
      }),
      { numRuns: RUNS, seed: 20261126 },
    );
  }, 120_000);

  afterAll(() => {
    // at least 100,000 operations in total across seeds, unless a quick run was asked for
    if (QUICK_RUNS === 0) expect(operations).toBeGreaterThanOrEqual(100_000);
    expect(rejected).toBeGreaterThan(0);
    console.log(`property test: ${operations} operations, ${rejected} rejected`);
  });
});
