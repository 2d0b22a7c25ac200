// The table of calls (docs/architecture.md, rule 9 of the engine: one table per fact). Each entry
// says where it may be called, its parameters, its help text and patent
// reference, and how it becomes an engine command or a direct answer. The
// parser, `help` and tab completion all read this one table.

import type { Command, CommandKind } from '../command.js';
import type { AskId, LabState, Pid, PortNo, ResourceKind, SigId } from '../types.js';
import { RESOURCE_KINDS } from '../types.js';
import { COST_PARAMS, transferCosts } from '../costs/costModel.js';
import { spansUnits } from '../machine/processors.js';
import { framesOf, ownerOfFrame } from '../views/inspect.js';
import type { Arg, Param, ResultHint } from './args.js';
import { paramKey } from './args.js';
import type { ShellValue } from './values.js';
import { int, str } from './values.js';
import type { WordValue, Words } from '../words.js';
import { words } from '../words.js';

export interface CallContext {
  readonly pid: Pid;
  readonly name: string;
  readonly state: LabState;
}

export type Action =
  | { readonly kind: 'command'; readonly command: Command; readonly hint: ResultHint }
  | { readonly kind: 'answer'; readonly value: ShellValue }
  | { readonly kind: 'error'; readonly errno: 'EINVAL' | 'EBADF' | 'ENOENT'; readonly message: string; readonly words?: Words };

export interface CallSpec {
  readonly name: string;
  /** who may call it: the system control program, a guest, or either (the machine enforces it too: roleOfCommand) */
  readonly where: 'scp' | 'guest' | 'any';
  /** the engine commands it may make (none for a call answered from the state) */
  readonly kinds: readonly CommandKind[];
  readonly params: readonly Param[];
  readonly summary: string;
  readonly ref: string;
  readonly example: string;
  readonly run: (args: readonly Arg[], ctx: CallContext) => Action;
}

// Small readers for checked arguments. The shell runs a call only after checkArg has made each
// argument the type its parameter declares, and reads an optional one only when it was given.
const n = (a: Arg | undefined) => (a as { readonly n: number }).n;
const s = (a: Arg | undefined) => (a as { readonly s: string }).s;
const pid = (a: Arg | undefined) => (a as { readonly pid: Pid }).pid;
const resource = (a: Arg | undefined) => (a as { readonly r: ResourceKind }).r;
const command = (command: Command, hint: ResultHint = 'int'): Action => ({ kind: 'command', command, hint });
const p = (name: string, type: Param['type'], optional = false): Param => ({ name, type, optional });

