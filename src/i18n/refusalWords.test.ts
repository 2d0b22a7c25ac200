// Every refusal of the kernel's reading and writing (kernel/io.ts) and of the
// lab's own commands (lab.ts), as a student meets it: the line typed, the
// sentence printed, and the words a reader of another language gets for it
// (a catalog id and its values, src/engine/words.ts). For each one: the
// English catalog says exactly the engine's sentence (so the words carry
// every value the sentence does), the Japanese one leaves no English, and the
// machine is as it was before the line (a refused call changes nothing).
// Most are typed as lparsh lines; the few the shell stops before the engine
// sees them (a guest naming another's call, an unknown resource) are given to
// `apply` as the command the shell would have built.

import { describe, expect, it } from 'vitest';
import { asPid, formatOutput, runLine } from '../engine/index.ts';
import { expectEngineRefusal, expectTypedRefusal, shellAfter, type EngineRefusal, type Refusal } from './refusalCases.ts';

const A = asPid(2);
const B = asPid(3);

// The machines the refusals are tried on: after each, `s` is a listening
// socket (fd 3) and `fd` the communication socket with a guest (fd 4).
/** Virtual-file mode (Fig. 9): A sent one 4096-byte area, which the program read as r and opened as v (fd 5). */
const VFILE = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)',
  '@A ch = connect(7)', '@A a = area(4096)', '@A poke(a, "hello")', '@A send(ch, a, "x")',
  'r = read(fd)', 'v = open(r.vfile)',
];
/** Direct-map mode (Fig. 12): B sent a 100-byte area, mapped in the program at r.addr = 0x100000. */
const MAP = [
  'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)',
  '@B a = area(100)', '@B send(ch, a, "query")', 'r = read(fd)',
];
/** policy(mem, ask): A's request for 24 pages past its limit is a message the program has read as ra. */
const ASKED = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fa = accept(s)',
  'policy(mem, ask)', '@A request(mem, 24)', 'ra = read(fa)',
];

const long = (n: number) => `"${'x'.repeat(n)}"`;

const IO_REFUSALS: readonly Refusal[] = [
  { setup: VFILE, line: 'read(fd, -1)', says: '= -1 EINVAL: read count must be 0 to 65536, not -1', id: 'error.io.readCountMust' },
  { setup: VFILE, line: 'read(v, 65537)', says: '= -1 EINVAL: read count must be 0 to 65536, not 65537', id: 'error.io.readCountMust' },
  { setup: VFILE, line: 'read(s)', says: '= -1 EINVAL: fd 3 is a listening socket: read a communication socket from accept, or an open file', id: 'error.io.fdReadCommunication' },
  { setup: VFILE, line: 'write(v, 5)', says: '= -1 EINVAL: write to a file takes text, not 5', id: 'error.io.writeFileTakes' },
  { setup: VFILE, line: 'write(s, "x")', says: '= -1 EINVAL: fd 3 is a listening socket: write to a communication socket from accept', id: 'error.io.fdWriteCommunication' },
  { setup: VFILE, line: 'write(fd, "/msg/nope")', says: '= -1 ENOENT: there is no virtual file /msg/nope; ls /msg lists them', id: 'error.io.thereNoVirtual' },
  { setup: VFILE, line: 'unlink("/msg/nope")', says: '= -1 ENOENT: there is no virtual file /msg/nope; ls /msg lists them', id: 'error.io.thereNoVirtual' },
  { setup: VFILE, line: 'open("/msg/nope")', says: '= -1 ENOENT: there is no virtual file /msg/nope; ls /msg lists them', id: 'error.io.thereNoVirtual2' },
  { setup: VFILE, line: 'msg_new(s, 10)', says: '= -1 EINVAL: msg_new needs a communication socket from accept; fd 3 is a listening socket', id: 'error.io.msgNewNeeds' },
  { setup: VFILE, line: 'msg_new(fd, 0)', says: '= -1 EINVAL: a message area is 1 to 16777216 bytes; 0 is not', id: 'error.io.messageAreaBytes' },
  { setup: VFILE, line: 'msg_new(fd, 16777217)', says: '= -1 EINVAL: a message area is 1 to 16777216 bytes; 16777217 is not', id: 'error.io.messageAreaBytes' },
  // the largest area there is passes the size check, and then there are not the frames for it
  { setup: VFILE, line: 'msg_new(fd, 16777216)', says: '= -1 ENOMEM: only 159 physical frames are free; 4096 are needed', id: 'error.io.onlyPhysicalFrames' },
  { setup: VFILE, line: 'select([])', says: '= -1 EINVAL: select needs at least one fd', id: 'error.io.selectNeedsLeast' },
  // v is at offset 4000 of its 4096 bytes: 96 more fit, 97 do not
  { setup: [...VFILE, `write(v, ${long(4000)})`], line: `write(v, ${long(97)})`, says: '= -1 EFAULT: writing 97 bytes at offset 4000 runs past the end of /msg/A.1', id: 'error.io.writingBytesOffset' },
  // once the area went back to A, the file is gone and v reaches nothing
  { setup: [...VFILE, 'write(fd, r.vfile)'], line: 'read(v)', says: '= -1 EBADF: /msg/A.1 is gone (sent or unlinked); fd 5 no longer reaches it', id: 'error.io.goneSentUnlinked' },
  { setup: [...VFILE, 'write(fd, r.vfile)'], line: 'write(v, "y")', says: '= -1 EBADF: /msg/A.1 is gone (sent or unlinked); fd 5 no longer reaches it', id: 'error.io.goneSentUnlinked' },
  { setup: MAP, line: 'write(fd, 0x100001)', says: '= -1 EINVAL: 0x100001 is inside an area; send it by its first address', id: 'error.io.insideAreaFirst' },
  { setup: MAP, line: 'unlink(0x100004)', says: '= -1 EINVAL: 0x100004 is inside an area; discard it by its first address', id: 'error.io.insideAreaFirst' },
  { setup: MAP, line: 'write(fd, 0x12345)', says: '= -1 EFAULT: scp has nothing mapped at 0x12345: the page is not in its address space, so the touch faults [0070]', id: 'error.areas.fault', trace: ['[0070]'] },
  { setup: [...MAP, '@B close(ch)'], line: 'write(fd, r.addr)', says: '= -1 EPIPE: the guest at the other end of fd 4 has closed its channel: nobody will receive', id: 'error.io.guestOtherEnd' },
  {
    setup: [...MAP, 'limit(B, mem, 0)'], line: 'write(fd, r.addr)',
    says: '= -1 ENOMEM: B cannot take the area: B would pass its memory limit with 1 more pages; ask with request(mem, 1) [0055]', id: 'error.io.cannotTakeArea',
  },
  { setup: ASKED, line: 'write(fa, ra.vfile)', says: '= -1 EINVAL: that message is request 1 (A asks for 24 mem): answer it with grant(r) or refuse(r, "why"), not write', id: 'error.asks.thatMessageRequest' },
  { setup: ASKED, line: 'unlink(ra.vfile)', says: '= -1 EINVAL: that message is request 1 (A asks for 24 mem): answer it with grant(r) or refuse(r, "why"), not unlink', id: 'error.asks.thatMessageRequest' },
  // the program's table has 64 fds from 3: fd 3-5 are taken, so 61 more opens fill it
  {
    setup: [...VFILE, ...Array.from({ length: 61 }, () => 'open(r.vfile)')], line: 'open(r.vfile)',
    says: '= -1 ENOMEM: the file descriptor table is full: close something first', id: 'error.io.fileDescriptorTable',
  },
];

