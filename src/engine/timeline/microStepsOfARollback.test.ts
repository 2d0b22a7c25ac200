// The micro-steps of an entry are one state per event it kept. When accept
// tries a request it cannot serve (the guest is at its management-memory
// limit), the work it began for it is rolled back and the request refused:
// the rolled-back moments are not among the micro-steps either.

import { describe, expect, it } from 'vitest';
import type { Command } from '../command.js';
import { apply } from '../lab.js';
import { eventsOf, microStates, record, startTimeline, stateAt } from './timeline.js';
import type { Timeline } from './timeline.js';
import { asPid } from '../types.js';
import { usageOf } from '../partition/partitions.js';

const SCP = asPid(1);
const A = asPid(2);

function play(timeline: Timeline, commands: readonly Command[]): Timeline {
  for (const command of commands) timeline = record(timeline, command).timeline;
  return timeline;
}

describe('micro-steps after a rollback', () => {
  it('an accept that refused a request it could not serve has one moment per event kept, ending where accept left the machine', () => {
    let timeline = play(startTimeline(), [
      { kind: 'sys.socket', by: SCP, domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' },
      { kind: 'sys.bind', by: SCP, fd: 3, service: 7 },
      { kind: 'sys.listen', by: SCP, fd: 3, permit: true },
      { kind: 'channel.connectService', by: A, service: 7 },
    ]);
    timeline = play(timeline, [{ kind: 'lpar.limit', by: SCP, pid: A, resource: 'mgmt', amount: usageOf(timeline.current, A).mgmt }]);
    timeline = play(timeline, [{ kind: 'sys.accept', by: SCP, fd: 3 }]);
    const index = timeline.length - 1;
    // A's request was refused (ENOMEM) and the program waits for another
    expect(apply(stateAt(timeline, index), timeline.commands[index]!).completions).toEqual([expect.objectContaining({ pid: A, call: 'connect', result: expect.objectContaining({ ok: false }) })]);
    expect(timeline.current.partitions[SCP]!.wait).toEqual({ call: 'accept', fd: 3 });
    const { moments } = microStates(timeline, index);
    expect(moments).toHaveLength(eventsOf(timeline, index).length);
    expect(moments[moments.length - 1]).toEqual(stateAt(timeline, index + 1));
  });
});