export const CALLS: readonly CallSpec[] = [
  // ------------------------------------------------ the system control program: sockets [0084]-[0108]
  {
    name: 'socket', where: 'scp', kinds: ['sys.socket'], params: [p('domain', 'sym'), p('type', 'sym'), p('flags', 'sym', true)],
    summary: 'make a connection socket of the new domain [0084] (AF_LPAR is the lab\'s name for it); MSG_MAP receives messages mapped into the program instead of as virtual files',
    ref: 'S201, S301, Figs. 7 and 10', example: 's = socket(AF_LPAR, SOCK_SEQPACKET)',
    run: ([d, t, f], c) => {
      if (f && s(f) !== 'MSG_MAP') return { kind: 'error', errno: 'EINVAL', message: `the only flag is MSG_MAP, not ${s(f)}`, words: words('error.calls.onlyFlagMsg', { flag: s(f) }) };
      return command({ kind: 'sys.socket', by: c.pid, domain: s(d), type: s(t), mode: f ? 'map' : 'vfile' }, 'fd');
    },
  },
  { name: 'bind', where: 'scp', kinds: ['sys.bind'], params: [p('socket', 'fd'), p('service', 'int')], summary: 'tie a service id (like a port number) to the socket', ref: 'S202, S302', example: 'bind(s, 7)', run: ([fd, svc], c) => command({ kind: 'sys.bind', by: c.pid, fd: n(fd), service: n(svc) }) },
  {
    name: 'listen', where: 'scp', kinds: ['sys.listen'], params: [p('socket', 'fd'), p('permit', 'sym', true)],
    summary: 'permit connections to the bound service; listen(s, false) sets it to connection not permitted, listen(s) or listen(s, true) permits again', ref: 'S203, S303, [0111]', example: 'listen(s)',
    run: ([fd, permit], c) => {
      if (permit && s(permit) !== 'true' && s(permit) !== 'false') return { kind: 'error', errno: 'EINVAL', message: `listen takes true or false, not ${s(permit)}`, words: words('error.calls.listenTakesTrue', { permit: s(permit) }) };
      return command({ kind: 'sys.listen', by: c.pid, fd: n(fd), permit: !permit || s(permit) === 'true' });
    },
  },
  {
    name: 'msg_new', where: 'scp', kinds: ['sys.msgnew'], params: [p('fd', 'fd'), p('bytes', 'int')],
    summary: 'a fresh message area for the guest on a communication socket: {vfile} (open and write it) or, with MSG_MAP, {addr} (poke it); send it with write(fd, m.vfile) or write(fd, m.addr)',
    ref: '[0092], [0093], S-C', example: 'm = msg_new(fd, 4096)',
    run: ([fd, bytes], c) => command({ kind: 'sys.msgnew', by: c.pid, fd: n(fd), bytes: n(bytes) }),
  },
  { name: 'accept', where: 'scp', kinds: ['sys.accept'], params: [p('socket', 'fd')], summary: 'take a connection request, or wait for one; returns the communication socket', ref: 'S204, S304, S306', example: 'fd = accept(s)', run: ([fd], c) => command({ kind: 'sys.accept', by: c.pid, fd: n(fd) }, 'fd') },
  {
    name: 'read', where: 'scp', kinds: ['sys.read'], params: [p('fd', 'fd'), p('count', 'int', true)],
    summary: 'on a communication socket: receive a message ({vfile, short} or {addr, size, short}; 0 when the guest closed); on an open file: read text',
    ref: 'S-A, S309, S-B, S310', example: 'r = read(fd)',
    run: ([fd, count], c) => command({ kind: 'sys.read', by: c.pid, fd: n(fd), count: count ? n(count) : null }),
  },
  {
    name: 'write', where: 'scp', kinds: ['sys.write'], params: [p('fd', 'fd'), p('data', 'pathOrAddr')],
    summary: 'on a communication socket: send a received area back to the guest (a virtual file name or a mapped address); on an open file: write text',
    ref: 'S-C, S311, S-B', example: 'write(fd, r.vfile)',
    run: ([fd, data], c) => command({ kind: 'sys.write', by: c.pid, fd: n(fd), data: data?.type === 'str' ? s(data) : n(data) }),
  },
  { name: 'open', where: 'scp', kinds: ['sys.open'], params: [p('path', 'str')], summary: 'open a virtual file under /msg', ref: 'S-B, S310(a)', example: 'v = open(r.vfile)', run: ([path], c) => command({ kind: 'sys.open', by: c.pid, path: s(path) }, 'fd') },
  {
    name: 'close', where: 'scp', kinds: ['sys.close'], params: [p('fd', 'fd')], summary: 'close a file, or a socket (a communication socket disconnects its channel)', ref: 'S-E, [0107]', example: 'close(fd)',
    run: ([fd], c) => command({ kind: 'sys.close', by: c.pid, fd: n(fd) }),
  },
  {
    name: 'unlink', where: 'scp', kinds: ['sys.unlink'], params: [p('message', 'pathOrAddr')], summary: 'discard a received message: its frames go back to free memory', ref: 'S-D, [0106]', example: 'unlink(r.vfile)',
    run: ([m], c) => command({ kind: 'sys.unlink', by: c.pid, target: m?.type === 'str' ? s(m) : n(m) }),
  },
  { name: 'select', where: 'scp', kinds: ['sys.select'], params: [p('fds', 'fds')], summary: "wait until one of the fds has something to read; returns the ready ones. A received message is [0108]'s; a request waiting, end of file and an open file (always ready) are the lab's rules, like POSIX", ref: '[0108]; lab (lab:ready)', example: 'select([fd1, fd2])', run: ([fds], c) => command({ kind: 'sys.select', by: c.pid, fds: (fds as { readonly ns: readonly number[] }).ns }, 'fds') },
  { name: 'permit', where: 'scp', kinds: ['sys.permit'], params: [p('socket', 'fd'), p('guest', 'guest')], summary: "let a guest connect to the socket's service (the lab's per-partition permission: the patent permits a service as a whole)", ref: 'lab; [0090], [0096]', example: 'permit(s, B)', run: ([fd, g], c) => command({ kind: 'sys.permit', by: c.pid, fd: n(fd), pid: pid(g) }) },
  { name: 'deny', where: 'scp', kinds: ['sys.deny'], params: [p('socket', 'fd'), p('guest', 'guest')], summary: "refuse a guest the socket's service (the lab's per-partition permission: the patent denies a service as a whole)", ref: 'lab; [0090], [0096]', example: 'deny(s, B)', run: ([fd, g], c) => command({ kind: 'sys.deny', by: c.pid, fd: n(fd), pid: pid(g) }) },
  // ------------------------------------------------ the system control program: policy [0049], [0053]-[0055]
  {
    name: 'lpar_create', where: 'scp', kinds: ['lpar.create'], params: [p('name', 'str'), p('memory pages', 'int'), p('logical processors', 'int')],
    summary: 'create a logical partition and start its guest OS', ref: '[0049], [0053], [0054]', example: 'lpar_create("C", 32, 2)',
    run: ([name, mem, lps], c) => command({ kind: 'lpar.create', by: c.pid, name: s(name), memPages: n(mem), processors: n(lps) }),
  },
  {
    name: 'limit', where: 'scp', kinds: ['lpar.limit'], params: [p('partition', 'guest'), p('resource', 'resource'), p('amount', 'limit')],
    summary: 'how much of a resource the guest may take without asking (unlimited to lift it)', ref: '[0055]', example: 'limit(C, mem, 16)',
    run: ([g, r, amount], c) => command({ kind: 'lpar.limit', by: c.pid, pid: pid(g), resource: resource(r), amount: (amount as { readonly n: number | null }).n }),
  },
  { name: 'lpar_end', where: 'scp', kinds: ['lpar.end'], params: [p('partition', 'guest')], summary: 'end a partition: its processors stop, its channels close, its memory is freed (the lab\'s extension: in the patent a guest OS ends its own partition)', ref: 'lab; [0053], S110-S111', example: 'lpar_end(C)', run: ([g], c) => command({ kind: 'lpar.end', by: c.pid, pid: pid(g) }) },
  {
    name: 'policy', where: 'scp', kinds: ['policy.set', 'policy.ask'], params: [p('resource', 'resource'), p('ceiling', 'ceiling')],
    summary: 'the most of a resource any guest may hold; requests past it are denied, or reduced (the lab\'s own policy). policy(mem, ask): you are the program and answer each request past a limit (grant, refuse); policy(mem, auto): the ceiling answers again',
    ref: '[0049], [0080]; reduce: lab', example: 'policy(mem, 48)',
    run: ([r, ceiling], c) => ceiling?.type === 'sym'
      ? command({ kind: 'policy.ask', by: c.pid, resource: resource(r), ask: s(ceiling) === 'ask' })
      : command({ kind: 'policy.set', by: c.pid, resource: resource(r), ceiling: n(ceiling) }),
  },
  {
    name: 'grant', where: 'scp', kinds: ['resource.answer'], params: [p('request', 'request')],
    summary: 'grant a resource request read from a guest\'s channel: the answer goes back by message, the control OS allocates, the guest\'s request returns',
    ref: '[0049], [0080]', example: 'grant(r)',
    run: ([r], c) => command({ kind: 'resource.answer', by: c.pid, ask: n(r) as AskId, grant: true, why: '' }),
  },
  {
    name: 'refuse', where: 'scp', kinds: ['resource.answer'], params: [p('request', 'request'), p('why', 'str')],
    summary: 'refuse a resource request read from a guest\'s channel, saying why: the guest\'s request fails with ENOMEM and your words',
    ref: '[0049]', example: 'refuse(r, "past the budget")',
    run: ([r, why], c) => command({ kind: 'resource.answer', by: c.pid, ask: n(r) as AskId, grant: false, why: s(why) }),
  },
  {
    name: 'cost', where: 'any', kinds: ['cost.set'], params: [p('parameter', 'sym'), p('cycles', 'cycles')], summary: `set a cost-model parameter (${COST_PARAMS.join(', ')}); fractions too (cost(copyPerByte, 0.5))`, ref: 'cost model', example: 'cost(tlbShootdown, 9000)',
    run: ([param, cycles], c) => command({ kind: 'cost.set', by: c.pid, param: s(param) as never, value: n(cycles) }),
  },
  { name: 'tick', where: 'any', kinds: ['sched.tick'], params: [p('slices', 'int', true)], summary: 'run the lab\'s round-robin scheduler for some time slices (the patent does not say how a unit is shared)', ref: 'lab; [0054]', example: 'tick(4)', run: ([k], c) => command({ kind: 'sched.tick', by: c.pid, slices: k ? n(k) : 1 }) },
  // ------------------------------------------------ the guest OS programming interface [0047], [0056]-[0078]
  {
    name: 'connect', where: 'guest', kinds: ['channel.connect', 'channel.connectService'], params: [p('to', 'serviceOrGuest')], summary: 'a message channel to a service of the system control program, or to another guest (which must permit it)', ref: 'S101-S104, S305', example: 'ch = connect(7)',
    run: ([to], c) => command(to?.type === 'lpar' ? { kind: 'channel.connect', by: c.pid, target: to.pid } : { kind: 'channel.connectService', by: c.pid, service: n(to) }, 'channel'),
  },
  {
    name: 'signals', where: 'guest', kinds: [], params: [], summary: "list the control signals queued at this partition's port", ref: '[0056], [0057]', example: 'signals()',
    run: (_a, c) => ({
      kind: 'answer',
      value: {
        t: 'list',
        items: c.state.partitions[c.pid]!.signalQueue.map((sig) => {
          const signal = c.state.signals[sig]!;
          return { t: 'rec', fields: { sig: { t: 'handle', kind: 'signal', owner: c.pid, n: sig }, from: str(c.state.partitions[signal.from]!.name), request: str(signal.request.kind) } };
        }),
      },
    }),
  },
  { name: 'signal', where: 'guest', kinds: ['signal.take'], params: [], summary: 'pick up the oldest control signal (EAGAIN if there is none)', ref: '[0057]', example: 'sig = signal()', run: (_a, c) => command({ kind: 'signal.take', by: c.pid }) },
  {
    name: 'permit', where: 'guest', kinds: ['signal.permit'], params: [p('signal', 'signal')], summary: "permit a request: returns this side's channel (or port, or shared address)", ref: 'S103, [0056]', example: 'chb = permit(sig)',
    run: ([sig], c) => {
      const request = c.state.signals[n(sig) as SigId]?.request.kind;
      return command({ kind: 'signal.permit', by: c.pid, sig: n(sig) as SigId }, request === 'share' ? 'addr' : request === 'event' ? 'port' : 'channel');
    },
  },
  { name: 'deny', where: 'guest', kinds: ['signal.deny'], params: [p('signal', 'signal')], summary: 'deny a request: the asker gets ECONNREFUSED', ref: '[0062]', example: 'deny(sig)', run: ([sig], c) => command({ kind: 'signal.deny', by: c.pid, sig: n(sig) as SigId }) },
  { name: 'event_port', where: 'guest', kinds: ['event.port'], params: [], summary: 'a new event receive port in this partition', ref: '[0063]', example: 'rp = event_port()', run: (_a, c) => command({ kind: 'event.port', by: c.pid }, 'port') },
  {
    name: 'event_connect', where: 'guest', kinds: ['event.connect'], params: [p('partition', 'guest'), p('receive port', 'peerPort')], summary: "ask a partition, by control signal, to connect a send port here to its receive port", ref: '[0056] a), [0063]', example: 'sp = event_connect(B, rp)',
    run: ([g, rp], c) => {
      // a receive port given as a handle must be one of the partition asked; a plain number is taken as its port number
      const owner = rp && 'owner' in rp ? rp.owner : undefined;
      if (owner !== undefined && owner !== pid(g)) {
        return { kind: 'error', errno: 'EBADF', message: `that port handle belongs to ${c.state.partitions[owner]!.name}, not to ${c.state.partitions[pid(g)]!.name}`, words: words('error.calls.thatPortHandle', { owner: c.state.partitions[owner]!.name, asked: c.state.partitions[pid(g)]!.name }) };
      }
      return command({ kind: 'event.connect', by: c.pid, target: pid(g), port: n(rp) as PortNo }, 'port');
    },
  },
  { name: 'event_send', where: 'guest', kinds: ['event.send'], params: [p('send port', 'port')], summary: 'raise the event; while it is pending, more sends merge into it', ref: '[0063]', example: 'event_send(sp)', run: ([sp], c) => command({ kind: 'event.send', by: c.pid, port: n(sp) as PortNo }) },
  { name: 'event_poll', where: 'guest', kinds: ['event.poll'], params: [p('receive port', 'port')], summary: '1 if an event is pending (and clear it), else 0', ref: '[0063]', example: 'event_poll(rp)', run: ([rp], c) => command({ kind: 'event.poll', by: c.pid, port: n(rp) as PortNo }) },
  { name: 'notify', where: 'guest', kinds: ['signal.notify'], params: [p('receive port', 'port')], summary: 'the event port raised when a signal reaches the empty control signal port', ref: '[0057]', example: 'notify(rp)', run: ([rp], c) => command({ kind: 'signal.notify', by: c.pid, port: n(rp) as PortNo }) },
  { name: 'area', where: 'guest', kinds: ['area.reserve'], params: [p('bytes', 'int')], summary: 'reserve a message area, mapped into this partition; returns its address', ref: 'S105, S106', example: 'a = area(4096)', run: ([b], c) => command({ kind: 'area.reserve', by: c.pid, bytes: n(b) }, 'addr') },
  {
    name: 'send', where: 'guest', kinds: ['channel.send'], params: [p('channel', 'channel'), p('area', 'addr'), p('short message', 'str', true)], summary: 'send the area: its frames flip to the receiver, and this partition can no longer touch it', ref: 'S107, [0070]', example: 'send(ch, a, "short text")',
    run: ([ch, a, short], c) => command({ kind: 'channel.send', by: c.pid, port: n(ch) as PortNo, addr: n(a), short: short ? s(short) : '' }),
  },
  { name: 'recv', where: 'guest', kinds: ['channel.recv'], params: [p('channel', 'channel')], summary: 'take the oldest message ({addr, size, short}), waiting if there is none; 0 once the peer closed', ref: 'S108, [0064]', example: 'r = recv(ch)', run: ([ch], c) => command({ kind: 'channel.recv', by: c.pid, port: n(ch) as PortNo }) },
  { name: 'free', where: 'guest', kinds: ['area.free'], params: [p('area', 'addr')], summary: 'discard a message area: its frames go back to free memory', ref: 'S109 for a received area; lab (lab:free) for one never sent', example: 'free(r.addr)', run: ([a], c) => command({ kind: 'area.free', by: c.pid, addr: n(a) }) },
  { name: 'close', where: 'guest', kinds: ['channel.close'], params: [p('channel', 'channel')], summary: 'discard this end of the channel; the peer is told by event', ref: 'S110-S112', example: 'close(ch)', run: ([ch], c) => command({ kind: 'channel.close', by: c.pid, port: n(ch) as PortNo }) },
  {
    name: 'request', where: 'guest', kinds: ['resource.request'], params: [p('resource', 'resource'), p('amount', 'int')], summary: "ask for more of a resource: within the limit it is taken at once; past it the guest asks the system control program by message, whose policy decides (or, with policy(r, ask), the program itself, while this call waits)", ref: '[0049], [0055], [0080]', example: 'request(mem, 64)',
    run: ([r, amount], c) => command({ kind: 'resource.request', by: c.pid, resource: resource(r), amount: n(amount) }),
  },
  {
    name: 'release', where: 'guest', kinds: ['resource.release'], params: [p('resource', 'resource'), p('amount', 'int')], summary: 'give back some of what this partition took, without asking anyone',
    ref: '[0055]', example: 'release(mem, 8)',
    run: ([r, amount], c) => command({ kind: 'resource.release', by: c.pid, resource: resource(r), amount: n(amount) }),
  },
  { name: 'share', where: 'guest', kinds: ['shm.connect'], params: [p('partition', 'guest'), p('bytes', 'int')], summary: 'a shared memory area mapped here and (once permitted) in the other partition too', ref: '[0056] c)', example: 'sh = share(B, 4096)', run: ([g, b], c) => command({ kind: 'shm.connect', by: c.pid, target: pid(g), bytes: n(b) }, 'addr') },
  { name: 'lpar_end', where: 'guest', kinds: ['lpar.end'], params: [], summary: 'end this partition', ref: '[0053]', example: 'lpar_end()', run: (_a, c) => command({ kind: 'lpar.end', by: c.pid, pid: c.pid }) },
  // ------------------------------------------------ anywhere
  { name: 'peek', where: 'any', kinds: ['mem.read'], params: [p('address', 'addr'), p('length', 'int')], summary: 'read bytes at an address of this partition (EFAULT if nothing is mapped there)', ref: 'S108, [0070], [0102]', example: 'peek(a, 5)', run: ([a, len], c) => command({ kind: 'mem.read', by: c.pid, addr: n(a), length: n(len) }) },
  { name: 'poke', where: 'any', kinds: ['mem.write'], params: [p('address', 'addr'), p('text', 'str')], summary: 'write text at an address of this partition (EFAULT if nothing is mapped there)', ref: '[0066], [0102]', example: 'poke(a, "hello")', run: ([a, text], c) => command({ kind: 'mem.write', by: c.pid, addr: n(a), data: s(text) }) },
  {
    name: 'compare', where: 'any', kinds: [], params: [p('bytes', 'int')], summary: 'simulated cycles to move a message of this size by flip, by copy and by shared memory, from the cost model', ref: 'cost model, [0070]', example: 'compare(65536)',
    run: ([b], c) => {
      const bytes = n(b);
      if (bytes < 1 || bytes > 1 << 30) return { kind: 'error', errno: 'EINVAL', message: 'compare takes a size from 1 byte to 1 GiB', words: words('error.calls.compareTakesSize') };
      const cost = transferCosts(c.state.costs, bytes, spansUnits(c.state.machine, c.pid));
      return { kind: 'answer', value: { t: 'rec', fields: { flip: int(Math.round(cost.flip)), copy: int(Math.round(cost.copy)), shared: int(Math.round(cost.shared)) } } };
    },
  },
  { name: 'frames_free', where: 'any', kinds: [], params: [], summary: 'the number of free physical frames', ref: '[0066]', example: 'frames_free()', run: (_a, c) => ({ kind: 'answer', value: int(c.state.frames.free) }) },
  { name: 'frames_of', where: 'any', kinds: [], params: [p('partition', 'lpar')], summary: 'the number of frames a partition owns', ref: '[0051] c)', example: 'frames_of(A)', run: ([g], c) => ({ kind: 'answer', value: int(framesOf(c.state, pid(g))) }) },
  {
    name: 'owner_of', where: 'any', kinds: [], params: [p('frame', 'int')], summary: 'who owns a physical frame: a partition, control or free', ref: '[0066]', example: 'owner_of(17)',
    run: ([f], c) => {
      const owner = ownerOfFrame(c.state, n(f));
      return owner === null ? { kind: 'error', errno: 'EINVAL', message: `there is no frame ${n(f)}: frames are 0 to ${c.state.frames.count - 1}`, words: words('error.calls.thereNoFrame', { frame: n(f), last: c.state.frames.count - 1 }) } : { kind: 'answer', value: str(owner) };
    },
  },
];