const LAB_REFUSALS: readonly Refusal[] = [
  { setup: [], line: 'lpar_create("lower", 8, 1)', says: '= -1 EINVAL: a partition name starts with a capital letter and has at most 16 letters or digits; "lower" does not', id: 'error.lab.partitionNameStarts' },
  { setup: [], line: 'policy(mem, -1)', says: '= -1 EINVAL: a ceiling is a whole number of at least 0', id: 'error.lab.ceilingWholeNumber' },
  { setup: [], line: 'policy(cpu, ask)', says: '= -1 EINVAL: requests are made for mem, devices, cache, bus; cpu is not one', id: 'error.lab.requestsAreMade' },
  { setup: [], line: 'cost(hypercall, -1)', says: '= -1 EINVAL: a cost is a number of cycles from 0 to 1e9', id: 'error.lab.costNumberCycles' },
  { setup: [], line: 'cost(hypercall, 1000000001)', says: '= -1 EINVAL: a cost is a number of cycles from 0 to 1e9', id: 'error.lab.costNumberCycles' },
  { setup: [], line: 'tick(0)', says: '= -1 EINVAL: slices must be 1 to 1000', id: 'error.lab.slicesMust' },
  { setup: [], line: 'tick(1001)', says: '= -1 EINVAL: slices must be 1 to 1000', id: 'error.lab.slicesMust' },
  // A may hold 16 event ports, one of them its control signal port from boot
  {
    setup: Array.from({ length: 15 }, () => '@A event_port()'), line: '@A event_port()',
    says: '= -1 ENOMEM: A is at its event-port or management-memory limit', id: 'error.lab.eventPortManagement',
  },
];

/** The one error a line printed, and the machine before and after it. */
describe.each([['kernel/io.ts', IO_REFUSALS], ['lab.ts', LAB_REFUSALS]] as const)('the refusals of %s, typed', (_file, refusals) => {
  it.each(refusals.map((r) => [r.line, r] as const))('%s: says why, in words of every language, and changes nothing', (_line, refusal) => {
    expectTypedRefusal(refusal);
  });
});

