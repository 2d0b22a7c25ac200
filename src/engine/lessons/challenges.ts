// Challenges: a goal and rules, no step-by-step help. Each has a solution
// the tests play, so a challenge is known to be solvable.

import type { Challenge } from './lesson.js';

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'round-trip',
    title: 'A round trip',
    goal: 'Get a message from guest A to the system control program and an answer back into A that contains "ok", using one message area and no copying. At the end /msg must be empty.',
    check: [
      { kind: 'tag', tag: 'S311(a)' },
      { kind: 'count', what: 'files', op: '==', value: 0 },
      { kind: 'answer', ctx: 'A', text: 'ok' },
    ],
    hint: 'Virtual-file mode: read gives a file; write to the file, then write the file back on the socket.',
    solution: [
      's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)',
      '@A a = area(64)', '@A send(ch, a, "ping")', 'r = read(fd)', 'v = open(r.vfile)', 'write(v, "ok")', 'close(v)',
      'write(fd, r.vfile)', '@A r2 = recv(ch)', '@A peek(r2.addr, 2)',
    ],
  },
  {
    id: 'gatekeeper',
    title: 'The gatekeeper',
    goal: 'Serve service 7 to A but refuse B: B\'s connect must fail with ECONNREFUSED while A holds an open channel to the system control program.',
    check: [
      { kind: 'answer', ctx: 'B', errno: 'ECONNREFUSED' },
      { kind: 'waiting', ctx: 'A', call: null },
      { kind: 'count', what: 'fds', op: '>=', value: 2 },
    ],
    hint: 'Per-partition permission on a service [0090]: deny(s, B).',
    solution: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'deny(s, B)', '@B connect(7)', '@A ch = connect(7)', 'fd = accept(s)'],
  },
  {
    id: 'one-bit',
    title: 'One bit, many events',
    goal: 'Make guest A raise at least four events at a receive port of B, yet have B\'s first poll return 1 and its second return 0.',
    check: [
      { kind: 'tag', tag: '[0063]', event: 'event.merge' },
      { kind: 'answer', ctx: 'B', value: '1' },
      { kind: 'answer', ctx: 'B', value: '0' },
    ],
    hint: 'The receive port keeps a pending bit, not a count [0063].',
    solution: [
      '@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)',
      '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', '@B event_poll(rp)', '@B event_poll(rp)',
    ],
  },
  {
    id: 'squeeze',
    title: 'The squeeze',
    goal: 'Set a policy so that a guest\'s request is reduced rather than granted or denied, and show it: the guest ends up holding exactly 30 self-allocated pages.',
    check: [
      { kind: 'tag', tag: 'lab:reduce', event: 'resource.reduce' },
      { kind: 'resource', ctx: 'A', resource: 'mem', of: 'used', op: '==', value: 30 },
    ],
    hint: 'policy(mem, N) caps what any guest may hold. The patent lets the program examine, change its policy or deny [0049]; reducing is the lab\'s own policy.',
    solution: ['policy(mem, 30)', '@A request(mem, 64)'],
  },
  {
    id: 'clean-exit',
    title: 'A clean exit',
    goal: 'Create a partition D, have it send a message to B over a channel, end D before B reads it, and show that B still gets the message and then end of file, with every frame D held back in free memory (160 free frames minus the message B now owns).',
    check: [
      { kind: 'status', ctx: 'D', status: 'ended' },
      { kind: 'answer', ctx: 'B', value: '0' },
      { kind: 'count', what: 'framesFree', op: '==', value: 159 },
    ],
    hint: 'lpar_create, connect, permit, area, send, lpar_end, then recv twice in B.',
    solution: [
      'lpar_create("D", 16, 1)', '@D ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@D a = area(4096)',
      '@D send(ch, a, "bye")', 'lpar_end(D)', '@B r = recv(chb)', '@B recv(chb)',
    ],
  },
  {
    id: 'map-and-fault',
    title: 'Map, mend, and let go',
    goal: 'In direct-map mode, receive a message from B, change it in place to start with "OK", send it back, and prove the program can no longer touch it (a fault), while B reads "OK".',
    check: [
      { kind: 'tag', tag: 'S311(b)' },
      { kind: 'answer', ctx: 'scp', errno: 'EFAULT' },
      { kind: 'answer', ctx: 'B', text: 'OK' },
    ],
    hint: 'socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP); read gives an address to poke.',
    solution: [
      'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)',
      '@B a = area(16)', '@B poke(a, "please")', '@B send(ch, a)', 'r = read(fd)', 'poke(r.addr, "OK")', 'write(fd, r.addr)',
      'peek(r.addr, 2)', '@B r2 = recv(ch)', '@B peek(r2.addr, 6)',
    ],
  },
];

export function findChallenge(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