/** The constants a line may name. */
export const CONSTANTS: readonly string[] = [
  'AF_LPAR', 'AF_UNIX', 'AF_INET', 'AF_INET6', 'SOCK_SEQPACKET', 'SOCK_STREAM', 'SOCK_DGRAM', 'MSG_MAP', 'unlimited', 'true', 'false', 'ask', 'auto',
  ...RESOURCE_KINDS, ...COST_PARAMS,
];

/** The spec for `name` as called in a context of role `role`, or every spec of that name (for help). */
export function findCall(name: string, role: 'scp' | 'guest'): CallSpec | undefined {
  return CALLS.find((c) => c.name === name && (c.where === role || c.where === 'any'));
}

export const callNames = (): string[] => [...new Set(CALLS.map((c) => c.name))];

const ROLES = new Map<CommandKind, 'scp' | 'guest' | 'any'>();
const CALL_OF = new Map<CommandKind, string>();
for (const spec of CALLS) {
  for (const kind of spec.kinds) {
    const before = ROLES.get(kind);
    ROLES.set(kind, before === undefined || before === spec.where ? spec.where : 'any');
    if (!CALL_OF.has(kind)) CALL_OF.set(kind, spec.name);
  }
}

/**
 * Who may make an engine command, read from the calls that make it: 'scp' or
 * 'guest' when only such calls make it, else 'any' (then the machine decides
 * per command, as for lpar.end). The machine refuses a command from the wrong
 * side even when it does not come from the shell.
 */
