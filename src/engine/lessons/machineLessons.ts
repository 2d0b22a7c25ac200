// Lessons 1-3: the machine and its partitions, resources and the policy,
// control signals and event ports.

import type { Lesson } from './lesson.js';

export const MACHINE_LESSON: Lesson = {
  id: 'machine', number: 1, title: 'The machine and its partitions', figure: 'Figs. 1-3',
  summary: 'One processor module, one control OS, several operating systems side by side in logical partitions.',
  steps: [
    {
      title: 'Who is here',
      text: 'The control OS runs at the bottom in hypervisor mode [0050]. Partition 1 holds the system control OS, which runs the system control program in problem (user) mode; its policy decides what guests get [0048]-[0049]. Guests A and B run in supervisor mode in partitions 2 and 3 [0045]-[0047]. The Layers view draws Fig. 3.',
      type: ['lpars'],
      check: [{ kind: 'typed', pattern: '^lpars', says: 'you listed the partitions' }],
      hint: 'Type lpars in the terminal and press Enter.',
      ask: { question: 'Which partition runs in problem (user) mode?', answer: 'Partition 1, the system control OS with its program.' },
    },
    {
      title: 'Processors and time slices',
      text: 'The processor module has a main group and sub-processor groups of eight units, each group with a memory controller and a secondary cache [0041]-[0042]. The control OS places each logical processor of a partition on physical units: one on one, one on several, or several on one [0054]. The patent does not say how a unit is shared over time: handing out time slices round-robin is the lab\'s own scheduler. A\'s second processor spans two units; B\'s two share one unit. Run the scheduler and watch the Machine view.',
      type: ['tick(4)', 'ps'],
      check: [{ kind: 'tag', tag: 'lab:sched', event: 'sched.slice' }],
      hint: 'tick(4) runs four time slices.',
      ask: { question: 'B has two logical processors on one unit. How often does each run?', answer: 'Every other slice: the lab\'s round-robin scheduler alternates between them (the patent leaves scheduling open).' },
    },
    {
      title: 'A new partition',
      text: 'The system control program creates partitions and starts their guest OS in the order it chooses [0049]. A new partition starts with no resources and no limit [0053]; the program then grants it memory and processors, a second step in the trace.',
      type: ['lpar_create("C", 32, 2)'],
      check: [{ kind: 'status', ctx: 'C', status: 'active' }, { kind: 'count', what: 'framesOf', ctx: 'C', op: '==', value: 32 }],
      hint: 'lpar_create("C", 32, 2): the name, memory pages, logical processors.',
    },
    {
      title: 'A limit',
      text: 'A limit says how much a guest may take on its own, without asking the system control program [0055]. Give C a memory limit of 16 pages.',
      type: ['limit(C, mem, 16)'],
      check: [{ kind: 'resource', ctx: 'C', resource: 'mem', of: 'limit', op: '==', value: 16 }],
      hint: 'limit(C, mem, 16)',
    },
  ],
};

