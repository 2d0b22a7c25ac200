// Failures that are the lesson are events of the trace, with their tag and
// words, and leave the machine as it was: the sender's page fault after the
// flip ([0070]), a second sender refused by a one-to-one event port ([0063]),
// a connect refused while the service is set to connection not permitted
// ([0111]). `s.errno` checks the state is unchanged but for the clock.

import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { narrate } from '../narration.js';

describe('failures that are the lesson leave an event, and change nothing', () => {
  it('[0070]: the sender touches the area it sent and faults', () => {
    const s = session();
    const { client } = connectGuests(s);
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    s.ok({ kind: 'channel.send', by: A, port: client as never, addr, short: '' });
    const from = s.events.length;
    expect(s.errno({ kind: 'mem.read', by: A, addr, length: 1 })).toBe('EFAULT');
    const [fault] = s.events.slice(from);
    expect(fault).toMatchObject({ tag: '[0070]', kind: 'fault', from: A, to: 0, page: addr / 4096 });
    expect(narrate(fault!.say)).toBe("A touches 0x100000, where nothing is mapped in its space: page fault (EFAULT); the area is not A's to reach, and nothing changes");
    expect(s.errno({ kind: 'mem.write', by: A, addr, data: 'x' })).toBe('EFAULT');
    expect(s.events.at(-1)!.kind).toBe('fault');
  });

  it('[0063]: a receive port that has a send port refuses a second sender', () => {
    const s = session();
    const rp = s.ok({ kind: 'event.port', by: B }) as number;
    s.ok({ kind: 'event.connect', by: A, target: B, port: rp as never });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.permit', by: B, sig: sig as never });
    const from = s.events.length;
    expect(s.errno({ kind: 'event.connect', by: B, target: B, port: rp as never })).toBe('EADDRINUSE');
    const [refused] = s.events.slice(from);
    expect(refused).toMatchObject({ tag: '[0063]', kind: 'call.refuse', from: 0, to: B, port: rp });
    expect(narrate(refused!.say)).toBe(`control OS refuses B: B's receive port ${rp} already has a send port, and event connections are one-to-one (EADDRINUSE)`);
    // a port the control OS raises itself takes no send port either
    expect(s.errno({ kind: 'event.connect', by: A, target: B, port: 1 as never })).toBe('EADDRINUSE');
    expect(narrate(s.events.at(-1)!.say)).toContain('is raised by the control OS itself');
  });

  it('[0111]: a connect to a service set to connection not permitted is refused by the kernel', () => {
    const s = session();
    const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
    let from = s.events.length;
    expect(s.errno({ kind: 'channel.connectService', by: A, service: 7 })).toBe('ECONNREFUSED');
    expect(s.events.slice(from)).toEqual([expect.objectContaining({ tag: '[0111]', kind: 'channel.refuse', from: -1, to: A })]);
    expect(narrate(s.events.at(-1)!.say)).toBe('the kernel refuses A\'s connect: service 7 is set to connection not permitted (ECONNREFUSED)');
    // the lab's per-partition deny is refused the same way, under the lab's tag
    s.ok({ kind: 'sys.listen', fd: ls, permit: true });
    s.ok({ kind: 'sys.deny', fd: ls, pid: B });
    from = s.events.length;
    expect(s.errno({ kind: 'channel.connectService', by: B, service: 7 })).toBe('ECONNREFUSED');
    expect(s.events.slice(from)).toEqual([expect.objectContaining({ tag: 'lab:permit', kind: 'channel.refuse', to: B })]);
    // nobody bound to the service: nothing the program set up, so no event
    from = s.events.length;
    expect(s.errno({ kind: 'channel.connectService', by: A, service: 8 })).toBe('ECONNREFUSED');
    expect(s.events.length).toBe(from);
  });
});
