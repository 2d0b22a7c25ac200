// The trace a student reads while one partition asks another for an event
// port ([0056] a)) or a shared memory area ([0056] c)), and while the answer
// comes back: each event's step, kind, lanes, what it moves, and its words,
// as the sequence chart and the narration strip show them.

import { describe, expect, it } from 'vitest';
import { A, B, session } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import { narrate } from '../narration.js';
import { framesFree } from '../views/inspect.js';

/** The events `command` made, one line each: tag, kind, lanes, what moved, words. */
function traced(s: Session, command: Parameters<Session['run']>[0]): string[] {
  const from = s.events.length;
  s.run(command);
  return s.events.slice(from).map((e) => {
    const moved = [
      e.area !== undefined ? `area ${e.area}` : '', e.page !== undefined ? `page ${e.page}` : '',
      e.frames ? `frames ${e.frames.join(',')}` : '', e.port !== undefined ? `port ${e.port}` : '', e.sig !== undefined ? `sig ${e.sig}` : '',
    ].filter(Boolean).join(' ');
    return `${e.tag} ${e.kind} ${e.from}->${e.to}${moved ? ` [${moved}]` : ''}: ${narrate(e.say)}`;
  });
}

/** B picks up the signal waiting at its control signal port. */
const take = (s: Session) => (s.ok({ kind: 'signal.take', by: B }) as { sig: number }).sig as never;

describe('[0056] a): asking for an event port and the answer', () => {
  it('the request is queued at the owner and the asker waits in event_connect; the permit connects a send port and returns it', () => {
    const s = session();
    const rp = s.ok({ kind: 'event.port', by: B }) as number;
    expect(traced(s, { kind: 'event.connect', by: A, target: B, port: rp as never })).toEqual([
      `[0056] signal.queue 0->3 [sig 1]: control OS queues signal 1 at B's control signal port: A asks to connect an event port to its port ${rp}`,
      '[0057] event.raise 0->3 [port 1]: event to B port 1: a control signal reached the empty control signal port; the pending bit is set and B takes an interrupt',
      '[0056] call.suspend 2->2: A waits in event_connect until B permits or denies',
    ]);
    expect(traced(s, { kind: 'signal.permit', by: B, sig: take(s) })).toEqual([
      `[0063] event.connect 0->2 [port 2]: B permits: A's send port 2 now reaches B's receive port ${rp}`,
      "lab:answer call.complete 0->2: A's event_connect returns 2",
    ]);
  });
});

describe('[0056] c): asking to share a memory area and the answer', () => {
  it('the area is made and mapped in the asker first; the permit maps the same frames in the other', () => {
    const s = session();
    const free = framesFree(s.state);
    const asked = traced(s, { kind: 'shm.connect', by: A, target: B, bytes: 5000 });
    const { id, frames } = Object.values(s.state.areas)[0]!;
    expect(frames).toHaveLength(2);
    expect(framesFree(s.state)).toBe(free - 2);
    expect(asked).toEqual([
      `[0056] shm.map 0->2 [area ${id} page 256 frames ${frames.join(',')}]: control OS maps a shared area of 5000 bytes into A at 0x100000`,
      "[0056] signal.queue 0->3 [sig 1]: control OS queues signal 1 at B's control signal port: A asks to connect a shared memory area",
      '[0057] event.raise 0->3 [port 1]: event to B port 1: a control signal reached the empty control signal port; the pending bit is set and B takes an interrupt',
      '[0056] call.suspend 2->2: A waits in share until B permits or denies',
    ]);
    expect(traced(s, { kind: 'signal.permit', by: B, sig: take(s) })).toEqual([
      `[0056] shm.map 0->3 [area ${id} page 256 frames ${frames.join(',')}]: B permits: the same frames are now mapped in both A and B`,
      "lab:answer call.complete 0->2: A's share returns 1048576",
    ]);
    expect(framesFree(s.state)).toBe(free - 2);
  });

  it('a denied share fails with ECONNREFUSED [0062] and its area goes back to free memory', () => {
    const s = session();
    const free = framesFree(s.state);
    s.ok({ kind: 'shm.connect', by: A, target: B, bytes: 100 });
    expect(framesFree(s.state)).toBe(free - 1);
    expect(traced(s, { kind: 'signal.deny', by: B, sig: take(s) })).toEqual([
      '[0062] signal.deny 3->2 [sig 1]: B denies signal 1: no connection is made',
      "[0062] call.complete 0->2: A's share fails: ECONNREFUSED",
    ]);
    expect(framesFree(s.state)).toBe(free);
    expect(s.state.areas).toEqual({});
  });
});
