// Requests as messages under random decisions [0080], [0049]: two guests ask
// the program again and again; the program reads or not, grants, refuses,
// changes its ceiling, or the guest is interrupted, or the channel closed.
// Whatever happens, every frame is accounted for: each guest holds its own
// memory plus exactly what was granted, the pages that carried requests all
// went back to free memory, and no request is left without its asker.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { A, B, SCP, session } from '../testing/testkit.js';
import { framesOf } from '../views/inspect.js';
import type { Pid } from '../types.js';
import { asAsk } from '../types.js';

type Move = readonly [who: 0 | 1, what: number, amount: number];

/** How often each way of ending a request happened over all runs: each must have been tried. */
const seen = { grant: 0, refuse: 0, interrupt: 0, close: 0 };

const moveArb: fc.Arbitrary<Move> = fc.tuple(fc.constantFrom(0 as const, 1 as const), fc.nat(7), fc.integer({ min: 1, max: 12 }));

describe('requests as messages under random decisions (property)', () => {
  it('grant only what was asked, free every carrying page, and leave no request behind', () => {
    fc.assert(
      fc.property(fc.array(moveArb, { minLength: 5, maxLength: 40 }), (moves) => {
        const s = session();
        const fd = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
        s.ok({ kind: 'sys.bind', fd, service: 7 });
        s.ok({ kind: 'sys.listen', fd, permit: true });
        const comm = new Map<Pid, number>();
        for (const g of [A, B]) {
          s.ok({ kind: 'channel.connectService', by: g, service: 7 });
          comm.set(g, s.ok({ kind: 'sys.accept', fd }) as number);
        }
        s.ok({ kind: 'policy.ask', resource: 'mem', ask: true });
        s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 200 });
        const granted = new Map<Pid, number>([[A, 0], [B, 0]]);
        const closed = new Set<Pid>();
        const start = s.state.frames.free;
        for (const [who, what, amount] of moves) {
          // a read that found nothing (the request already read) waits: the program is cut short to go on
          if (s.state.partitions[SCP]!.wait) s.ok({ kind: 'call.interrupt', by: SCP });
          const g = who === 0 ? A : B;
          const wait = s.state.partitions[g]!.wait;
          const ask = wait?.call === 'request' ? s.state.asks[wait.ask] : undefined;
          if (!ask) {
            if (closed.has(g)) continue;
            // within its limit it takes pages itself; past it, it asks and waits
            const step = s.run({ kind: 'resource.request', by: g, resource: 'mem', amount: amount * 3 });
            if (step.result.ok && step.result.value !== null) granted.set(g, granted.get(g)! + (step.result.value as number));
            continue;
          }
          const fdOf = comm.get(g)!;
          switch (what) {
            case 0: case 1: s.run({ kind: 'sys.read', fd: fdOf, count: null }); break;
            case 2: case 3: {
              const step = s.run({ kind: 'resource.answer', ask: ask.id, grant: true, why: '' });
              if (step.result.ok) {
                granted.set(g, granted.get(g)! + ask.amount);
                seen.grant++;
              }
              else expect(s.state.asks[ask.id]).toEqual(ask);
              break;
            }
            case 4: if (s.run({ kind: 'resource.answer', ask: ask.id, grant: false, why: 'no' }).result.ok) seen.refuse++; break;
            case 5: s.ok({ kind: 'call.interrupt', by: g }); seen.interrupt++; break;
            case 6: s.ok({ kind: 'policy.set', resource: 'mem', ceiling: 16 + amount * 4 }); break;
            default:
              s.ok({ kind: 'sys.close', fd: fdOf });
              closed.add(g);
              seen.close++;
          }
          // an answer or a withdrawal ends the wait; anything else leaves the request as it was
          const now = s.state.partitions[g]!.wait;
          if (now) expect(s.state.asks[asAsk((now as { ask: number }).ask)]).toBeDefined();
        }
        for (const g of [A, B]) {
          if (s.state.partitions[g]!.wait) s.ok({ kind: 'call.interrupt', by: g });
        }
        expect(s.state.asks).toEqual({});
        expect(framesOf(s.state, A)).toBe(32 + granted.get(A)!);
        expect(framesOf(s.state, B)).toBe(32 + granted.get(B)!);
        expect(s.state.frames.free).toBe(start - granted.get(A)! - granted.get(B)!);
      }),
      { numRuns: 60, seed: 20261205 },
    );
    for (const [way, n] of Object.entries(seen)) expect(n, way).toBeGreaterThan(0);
  });
});