export function roleOfCommand(kind: CommandKind): 'scp' | 'guest' | 'any' {
  return ROLES.get(kind) ?? 'any';
}

/** The call a person types for an engine command (`channel.send` is send), for messages like "undid send()". */
export function callOfCommand(kind: CommandKind): string {
  // every command but the interrupt (Ctrl-C, or the interrupt command) is made by a call (calls.test.ts checks it)
  return CALL_OF.get(kind) ?? 'interrupt';
}

/** The catalog key of a call's description: a call may have one for each side (permit, deny, close, lpar_end). */
export const summaryKey = (spec: CallSpec): string => `help.call.${spec.where}.${spec.name}`;
/** The catalog key of a call's patent reference (some name the lab's own rules in words). */
export const refKey = (spec: CallSpec): string => `help.ref.${spec.where}.${spec.name}`;
export { paramKey };

/** A call's description as words (cost's names the parameters of the cost model, which read the same in every language). */
export const summaryWords = (spec: CallSpec): Words => words(summaryKey(spec), spec.name === 'cost' ? { params: COST_PARAMS.join(', ') } : undefined);
/** A patent reference is tags ([0070], S107) that read the same in every language, unless it also has words (the lab's own rules, figures). */
export const refWords = (spec: CallSpec): WordValue => (/[a-z]{3,}/.test(spec.ref) ? words(refKey(spec)) : spec.ref);

/** `signature` as words: the call's name stays, its parameters are named in the reader's language. */
export function signatureWords(spec: CallSpec): Words {
  return words('help.signature', { name: spec.name, params: spec.params.map((q) => (q.optional ? words('help.param.optional', { param: words(paramKey(q.name)) }) : words(paramKey(q.name)))) });
}

export function signature(spec: CallSpec): string {
  return `${spec.name}(${spec.params.map((q) => (q.optional ? `[${q.name}]` : q.name)).join(', ')})`;
}