export const POLICY_LESSON: Lesson = {
  id: 'policy', number: 2, title: 'Resources, limits and the policy saying no', figure: '[0049], [0055]',
  summary: 'Within its limit a guest helps itself; past it, the system control program sees the request first and may grant or deny it, or (the lab\'s own policy) reduce it.',
  steps: [
    {
      title: 'Within the limit',
      text: 'Guest A may take up to 16 pages of memory on its own [0055]. A request within that is served by the control OS at once, without asking anyone.',
      type: ['@A request(mem, 8)'],
      check: [{ kind: 'tag', tag: '[0055]', event: 'resource.alloc' }, { kind: 'resource', ctx: 'A', resource: 'mem', of: 'used', op: '>=', value: 8 }],
      hint: 'Run the request in A: @A request(mem, 8).',
    },
    {
      title: 'Past the limit: the policy decides',
      text: 'Past its limit, A\'s request goes to the system control program before the control OS acts [0049]. Its policy allows up to 64 pages, so it grants the request and raises A\'s limit.',
      type: ['@A request(mem, 12)'],
      check: [{ kind: 'tag', tag: '[0049]', event: 'resource.grant' }, { kind: 'resource', ctx: 'A', resource: 'mem', of: 'limit', op: '==', value: 20 }],
      hint: '8 + 12 = 20 is past the limit of 16: the policy sees it.',
      ask: { question: 'Who sees this request first: the control OS or the system control program?', answer: 'The system control program: it examines it and may change its policy or deny it [0049]; reducing it is the lab\'s own choice of policy.' },
    },
    {
      title: 'Reduced',
      text: 'The program tightens its policy to 24 pages per guest. A asks for 10 more, but only 4 fit under the ceiling. The patent lets the program examine a request, change its policy, or deny it, so that no guest takes everything [0049]; granting only part of it is the lab\'s own choice of policy, and the trace marks it lab.',
      type: ['policy(mem, 24)', '@A request(mem, 10)'],
      check: [{ kind: 'tag', tag: 'lab:reduce', event: 'resource.reduce' }, { kind: 'resource', ctx: 'A', resource: 'mem', of: 'used', op: '==', value: 24 }],
      hint: 'Set the ceiling with policy(mem, 24), then ask from A.',
    },
    {
      title: 'Denied',
      text: 'At the ceiling the policy says no [0049]. The call fails with ENOMEM and nothing changes; the denial is still in the trace.',
      type: ['@A request(mem, 1)'],
      check: [{ kind: 'tag', tag: '[0049]', event: 'resource.deny' }, { kind: 'answer', ctx: 'A', errno: 'ENOMEM' }, { kind: 'resource', ctx: 'A', resource: 'mem', of: 'used', op: '==', value: 24 }],
      hint: 'Ask for one more page from A.',
    },
  ],
};

export const EVENTS_LESSON: Lesson = {
  id: 'events', number: 3, title: 'Control signals and event ports', figure: '[0056]-[0064]',
  summary: 'Requests between partitions queue at a control signal port; events carry one pending bit, so events merge.',
  steps: [
    {
      title: 'A receive port',
      text: 'An event connection is one-way and one-to-one, from a send port to a receive port; both may be in one partition or in two [0063]. B opens a receive port.',
      type: ['@B rp = event_port()'],
      check: [{ kind: 'bound', name: 'rp' }],
      hint: '@B rp = event_port()',
    },
    {
      title: 'Asking by control signal',
      text: 'A asks B to connect a send port to rp. The request travels as a control signal and waits in B\'s control signal port, charged to B\'s memory [0056]-[0057]. A waits until B answers.',
      type: ['@A sp = event_connect(B, rp)', '@B signals()'],
      check: [{ kind: 'waiting', ctx: 'A', call: 'event_connect' }],
      hint: 'The name rp is shared by all contexts: @A sp = event_connect(B, rp).',
    },
    {
      title: 'B permits',
      text: 'B picks the oldest signal up and permits it. A\'s call returns its new send port.',
      type: ['@B sig = signal()', '@B permit(sig)'],
      check: [{ kind: 'waiting', ctx: 'A', call: null }, { kind: 'bound', name: 'sp' }],
      hint: 'signal() takes the oldest request; permit(sig) answers it.',
    },
    {
      title: 'Three events, one bit',
      text: 'A sends three events. The receive port holds no queue and no count: while the bit is pending, the next events merge into it [0063]. Watch the port in the Memory view.',
      type: ['@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)'],
      check: [{ kind: 'tag', tag: '[0063]', event: 'event.merge' }, { kind: 'pending', ctx: 'B', name: 'rp', pending: true }],
      hint: 'Send three times from A.',
      ask: { question: 'How many times will B\'s poll report an event?', answer: 'Once: the three sends merged into one pending bit.' },
    },
    {
      title: 'Reading the bit',
      text: 'B polls twice: the first poll sees the pending bit and clears it, the second finds nothing. Three sends, one event.',
      type: ['@B event_poll(rp)', '@B event_poll(rp)'],
      check: [{ kind: 'answer', ctx: 'B', value: '1' }, { kind: 'answer', ctx: 'B', value: '0' }, { kind: 'pending', ctx: 'B', name: 'rp', pending: false }],
      hint: 'event_poll(rp) in B, twice.',
    },
  ],
};
