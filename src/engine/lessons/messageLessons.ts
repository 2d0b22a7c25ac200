// Lessons 4, 5 and 9: a message between guests by the ownership flip, why the
// sender must fault afterwards, and ending a partition with open channels.

import type { Lesson } from './lesson.js';

const CONNECT_A_TO_B = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];

export const FLIP_LESSON: Lesson = {
  id: 'flip', number: 4, title: 'Guest to guest: S101-S112 and the flip', figure: 'Figs. 4-6',
  summary: 'A message channel is asked for, permitted and made; a message area is reserved, mapped, and then flipped to the receiver without copying a byte.',
  realWorld: 'Xen once moved network packets to guests this way ("page flipping" with grant transfers). It switched to copying for receive, because invalidating TLB entries on several processors cost more than copying a typical 1.5 KB packet, and a failed transfer call still takes the page away. Try compare(1500) and compare(65536) in A, whose processors span two units.',
  steps: [
    {
      title: 'S101-S102: asking for a channel',
      text: 'A (the client) asks the control OS for a message channel to B (the server) [0061]. The control OS forwards the request to B\'s control signal port (S101, S102). A\'s call waits.',
      type: ['@A ch = connect(B)'],
      check: [{ kind: 'tag', tag: 'S101' }, { kind: 'tag', tag: 'S102' }, { kind: 'waiting', ctx: 'A', call: 'connect' }],
      hint: '@A ch = connect(B)',
    },
    {
      title: 'S103-S104: permitted',
      text: 'B takes the request and permits it (S103). The control OS makes the channel with a message port at each end, each tied to an event receive port, and tells both sides by event (S104) [0062], [0074].',
      type: ['@B sig = signal()', '@B chb = permit(sig)'],
      check: [{ kind: 'tag', tag: 'S103' }, { kind: 'tag', tag: 'S104' }, { kind: 'count', what: 'channels', op: '==', value: 1 }],
      hint: 'signal() picks up the request, permit(sig) answers it.',
    },
    {
      title: 'S105-S106: a message area',
      text: 'A reserves a message area; the control OS takes free frames for it and maps them into A\'s logical address space (S105, S106) [0075]. This is state 1 of Fig. 5: the area belongs to A.',
      type: ['@A a = area(4096)', '@A poke(a, "hello")'],
      check: [{ kind: 'tag', tag: 'S105' }, { kind: 'tag', tag: 'S106' }, { kind: 'mapped', ctx: 'A', name: 'a', mapped: true }],
      hint: '@A a = area(4096) then @A poke(a, "hello").',
    },
    {
      title: 'S107: the flip',
      text: 'A sends the area. The control OS unmaps it from A, hands its frames to B and maps them into B (S107) [0070], [0076]: state 2 of Fig. 5. Watch the Memory view: the frame changes colour, A\'s mapping line breaks and B\'s grows. No byte moved.',
      type: ['@A send(ch, a, "hi")'],
      check: [{ kind: 'tag', tag: 'S107', event: 'area.flip' }, { kind: 'mapped', ctx: 'A', name: 'a', mapped: false }],
      hint: '@A send(ch, a, "hi")',
      ask: { question: 'Who owns the frame of the message now?', answer: 'B: the frames changed owner; A has no mapping of them.' },
    },
    {
      title: 'S108-S109: read and discard',
      text: 'B takes the message from its port and reads it straight from the frames it now owns (S108) [0077], then discards the area: the frames go back to free memory (S109).',
      type: ['@B r = recv(chb)', '@B peek(r.addr, 5)', '@B free(r.addr)'],
      check: [{ kind: 'answer', ctx: 'B', value: '"hello"' }, { kind: 'tag', tag: 'S108' }, { kind: 'tag', tag: 'S109' }],
      hint: 'recv gives a record; its addr field is where B sees the area.',
    },
    {
      title: 'S110-S112: closing',
      text: 'B discards its message port (S110); the control OS tells A by event (S111); A discards its port (S112) and the channel is gone [0078].',
      type: ['@B close(chb)', '@A close(ch)'],
      check: [{ kind: 'tag', tag: 'S110' }, { kind: 'tag', tag: 'S111' }, { kind: 'tag', tag: 'S112' }, { kind: 'count', what: 'channels', op: '==', value: 0 }],
      hint: 'close(chb) in B, then close(ch) in A.',
    },
  ],
};

