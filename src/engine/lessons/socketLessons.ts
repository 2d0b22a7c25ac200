// Lessons 6, 7, 8 and 10: the system control program's sockets with virtual
// files and with direct mapping, select over two guests, and the flip
// compared with copying and with shared memory.

import type { Lesson } from './lesson.js';

const SERVICE_7 = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)'];

export const VFILE_LESSON: Lesson = {
  id: 'vfile', number: 6, title: 'Sockets with virtual files', figure: 'Figs. 7-9',
  summary: 'The system control program uses the message channel as a socket of a new domain [0084] (the patent gives it no name; AF_LPAR is the lab\'s); received areas appear as files under /msg.',
  realWorld: 'On the PS3, the real link between a guest and the policy module copies bytes; the patent\'s flip is the zero-copy design. Linux\'s AF_VSOCK is the nearest living relative of AF_LPAR.',
  steps: [
    {
      title: 'S201-S203: a listening socket',
      text: 'The program makes a connection socket (S201, S301), binds service 7 to it (S202, S302) and permits connections (S203, S303) [0088]-[0090].',
      type: SERVICE_7,
      check: [{ kind: 'tag', tag: 'S201' }, { kind: 'tag', tag: 'S202' }, { kind: 'tag', tag: 'S203' }],
      hint: 'socket, bind, listen.',
    },
    {
      title: 'S204: accept waits',
      text: 'accept finds no request yet, so the kernel suspends the program (S204 (d)). The terminal stays yours: other contexts can still type.',
      type: ['fd = accept(s)'],
      check: [{ kind: 'waiting', ctx: 'scp', call: 'accept' }],
      hint: 'fd = accept(s)',
    },
    {
      title: 'S305-S306: A connects',
      text: 'A asks for service 7 (S305). The kernel releases the program from accept (S204 (e)), makes a communication socket and returns its fd (S204 (a)-(c), S306) [0091].',
      type: ['@A ch = connect(7)'],
      check: [{ kind: 'waiting', ctx: 'scp', call: null }, { kind: 'bound', name: 'fd' }, { kind: 'tag', tag: 'S306' }],
      hint: '@A ch = connect(7)',
    },
    {
      title: 'S307-S309: the message becomes a file',
      text: 'A sends an area (S307); the kernel receives it (S308(a)). read on the socket makes a virtual file for it and returns the file\'s name and the short message (S-A, S309(a)) [0098].',
      type: ['@A a = area(4096)', '@A poke(a, "need 64 pages")', '@A send(ch, a, "mem request")', 'r = read(fd)', 'ls /msg'],
      check: [{ kind: 'bound', name: 'r', field: 'vfile' }, { kind: 'count', what: 'files', op: '==', value: 1 }, { kind: 'tag', tag: 'S308(a)' }],
      hint: 'Send from A, then r = read(fd).',
    },
    {
      title: 'S310: open, read, write',
      text: 'The program opens the file and reads and writes it like any file (S-B, S310(a)) [0101]; the bytes are the message area itself.',
      type: ['v = open(r.vfile)', 'read(v, 13)', 'write(v, " granted")', 'close(v)'],
      check: [{ kind: 'answer', ctx: 'scp', value: '"need 64 pages"' }, { kind: 'tag', tag: 'S-B' }],
      hint: 'v = open(r.vfile), then read(v, 13).',
    },
    {
      title: 'S311: back to A',
      text: 'write on the socket with the file\'s name sends the area back: the virtual file vanishes and the frames are mapped into A again (S-C, S311(a)) [0103]-[0104].',
      type: ['write(fd, r.vfile)', '@A r2 = recv(ch)', '@A peek(r2.addr, 21)'],
      check: [{ kind: 'tag', tag: 'S-C' }, { kind: 'tag', tag: 'S311(a)' }, { kind: 'count', what: 'files', op: '==', value: 0 }, { kind: 'answer', ctx: 'A', value: '"need 64 pages granted"' }],
      hint: 'write(fd, r.vfile), then recv in A.',
      ask: { question: 'After write(fd, r.vfile), what does ls /msg show?', answer: 'Nothing: the file vanished when its area went back to A.' },
    },
  ],
};

