// The trace of a resource request carried to the system control program and
// of its answer, event by event and field by field (asks.test.ts follows the
// same requests through what the guests and the program see).

import { describe, expect, it } from 'vitest';
import { A, B, SCP, programServing, requestBy } from '../testing/testkit.js';
import { framesOf } from '../views/inspect.js';
import { narrate } from '../narration.js';
import { asAsk, asPort } from '../types.js';
import type { LabEvent } from '../event.js';
import { CONTROL_LANE, KERNEL_LANE } from '../event.js';
import { DEFAULT_COSTS, mapCost } from '../costs/costModel.js';

/** An event as the trace keeps it, without its place in the trace and its time. */
const fields = ({ seq: _seq, at: _at, ...rest }: LabEvent) => rest;

describe('what the trace says of a request and its answer, field by field', () => {
  it('the ask: the message to the program [0080], the page written (S105, S106), the guest suspended', () => {
    const s = programServing();
    const step = requestBy(s, A, 20);
    const area = step.events[1]!.area!;
    const frames = s.state.areas[area]!.frames;
    expect(step.events.map(fields).filter((e) => !['message.send', 'area.unmap', 'area.flip', 'message.queue', 'event.merge'].includes(e.kind))).toEqual([
      { tag: '[0080]', kind: 'resource.forward', from: A, to: SCP, cost: DEFAULT_COSTS.hypercall, say: ['resource.ask', 'A', 20, 'mem', 16, 3] },
      { tag: 'S105', kind: 'area.reserve', from: A, to: CONTROL_LANE, area, frames, cost: DEFAULT_COSTS.hypercall, say: ['area.reserve', 'A', 64, frames] },
      { tag: 'S106', kind: 'area.map', from: CONTROL_LANE, to: A, area, page: 256, frames, cost: mapCost(DEFAULT_COSTS, 1), say: ['ask.write', 'A', 256, 'request 20 mem'] },
      { tag: '[0080]', kind: 'call.suspend', from: A, to: A, cost: 0, say: ['call.suspend', 'A', 'request', ['until.answer']] },
    ]);
    expect(narrate(step.events[2]!.say)).toBe('control OS maps the area into A\'s logical space at 0x100000; A\'s guest OS writes "request 20 mem" into it');
    // the page carries the request's words, and the message its short form
    expect(step.events.find((e) => e.kind === 'message.send')!.say).toEqual(['message.send', 'A', 0x100000, 3, 'request 20 mem']);
    expect(s.state.asks[asAsk(1)]).toEqual({ id: 1, from: A, resource: 'mem', amount: 20, area, chan: 1 });
    expect(s.state.nextAsk).toBe(2);
  });

  it('a grant: the program\'s call [0049], the answer flipped back (S311), the grant, the control OS\'s allocation, the page discarded (S109), the call returned', () => {
    const s = programServing();
    requestBy(s, A, 20);
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const area = Object.values(s.state.asks)[0]!.area;
    const page = s.state.areas[area]!.frames;
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    const granted = s.state.partitions[A]!.ram.slice(-20);
    const all = step.events.map(fields);
    expect(all.filter((e) => !['area.flip', 'area.map'].includes(e.kind))).toEqual([
      { tag: '[0049]', kind: 'sys.call', from: SCP, to: KERNEL_LANE, cost: DEFAULT_COSTS.contextSwitch / 10, say: ['sys.call', 'grant(1)'] },
      { tag: 'S-C', kind: 'file.unlink', from: KERNEL_LANE, to: KERNEL_LANE, area, cost: 0, say: ['file.unlink', '/msg/A.1'] },
      { tag: '[0049]', kind: 'resource.grant', from: SCP, to: A, cost: 0, say: ['ask.grant', 20, 'mem', 'A', 20] },
      { tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: A, frames: granted, cost: DEFAULT_COSTS.hypercall, say: ['resource.allocGranted', 'A', 20, 'mem', 20] },
      { tag: 'S109', kind: 'area.discard', from: A, to: CONTROL_LANE, area, frames: page, cost: DEFAULT_COSTS.hypercall, say: ['ask.discard', 'A', page] },
      { tag: '[0049]', kind: 'call.complete', from: SCP, to: A, cost: 0, say: ['call.complete', 'A', 'request', '20'] },
    ]);
    expect(narrate(all[4]!.say)).toBe('the system control program grants 20 mem to A; its limit rises to 20');
    // the answer's words went back in the request's own page before it was discarded
    expect(all.filter((e) => e.kind === 'area.flip').map((e) => e.say)).toEqual([['area.flip', page, 'scp', 'A']]);
  });

  it('a refusal: the reason goes back, the guest\'s call fails with it in every language\'s words', () => {
    const s = programServing();
    requestBy(s, B, 20);
    s.ok({ kind: 'sys.read', fd: s.fb, count: null });
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: false, why: 'over "budget"' });
    const all = step.events.map(fields);
    expect(all[0]).toEqual({ tag: '[0049]', kind: 'sys.call', from: SCP, to: KERNEL_LANE, cost: DEFAULT_COSTS.contextSwitch / 10, say: ['sys.call', 'refuse(1, "over \\"budget\\"")'] });
    expect(all.slice(-3, -2)).toEqual([{ tag: '[0049]', kind: 'resource.deny', from: SCP, to: B, cost: 0, say: ['ask.refuse', 'B', 20, 'mem', 'over "budget"'] }]);
    expect(all.at(-1)).toEqual({ tag: '[0049]', kind: 'call.complete', from: SCP, to: B, cost: 0, say: ['call.fail', 'B', 'request', 'ENOMEM'] });
    expect(step.completions).toEqual([{
      pid: B, call: 'request',
      result: { ok: false, error: { errno: 'ENOMEM', message: 'the system control program refused: over "budget"', words: { id: 'error.asks.systemControlProgram2', values: { why: 'over "budget"' } } } },
    }]);
    expect(s.state.partitions[B]!.limits.mem).toBe(16);
    expect(framesOf(s.state, B)).toBe(32);
  });

  it('a grant of cache is a count: the control OS allocates it with no frames [0049]', () => {
    const s = programServing();
    s.ok({ kind: 'policy.ask', resource: 'cache', ask: true });
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'cache', amount: 1 });
    s.ok({ kind: 'resource.request', by: A, resource: 'cache', amount: 1 });
    requestBy(s, A, 2, 'cache');
    s.ok({ kind: 'sys.read', fd: s.fa, count: null });
    const free = s.state.frames.free;
    const step = s.run({ kind: 'resource.answer', ask: asAsk(1), grant: true, why: '' });
    expect(step.events.map(fields).filter((e) => e.kind === 'resource.grant' || e.kind === 'resource.alloc')).toEqual([
      { tag: '[0049]', kind: 'resource.grant', from: SCP, to: A, cost: 0, say: ['ask.grant', 2, 'cache', 'A', 3] },
      { tag: '[0049]', kind: 'resource.alloc', from: CONTROL_LANE, to: A, cost: DEFAULT_COSTS.hypercall, say: ['resource.allocGranted', 'A', 2, 'cache', 3] },
    ]);
    expect(s.state.partitions[A]!.held.cache).toBe(3);
    expect(s.state.partitions[A]!.limits.cache).toBe(3);
    // only the page that carried the request came back
    expect(s.state.frames.free).toBe(free + 1);
  });

  it('Ctrl-C withdraws the request in the lab\'s tag: its page freed from the program, the call failed', () => {
    const s = programServing();
    requestBy(s, B, 20);
    const area = Object.values(s.state.asks)[0]!.area;
    const page = s.state.areas[area]!.frames;
    const step = s.run({ kind: 'call.interrupt', by: B });
    expect(step.events.map(fields).slice(0, 2)).toEqual([
      { tag: 'lab:interrupt', kind: 'area.discard', from: KERNEL_LANE, to: CONTROL_LANE, area, frames: page, cost: DEFAULT_COSTS.hypercall, say: ['ask.withdraw', 1, 'B', page] },
      { tag: 'lab:interrupt', kind: 'call.complete', from: SCP, to: B, cost: 0, say: ['call.fail', 'B', 'request', 'EINTR'] },
    ]);
    expect(s.state.partitions[B]!.wait).toBeNull();
    expect(s.state.partitions[SCP]!.ports[asPort(5)]).toMatchObject({ queue: [] });
  });
});