export const FAULT_LESSON: Lesson = {
  id: 'fault', number: 5, title: 'After the flip the sender faults', figure: '[0066]-[0070]',
  summary: 'Because the frames change owner, the sender cannot change a message after sending it: the receiver can trust what it reads.',
  steps: [
    {
      title: 'A channel',
      text: 'Set up a channel from A to B as in lesson 4.',
      type: CONNECT_A_TO_B,
      check: [{ kind: 'count', what: 'channels', op: '==', value: 1 }, { kind: 'waiting', ctx: 'A', call: null }],
      hint: 'connect, signal, permit.',
    },
    {
      title: 'A payment order',
      text: 'A writes an order into a message area and sends it.',
      type: ['@A a = area(4096)', '@A poke(a, "transfer 10")', '@A send(ch, a, "order")'],
      check: [{ kind: 'tag', tag: 'S107', event: 'area.flip' }],
      hint: 'area, poke, send.',
    },
    {
      title: 'A tries to change it',
      text: 'A still holds the address in its name a, and tries to rewrite the order. Its page table has no entry there any more: the touch is a page fault, EFAULT [0066], [0070]. A message area belongs to one partition at any moment.',
      type: ['@A poke(a, "transfer 99")'],
      check: [{ kind: 'answer', ctx: 'A', errno: 'EFAULT' }],
      hint: 'Write to a again from A.',
      ask: { question: 'What happens when A writes to its old address?', answer: 'A page fault (EFAULT): the page is no longer mapped in A.' },
    },
    {
      title: 'B reads what was sent',
      text: 'B reads the order as it was sent. Compare lesson 10, where shared memory lets the writer change it after the reader checked it.',
      type: ['@B r = recv(chb)', '@B peek(r.addr, 11)'],
      check: [{ kind: 'answer', ctx: 'B', value: '"transfer 10"' }],
      hint: 'recv, then peek at r.addr.',
    },
  ],
};

export const END_LESSON: Lesson = {
  id: 'end', number: 9, title: 'Ending a partition with open channels', figure: '[0053], S110-S111',
  summary: 'Ending a partition stops its processors, closes its channels (the peers are told) and gives back every frame it held: nothing leaks. In the patent a partition ends when its own guest OS asks [0053]; the program ending it is the lab\'s extension.',
  steps: [
    {
      title: 'C joins and talks to B',
      text: 'The program creates C; C opens a channel to B and sends it a message, which waits unread at B\'s port.',
      type: ['lpar_create("C", 32, 2)', '@C ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@C a = area(8192)', '@C send(ch, a, "last words")', '@C b = area(4096)'],
      check: [{ kind: 'count', what: 'queued', ctx: 'B', op: '==', value: 1 }, { kind: 'count', what: 'framesOf', ctx: 'C', op: '==', value: 33 }],
      hint: 'Create C, connect it to B, send one area and reserve another.',
    },
    {
      title: 'The end',
      text: 'The system control program ends C. The patent only has a guest OS ask for its own partition to end [0053]; lpar_end from the program is the lab\'s extension. C\'s logical processors stop [0053], its channel closes and B is told by event as in S110-S111, and all 33 of its frames are free again. The message it already sent belongs to B now, so B keeps it.',
      type: ['lpar_end(C)'],
      check: [{ kind: 'status', ctx: 'C', status: 'ended' }, { kind: 'count', what: 'framesOf', ctx: 'C', op: '==', value: 0 }, { kind: 'count', what: 'framesFree', op: '==', value: 158 }],
      hint: 'lpar_end(C)',
      ask: { question: 'What happens to the message C sent before it ended?', answer: 'B keeps it: the flip already made its frames B\'s.' },
    },
    {
      title: 'B reads, then finds the end',
      text: 'B reads the last message, then the next recv returns 0: end of file, the peer is gone.',
      type: ['@B r = recv(chb)', '@B recv(chb)'],
      check: [{ kind: 'bound', name: 'r', field: 'addr' }, { kind: 'answer', ctx: 'B', value: '0' }],
      hint: 'recv twice in B.',
    },
  ],
};
