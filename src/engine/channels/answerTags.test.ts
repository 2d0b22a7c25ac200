// A suspended call's return carries the tag of what answered it, never the
// control signal port's [0057]: S104 when a channel is made ([0074],
// [0113] (b)), [0062] when the server denies, [0111] when the service is set
// to connection not permitted, and the lab's own rows where S05P1247 does not
// say how the asker learns.

import { describe, expect, it } from 'vitest';
import { A, B, session } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import type { LabEvent } from '../event.js';

/** The tag of the call.complete event that ended `pid`'s wait, within the events since `from`. */
function returnTag(s: Session, from: number, pid: number): string {
  const done = s.events.slice(from).filter((e: LabEvent) => e.kind === 'call.complete' && e.to === pid);
  expect(done).toHaveLength(1);
  return done[0]!.tag;
}

function listening(s: Session): number {
  const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
  s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
  s.ok({ kind: 'sys.listen', fd: ls, permit: true });
  return ls;
}

describe('what answers a suspended call tags its return', () => {
  it("a guest's connect returns by the S104 event when the peer permits", () => {
    const s = session();
    const from = s.events.length;
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.permit', by: B, sig: sig as never });
    expect(returnTag(s, from, A)).toBe('S104');
  });

  it('a connect to a service returns by S104 when the program accepts ([0113] (b))', () => {
    const s = session();
    const ls = listening(s);
    const from = s.events.length;
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.ok({ kind: 'sys.accept', fd: ls });
    expect(returnTag(s, from, A)).toBe('S104');
  });

  it('a denied connect fails by [0062]', () => {
    const s = session();
    const from = s.events.length;
    s.ok({ kind: 'channel.connect', by: A, target: B });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    s.ok({ kind: 'signal.deny', by: B, sig: sig as never });
    expect(returnTag(s, from, A)).toBe('[0062]');
  });

  it('a waiting connect fails by [0111] when the service is set to connection not permitted', () => {
    const s = session();
    const ls = listening(s);
    const from = s.events.length;
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.ok({ kind: 'sys.listen', fd: ls, permit: false });
    expect(returnTag(s, from, A)).toBe('[0111]');
  });

  it("a waiting connect refused for one partition, or by closing the socket, fails by the lab's rows", () => {
    const s = session();
    const ls = listening(s);
    let from = s.events.length;
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    s.ok({ kind: 'sys.deny', fd: ls, pid: A });
    expect(returnTag(s, from, A)).toBe('lab:permit');
    from = s.events.length;
    s.run({ kind: 'channel.connectService', by: B, service: 7 });
    s.ok({ kind: 'sys.close', fd: ls });
    expect(returnTag(s, from, B)).toBe('lab:close');
  });

  it("event_connect and share return by the lab's row: the patent does not say how their asker learns", () => {
    const s = session();
    const rp = s.ok({ kind: 'event.port', by: B }) as number;
    let from = s.events.length;
    s.ok({ kind: 'event.connect', by: A, target: B, port: rp as never });
    let sig = (s.ok({ kind: 'signal.take', by: B }) as { sig: number }).sig;
    s.ok({ kind: 'signal.permit', by: B, sig: sig as never });
    expect(returnTag(s, from, A)).toBe('lab:answer');
    from = s.events.length;
    s.ok({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    sig = (s.ok({ kind: 'signal.take', by: B }) as { sig: number }).sig;
    s.ok({ kind: 'signal.permit', by: B, sig: sig as never });
    expect(returnTag(s, from, A)).toBe('lab:answer');
  });

  it("a request left unanswered when its partition ends is refused by the lab's row", () => {
    const s = session();
    const from = s.events.length;
    s.ok({ kind: 'channel.connect', by: A, target: B });
    s.ok({ kind: 'lpar.end', by: B, pid: B });
    expect(returnTag(s, from, A)).toBe('lab:answer');
  });
});