// What the shell never lets through (it checks arguments, and which side may
// make a call, before the engine sees the command), given to the engine as
// another front end could: the engine refuses it itself, in the same words.
const ENGINE_REFUSALS: readonly EngineRefusal[] = [
  { setup: VFILE, command: { kind: 'sys.read', fd: 4, count: 1.5 }, says: 'EINVAL: read count must be 0 to 65536, not 1.5', id: 'error.io.readCountMust' },
  { setup: VFILE, command: { kind: 'sys.msgnew', fd: 4, bytes: 1.5 }, says: 'EINVAL: a message area is 1 to 16777216 bytes; 1.5 is not', id: 'error.io.messageAreaBytes' },
  { setup: [], command: { kind: 'sys.read', by: asPid(9), fd: 3, count: null }, says: 'ESRCH: there is no partition 9', id: 'error.lab.thereNoPartition' },
  { setup: ['lpar_end(B)'], command: { kind: 'area.reserve', by: B, bytes: 10 }, says: 'ESRCH: B has ended: it can no longer make calls', id: 'error.lab.hasEndedCan' },
  // A waits in recv on a channel nobody has sent on yet
  {
    setup: ['@A ch = connect(B)', '@B x = signal()', '@B permit(x.sig)', '@A recv(ch)'], command: { kind: 'area.reserve', by: A, bytes: 10 },
    says: 'EAGAIN: A is suspended in recv; interrupt it (Ctrl-C) or let it complete first', id: 'error.lab.suspendedInterruptCtrl',
  },
  { setup: [], command: { kind: 'lpar.create', by: A, name: 'C', memPages: 8, processors: 1 }, says: 'EACCES: only the system control program may create partitions; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'lpar.limit', by: A, pid: B, resource: 'mem', amount: 1 }, says: 'EACCES: only the system control program may set limits; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'policy.set', by: A, resource: 'mem', ceiling: 1 }, says: 'EACCES: only the system control program may set the policy; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'policy.ask', by: A, resource: 'mem', ask: true }, says: 'EACCES: only the system control program may set the policy; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'resource.answer', by: A, ask: 1 as never, grant: true, why: '' }, says: 'EACCES: only the system control program may answer resource requests; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'sys.select', by: B, fds: [3] }, says: 'EACCES: only the system control program may make the system call select(); B is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'lpar.end', by: A, pid: B }, says: 'EACCES: only the system control program may end another partition; A is a guest', id: 'error.lab.onlySystemControl' },
  { setup: [], command: { kind: 'event.port' }, says: 'EACCES: event.port is a guest call; the system control program talks to guests through sockets', id: 'error.lab.guestCallSystem' },
  { setup: [], command: { kind: 'lpar.limit', pid: A, resource: 'disk' as never, amount: 1 }, says: 'EINVAL: unknown resource disk', id: 'error.lab.unknownResource' },
  { setup: [], command: { kind: 'policy.set', resource: 'disk' as never, ceiling: 1 }, says: 'EINVAL: unknown resource disk', id: 'error.lab.unknownResource' },
  { setup: [], command: { kind: 'policy.set', resource: 'mem', ceiling: 1.5 }, says: 'EINVAL: a ceiling is a whole number of at least 0', id: 'error.lab.ceilingWholeNumber' },
  { setup: [], command: { kind: 'cost.set', param: 'warp' as never, value: 1 }, says: 'EINVAL: unknown cost parameter warp; known: hypercall, pteUpdate, tlbLocal, tlbShootdown, copyPerByte, contextSwitch, eventDelivery', id: 'error.lab.unknownCostParameter' },
  { setup: [], command: { kind: 'cost.set', param: 'hypercall', value: Number.NaN }, says: 'EINVAL: a cost is a number of cycles from 0 to 1e9', id: 'error.lab.costNumberCycles' },
  { setup: [], command: { kind: 'sched.tick', slices: 1.5 }, says: 'EINVAL: slices must be 1 to 1000', id: 'error.lab.slicesMust' },
];

describe('the refusals the shell never lets through, given to the engine', () => {
  it.each(ENGINE_REFUSALS.map((r) => [`${r.command.kind} by ${r.command.by ?? 1}`, r] as const))('%s: says why, in words of every language, and changes nothing', (_name, refusal) => {
    expectEngineRefusal(refusal);
  });
});

describe('the edges of what io.ts and lab.ts accept', () => {
  // each bound is taken, so a refusal above starts exactly one past it
  it.each([
    [VFILE, 'read(v, 0)', '= ""'],
    [VFILE, 'read(v, 65536)', '= "hello"'],
    [VFILE, 'msg_new(fd, 1)', '= {vfile: "/msg/A.2"}'],
    [[...VFILE, `write(v, ${long(4000)})`], `write(v, ${long(96)})`, '= 96'],
    [[], 'policy(mem, 0)', '= 0'],
    [[], 'cost(hypercall, 0)', '= 0'],
    [[], 'cost(hypercall, 1000000000)', '= 0'],
    [[], 'tick(1)', '= 1'],
    [[], 'tick(1000)', '= 1000'],
    [Array.from({ length: 14 }, () => '@A event_port()'), '@A event_port()', '= 16'],
  ] as const)('after %#: %s gives %s', (setup, line, result) => {
    const ran = runLine(shellAfter(setup), line);
    expect(ran.out.flatMap(formatOutput)).toEqual([result]);
  });

  it('the file descriptor table takes its 64th fd', () => {
    const ran = runLine(shellAfter([...VFILE, ...Array.from({ length: 60 }, () => 'open(r.vfile)')]), 'open(r.vfile)');
    expect(ran.out.flatMap(formatOutput)).toEqual(['= 66']);
  });
});
