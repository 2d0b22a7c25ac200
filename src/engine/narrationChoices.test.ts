// Where a sentence of the trace depends on what happened, both ways read
// right: an unlimited limit, an event poll that found the bit set or not, a
// port discarded with or without unread messages, a service permitted or not,
// one fd ready or several, an event-port request named by its port.

import { describe, expect, it } from 'vitest';
import { narrate } from './narration.js';
import { A, B, session } from './testing/testkit.js';
import { asFrame } from './types.js';

describe('sentences that depend on what happened', () => {
  it('limits: a number, or unlimited', () => {
    expect(narrate(['lpar.limit', 'A', 16, 'mem'])).toBe('A may take up to 16 mem without asking');
    expect(narrate(['lpar.limit', 'A', null, 'mem'])).toBe('A may take any amount of mem');
    expect(narrate(['resource.alloc', 'A', 4, 'mem', 20, null])).toBe('A takes 4 mem within its limit (20 of unlimited) without asking');
    expect(narrate(['resource.alloc', 'A', 4, 'mem', 20, 24])).toBe('A takes 4 mem within its limit (20 of 24) without asking');
  });

  it('a time slice with nothing to run says the units are idle', () => {
    expect(narrate(['sched.slice', 3, []])).toBe('time slice 3: all units idle');
    expect(narrate(['sched.slice', 3, ['A lp1']])).toBe('time slice 3: A lp1');
  });

  it('an event poll that found the bit set, and one that did not', () => {
    expect(narrate(['event.poll', 'B', 2, true])).toBe('B reads port 2: an event was pending; the bit is cleared');
    expect(narrate(['event.poll', 'B', 2, false])).toBe('B reads port 2: nothing pending');
  });

  it('a port discarded with unread messages names how many', () => {
    expect(narrate(['port.discard', 'B', 3, 2])).toBe('B discards its message port 3 and the 2 unread message(s) in it');
    expect(narrate(['port.discard', 'B', 3, 0])).toBe('B discards its message port 3');
  });

  it('a service permitted or not, and a guest let in or refused, bound or not yet', () => {
    expect(narrate(['sock.listen', true, 7])).toBe('kernel permits connections to service 7');
    expect(narrate(['sock.listen', false, 7])).toBe('kernel sets service 7 to connection not permitted: new connects are refused');
    expect(narrate(['sock.permission', true, 'A', 7, 3])).toBe('kernel lets A connect to service 7');
    expect(narrate(['sock.permission', false, 'B', null, 3])).toBe('kernel refuses B for service (fd 3, not yet bound)');
  });

  it('a message the kernel discards, with its file or without one', () => {
    const frames = [160, 161].map(asFrame);
    expect(narrate(['kernel.discard', '/msg/A.1', frames])).toBe('kernel discards the message /msg/A.1: frames 160, 161 are free again');
    expect(narrate(['kernel.discard', null, frames])).toBe('kernel discards the message: frames 160, 161 are free again');
  });

  it('select says why each fd is ready, naming the lab\'s rules as the lab\'s', () => {
    expect(narrate(['select.return', [[4, 'message']]])).toBe('select returns [4]: fd 4 has a message');
    expect(narrate(['select.return', [[4, 'eof'], [5, 'request'], [6, 'file']]])).toBe(
      "select returns [4, 5, 6]: fd 4 is at end of file (ready by the lab's rule, like POSIX); "
      + "fd 5 has a connection request waiting (ready by the lab's rule, like POSIX); "
      + "fd 6 is an open virtual file, always readable (the lab's rule, like POSIX)",
    );
  });

  it('an event-port request is named by the port it asks for, as the machine queues it', () => {
    const s = session();
    const port = s.ok({ kind: 'event.port', by: B }) as number;
    const from = s.events.length;
    s.run({ kind: 'event.connect', by: A, target: B, port: port as never });
    const words = s.events.slice(from).map((e) => narrate(e.say));
    expect(words.some((w) => w.endsWith(`A asks to connect an event port to its port ${port}`))).toBe(true);
  });
});