export const MAP_LESSON: Lesson = {
  id: 'map', number: 7, title: 'Sockets with direct mapping', figure: 'Figs. 10-12',
  summary: 'With MSG_MAP the kernel maps a received area straight into the program, which reads and writes it in place.',
  steps: [
    {
      title: 'A direct-map service',
      text: 'The program makes a socket with MSG_MAP, binds service 9 and listens; B connects and the program accepts.',
      type: ['m = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)'],
      check: [{ kind: 'bound', name: 'fd' }, { kind: 'waiting', ctx: 'B', call: null }],
      hint: 'socket(..., MSG_MAP), bind, listen, then connect from B and accept.',
    },
    {
      title: 'S308(b): mapped into the program',
      text: 'B sends a query. read maps the area into the program\'s own address space and returns its address and size (S308(b), [0100]).',
      type: ['@B a = area(100)', '@B poke(a, "status?")', '@B send(ch, a, "query")', 'r = read(fd)'],
      check: [{ kind: 'bound', name: 'r', field: 'addr' }, { kind: 'mapped', ctx: 'scp', name: 'r', field: 'addr', mapped: true }],
      hint: 'r = read(fd) returns {addr, size, short}.',
    },
    {
      title: 'S310(b): in place',
      text: 'The program reads and writes the message directly at its address: no file, no copy (S309(b), S310(b), [0102]).',
      type: ['peek(r.addr, 7)', 'poke(r.addr, "ok")'],
      check: [{ kind: 'tag', tag: 'S309(b)' }, { kind: 'tag', tag: 'S310(b)' }, { kind: 'answer', ctx: 'scp', value: '"status?"' }],
      hint: 'peek(r.addr, 7), then poke(r.addr, "ok").',
    },
    {
      title: 'S311(b): released',
      text: 'write with the address sends the area back to B: the mapping in the program is released [0105], so touching the address now faults.',
      type: ['write(fd, r.addr)', 'peek(r.addr, 2)'],
      check: [{ kind: 'tag', tag: 'S311(b)' }, { kind: 'mapped', ctx: 'scp', name: 'r', field: 'addr', mapped: false }, { kind: 'answer', ctx: 'scp', errno: 'EFAULT' }],
      hint: 'write(fd, r.addr), then peek again.',
    },
  ],
};

export const SELECT_LESSON: Lesson = {
  id: 'select', number: 8, title: 'select over two guests', figure: '[0108]',
  summary: 'One program, two communication sockets: select waits until either has a message.',
  steps: [
    {
      title: 'Two guests, two sockets',
      text: 'A and B both connect to service 7; the program accepts each: s0 talks to A, s1 to B.',
      type: [...SERVICE_7, '@A cha = connect(7)', '@B chb = connect(7)', 's0 = accept(s)', 's1 = accept(s)'],
      check: [{ kind: 'bound', name: 's0' }, { kind: 'bound', name: 's1' }, { kind: 'count', what: 'fds', op: '==', value: 3 }],
      hint: 'Connect from both, then accept twice.',
    },
    {
      title: 'select waits',
      text: 'Neither socket has a message, so select suspends the program [0108].',
      type: ['ready = select([s0, s1])'],
      check: [{ kind: 'waiting', ctx: 'scp', call: 'select' }],
      hint: 'ready = select([s0, s1])',
      ask: { question: 'B sends next. What will select return?', answer: '[s1], B\'s socket: the only one with a message.' },
    },
    {
      title: 'B sends',
      text: 'A message from B wakes select, which returns the ready socket: s1.',
      type: ['@B b = area(64)', '@B send(chb, b, "from B")'],
      check: [{ kind: 'waiting', ctx: 'scp', call: null }, { kind: 'answer', ctx: 'scp', value: '[5]' }],
      hint: 'Send from B.',
    },
    {
      title: 'Read it',
      text: 'The program reads from the socket select named.',
      type: ['read(s1)'],
      check: [{ kind: 'count', what: 'files', op: '==', value: 1 }],
      hint: 'read(s1)',
    },
  ],
};

export const COMPARE_LESSON: Lesson = {
  id: 'compare', number: 10, title: 'Flip, copy or shared memory', figure: 'cost model, [0056] c)',
  summary: 'The flip costs page-table work and TLB invalidation; a copy costs per byte; shared memory costs nothing per message but lets the writer change data after the reader checked it.',
  realWorld: 'Linux documents about 10 KB as the break-even for MSG_ZEROCOPY; L4\'s map and grant operations and Xen\'s grant tables are the living relatives of the flip.',
  steps: [
    {
      title: 'Cost by size',
      text: 'compare(bytes) prints the simulated cycles for moving a message by flip, by copy and by shared memory. A runs on two units, so unmapping from A needs a cross-processor TLB shootdown: for small messages copying wins.',
      type: ['@A compare(1500)', '@A compare(65536)'],
      check: [{ kind: 'typed', pattern: '^compare\\(', says: 'you compared costs' }],
      hint: '@A compare(1500), then a large size.',
      ask: { question: 'From A, which is cheaper for a 1500-byte packet: flip or copy?', answer: 'Copy: the TLB shootdown of the flip costs more than copying 1500 bytes.' },
    },
    {
      title: 'Shared memory',
      text: 'A asks B to share an area [0056] c). Once B permits, the same frames are mapped in both at once.',
      type: ['@A sh = share(B, 4096)', '@B s = signal()', '@B bsh = permit(s)'],
      check: [{ kind: 'bound', name: 'bsh' }, { kind: 'mapped', ctx: 'B', name: 'bsh', mapped: true }, { kind: 'mapped', ctx: 'A', name: 'sh', mapped: true }],
      hint: 'share, then signal and permit in B.',
    },
    {
      title: 'Time of check, time of use',
      text: 'A writes an order; B checks it. Then A rewrites it, and when B uses it the order has changed: B acted on something it never checked. With the flip this cannot happen, because A loses the page when it sends (lesson 5).',
      type: ['@A poke(sh, "pay 10")', '@B peek(bsh, 6)', '@A poke(sh, "pay 99")', '@B peek(bsh, 6)'],
      check: [{ kind: 'answer', ctx: 'B', value: '"pay 10"' }, { kind: 'answer', ctx: 'B', value: '"pay 99"' }],
      hint: 'poke in A, peek in B, twice.',
    },
  ],
};
