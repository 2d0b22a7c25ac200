// Narration as data: an event says what happened as a message id and its
// parameters (`LabEvent.say`), and the words are made only when a view or the
// CLI shows them (`narrate`). Recording a micro-step then builds no text, and
// a long timeline holds small tuples instead of sentences. Every sentence the
// machine says is written once, here, which is also where a translation would
// go.

import type { FrameNo, Readiness, ResourceKind, SignalRequest } from './types.js';
import { hex } from './hex.js';
import { assertNever } from './assertNever.js';
import type { UnitPlace } from './machine/processors.js';
import { placeName } from './machine/processors.js';

const PAGE_BYTES = 4096;
const at = (page: number) => hex(page * PAGE_BYTES);
const quote = (text: string) => JSON.stringify(text);
const list = (items: readonly (number | string)[]) => items.join(', ');
/** A narration inside another (why an event was raised, what a call waits for); typed where it is made. */
type Inner = readonly [string, ...unknown[]];
type Format = (...args: readonly unknown[]) => string;
function innerText(say: Inner): string {
  return (MESSAGES as unknown as Record<string, Format>)[say[0]]!(...say.slice(1));
}

/** Up to four frames in full; more as the first three, an ellipsis, the last and the count. */
export function frameList(frames: readonly FrameNo[]): string {
  return frames.length <= 4 ? frames.join(', ') : `${frames.slice(0, 3).join(', ')} … ${frames[frames.length - 1]} (${frames.length})`;
}

function requestName(request: SignalRequest): string {
  switch (request.kind) {
    case 'channel': return 'connect a message channel';
    case 'event': return `connect an event port to its port ${request.port}`;
    case 'share': return 'connect a shared memory area';
    default: return assertNever(request);
  }
}

const READINESS: Record<Readiness, string> = {
  message: 'has a message',
  eof: "is at end of file (ready by the lab's rule, like POSIX)",
  request: "has a connection request waiting (ready by the lab's rule, like POSIX)",
  file: "is an open virtual file, always readable (the lab's rule, like POSIX)",
};

/** Every sentence of the trace, by message id; parameters are plain data (names, numbers, frame lists). */
const MESSAGES = {
  // boot and the system control program [0049]-[0055]
  'boot.control': (lastFrame: number) => `the control OS starts in hypervisor mode and keeps frames 0 to ${lastFrame} for itself`,
  'policy.set': (ceiling: number, resource: ResourceKind) => `policy: no guest may hold more than ${ceiling} ${resource}`,
  'cost.set': (param: string, value: number) => `cost model: ${param} is now ${value} cycles`,
  'sched.slice': (tick: number, running: readonly string[]) => `time slice ${tick}: ${running.length ? running.join(', ') : 'all units idle'}`,
  'lpar.create': (pid: number, name: string) => `logical partition ${pid} (${name}) is created: active, with no resources and no limits yet`,
  'lpar.provision': (name: string, memPages: number, processors: number) =>
    `the system control program provisions the empty ${name}: ${memPages} pages of memory and ${processors} logical processor${processors === 1 ? '' : 's'}`,
  'lpar.memory': (name: string, memPages: number) => `${name} is granted ${memPages} pages of memory, mapped at its logical pages 0 to ${memPages - 1}`,
  'lp.place': (lp: number, name: string, where: readonly UnitPlace[], several: boolean, shared: boolean) =>
    `logical processor ${lp} of ${name} is placed on ${where.map(placeName).join(' and ')}${several ? ' (one logical on several physical)' : shared ? ' (sharing the unit with others)' : ''}`,
  'lpar.start': (name: string, system: boolean, notify: number | null) =>
    `${name}'s OS starts in ${system ? 'problem' : 'supervisor'} mode; its control signal port raises its event port ${notify}`,
  'lpar.limit': (name: string, amount: number | null, resource: ResourceKind) =>
    amount === null ? `${name} may take any amount of ${resource}` : `${name} may take up to ${amount} ${resource} without asking`,
  'lp.stop': (name: string, count: number) => `${name}'s ${count} logical processor(s) stop`,
  'lpar.end': (name: string, pages: number) => `${name} has ended: its ${pages} pages of memory and everything else it held are free again`,
  'resource.alloc': (name: string, amount: number, resource: ResourceKind, total: number, limit: number | null) =>
    `${name} takes ${amount} ${resource} within its limit (${total} of ${limit ?? 'unlimited'}) without asking`,
  'resource.forward': (name: string, amount: number, resource: ResourceKind, limit: number | null) =>
    `${name} asks the system control program by message for ${amount} ${resource} past its limit of ${limit}: the program sees it before the control OS`,
  'resource.allocGranted': (name: string, amount: number, resource: ResourceKind, total: number) =>
    `the control OS allocates the ${amount} ${resource} granted to ${name} (it holds ${total} now)`,
  'resource.release': (name: string, amount: number, resource: ResourceKind, total: number, limit: number | null) =>
    `${name} releases ${amount} ${resource} without asking (${total} of ${limit ?? 'unlimited'} now)`,
  'resource.ask': (name: string, amount: number, resource: ResourceKind, limit: number | null, port: number) =>
    `${name} asks the system control program for ${amount} ${resource} past its limit of ${limit}: a message over its channel ${port}, which the program answers itself`,
  'ask.write': (name: string, page: number, text: string) => `control OS maps the area into ${name}'s logical space at ${at(page)}; ${name}'s guest OS writes ${quote(text)} into it`,
  'ask.grant': (amount: number, resource: ResourceKind, name: string, limit: number) =>
    `the system control program grants ${amount} ${resource} to ${name}; its limit rises to ${limit}`,
  'ask.refuse': (name: string, amount: number, resource: ResourceKind, why: string) =>
    `the system control program refuses ${name}'s request for ${amount} ${resource}: ${quote(why)}`,
  'ask.discard': (name: string, frames: readonly FrameNo[]) => `${name}'s guest OS reads the answer and discards its area: frames ${list(frames)} are free again`,
  'ask.withdraw': (id: number, name: string, frames: readonly FrameNo[]) => `request ${id} from ${name} is withdrawn unanswered: frames ${list(frames)} are free again`,
  'policy.ask': (resource: ResourceKind, ask: boolean) =>
    ask ? `policy: the system control program answers each request for ${resource} past a limit itself (grant or refuse)`
      : `policy: requests for ${resource} past a limit are answered by the ceiling again`,
  'resource.deny': (name: string, used: number, resource: ResourceKind, ceiling: number | undefined) =>
    `policy denies: ${name} already holds ${used} ${resource}, the most its policy allows is ${ceiling}`,
  'resource.reduce': (name: string, granted: number, amount: number, resource: ResourceKind, ceiling: number | undefined, limit: number) =>
    `policy reduces the request: ${name} gets ${granted} of the ${amount} ${resource} it asked for (ceiling ${ceiling}); its limit rises to ${limit}`,
  'resource.grant': (amount: number, resource: ResourceKind, name: string, limit: number) => `policy grants ${amount} ${resource}; ${name}'s limit rises to ${limit}`,

  // event ports and control signals [0056]-[0063]
  'event.port': (name: string, port: number) => `${name} opens event receive port ${port}`,
  'event.merge': (name: string, port: number, why: Inner) => `event to ${name} port ${port} (${innerText(why)}) merges into the pending bit already set: no queue, no count`,
  'event.raise': (name: string, port: number, why: Inner) => `event to ${name} port ${port}: ${innerText(why)}; the pending bit is set and ${name} takes an interrupt`,
  'event.poll': (name: string, port: number, was: boolean) =>
    was ? `${name} reads port ${port}: an event was pending; the bit is cleared` : `${name} reads port ${port}: nothing pending`,
  'why.sent': (name: string, port: number) => `sent from ${name} port ${port}`,
  'why.message': (port: number) => `a message reached the empty message port ${port}`,
  'why.channel': (chan: number) => `channel ${chan} is set up`,
  'why.peerClosed': (port: number) => `the other end of channel ${port} was discarded`,
  'why.signal': () => 'a control signal reached the empty control signal port',
  'signal.queue': (sig: number, target: string, asker: string, request: SignalRequest) =>
    `control OS queues signal ${sig} at ${target}'s control signal port: ${asker} asks to ${requestName(request)}`,
  'signal.take': (name: string, sig: number, asker: string, request: SignalRequest) =>
    `${name} picks up signal ${sig} from its control signal port: ${asker} asks to ${requestName(request)}`,
  'event.refuse': (owner: string, port: number, asker: string, why: 'taken' | 'control') =>
    why === 'taken'
      ? `control OS refuses ${asker}: ${owner}'s receive port ${port} already has a send port, and event connections are one-to-one (EADDRINUSE)`
      : `control OS refuses ${asker}: ${owner}'s receive port ${port} is raised by the control OS itself, so it takes no send port (EADDRINUSE)`,
  'service.notPermitted': (name: string, service: number) =>
    `the kernel refuses ${name}'s connect: service ${service} is set to connection not permitted (ECONNREFUSED)`,
  'signal.deny': (name: string, sig: number) => `${name} denies signal ${sig}: no connection is made`,

  // channels and areas, Fig. 6 and [0056] c)
  'call.suspend': (name: string, call: string, until: Inner) => `${name} waits in ${call} until ${innerText(until)}`,
  'until.peer': (name: string) => `${name} permits or denies`,
  'until.accept': () => 'the system control program accepts',
  'until.message': () => 'a message arrives',
  'until.answer': () => 'the system control program grants or refuses',
  'until.request': () => 'a connection request arrives',
  'until.select': (fds: readonly number[]) => `one of fds ${list(fds)} has a message`,
  'call.complete': (name: string, call: string, value: string) => `${name}'s ${call} returns ${value}`,
  'call.fail': (name: string, call: string, errno: string) => `${name}'s ${call} fails: ${errno}`,
  'call.interrupt': (name: string, call: string) => `${name}'s ${call} is interrupted (EINTR)`,
  'channel.request': (name: string, peer: string) => `${name} asks the control OS for a message channel to ${peer}`,
  'channel.permit': (server: string, client: string) => `${server} permits the channel ${client} asked for`,
  'channel.create': (chan: number, clientPort: number, client: string, serverPort: number, server: string) =>
    `control OS creates channel ${chan}: message port ${clientPort} in ${client}, message port ${serverPort} in ${server}`,
  'event.connectSelf': (name: string, sendPort: number, port: number) => `${name}'s send port ${sendPort} now reaches its own receive port ${port}: an event inside one partition`,
  'event.connect': (owner: string, asker: string, sendPort: number, port: number) =>
    `${owner} permits: ${asker}'s send port ${sendPort} now reaches ${owner}'s receive port ${port}`,
  'shm.request': (bytes: number, name: string, page: number) => `control OS maps a shared area of ${bytes} bytes into ${name} at ${at(page)}`,
  'shm.permit': (name: string, asker: string) => `${name} permits: the same frames are now mapped in both ${asker} and ${name}`,
  'shm.unmap': (name: string, owner: string) => `${name} drops its mapping of the shared area; ${owner} still owns it`,
  'area.reserve': (name: string, bytes: number, frames: readonly FrameNo[]) => `${name} reserves a message area of ${bytes} bytes: frames ${list(frames)}`,
  'area.mapOwn': (name: string, page: number) => `control OS maps the area into ${name}'s logical space at ${at(page)}`,
  'area.write': (name: string, data: string, addr: number) => `${name} writes ${quote(data)} at ${hex(addr)}: the area is mapped in its space`,
  'area.read': (name: string, text: string, addr: number) => `${name} reads ${quote(text)} at ${hex(addr)} straight from the frames it now owns`,
  'message.send': (name: string, addr: number, port: number, short: string) => `${name} sends the area at ${hex(addr)} on channel ${port} with the short message ${quote(short)}`,
  'area.fault': (name: string, addr: number) =>
    `${name} touches ${hex(addr)}, where nothing is mapped in its space: page fault (EFAULT); the area is not ${name}'s to reach, and nothing changes`,
  'area.unmap': (name: string, page: number) => `control OS unmaps the area at ${at(page)} from ${name}: ${name} can no longer touch it`,
  'area.flip': (frames: readonly FrameNo[], from: string, to: string) =>
    `${frames.length === 1 ? 'frame' : 'frames'} ${frameList(frames)} ${frames.length === 1 ? 'changes' : 'change'} owner from ${from} to ${to}: no byte is copied`,
  'area.map': (name: string, page: number) => `control OS maps the area into ${name} at ${at(page)}`,
  'message.queue': (name: string, port: number) => `the area waits at ${name}'s message port ${port}`,
  'message.take': (name: string, size: number, page: number, short: string) => `${name} takes the message: ${size} bytes at ${at(page)}, short ${quote(short)}`,
  'recv.wait': (name: string, port: number) => `${name} waits in recv on channel ${port}`,
  'area.discard': (name: string, frames: readonly FrameNo[]) => `${name} discards the area: frames ${list(frames)} are free again`,
  'port.discard': (name: string, port: number, unread: number) =>
    `${name} discards its message port ${port}${unread ? ` and the ${unread} unread message(s) in it` : ''}`,

  // the system control OS kernel, Figs. 7-12
  'sys.call': (call: string) => call,
  'sock.create': (map: boolean, fd: number) => `kernel makes a connection socket in ${map ? 'direct-map' : 'virtual-file'} mode and registers it as fd ${fd}`,
  'sock.bind': (service: number, fd: number) => `kernel ties service ${service} to fd ${fd}: guests may ask for it by number`,
  'sock.listen': (permit: boolean, service: number | null) =>
    permit ? `kernel permits connections to service ${service}` : `kernel sets service ${service} to connection not permitted: new connects are refused`,
  'sock.permission': (allowed: boolean, guest: string, service: number | null, fd: number) =>
    `kernel ${allowed ? 'lets' : 'refuses'} ${guest} ${allowed ? 'connect to' : 'for'} service ${service ?? `(fd ${fd}, not yet bound)`}`,
  'service.denied': (name: string, service: number) => `the kernel refuses ${name}'s request for service ${service}: the program denies ${name} (deny)`,
  'service.request': (name: string, service: number) => `${name} asks the control OS for a message channel to service ${service} of the system control program`,
  'service.backlog': (name: string, fd: number, service: number) => `the kernel takes ${name}'s request into the backlog of fd ${fd} (service ${service})`,
  'accept.wake': () => 'a request arrived: the kernel releases the program from accept',
  'sock.comm': (guest: string) => `kernel makes a communication socket for the channel with ${guest}`,
  'sock.accept': (guest: string, fd: number) => `kernel registers the communication socket with ${guest} as fd ${fd}`,
  'accept.return': (fd: number, guest: string) => `accept returns fd ${fd}: a channel to ${guest}`,
  'sock.close': (fd: number, what: string) => `kernel closes fd ${fd} (${what})`,
  'read.eofWake': (fd: number) => `the guest closed its end: the kernel releases the program from read(${fd})`,
  'read.eof': (fd: number) => `read(${fd}) returns 0: the guest closed its end`,
  'read.wake': (fd: number) => `a message arrived: the kernel releases the program from read(${fd})`,
  'file.arrive': (path: string, size: number, guest: string) => `kernel makes the virtual file ${path} for the ${size}-byte area from ${guest}`,
  'read.file': (fd: number, path: string, short: string) => `read(${fd}) copies the file name ${path} and the short message ${quote(short)} to the program`,
  'kernel.mapRead': (page: number) => `kernel maps the area into the program's address space at ${at(page)} [0100]`,
  'read.map': (fd: number, page: number, size: number, short: string) => `read(${fd}) returns address ${at(page)}, size ${size}, short ${quote(short)}`,
  'file.read': (text: string, path: string, offset: number) => `kernel reads ${quote(text)} from ${path} at offset ${offset}`,
  'file.write': (data: string, path: string) => `kernel writes ${quote(data)} into ${path}: the bytes land in the message area itself [0120]`,
  'file.unlink': (path: string) => `the virtual file ${path} vanishes from the system control OS [0104]`,
  'kernel.reserve': (bytes: number, guest: string, frames: readonly FrameNo[]) => `kernel reserves a message area of ${bytes} bytes for a message to ${guest}: frames ${list(frames)}`,
  'file.new': (path: string) => `kernel makes the virtual file ${path} for it: the program may open and write it before sending`,
  'msgnew.file': (fd: number, bytes: number, path: string) => `msg_new(${fd}, ${bytes}) returns the file name ${path}`,
  'kernel.mapNew': (page: number) => `kernel maps the area into the program's address space at ${at(page)}: the program may write it before sending`,
  'msgnew.map': (fd: number, bytes: number, page: number) => `msg_new(${fd}, ${bytes}) returns address ${at(page)}`,
  'file.open': (path: string, fd: number) => `kernel opens ${path} as fd ${fd}`,
  'file.close': (fd: number, path: string) => `kernel closes fd ${fd} (${path})`,
  'kernel.discard': (path: string | null, frames: readonly FrameNo[]) => `kernel discards the message${path !== null ? ` ${path}` : ''}: frames ${list(frames)} are free again`,
  'select.return': (ready: readonly (readonly [number, Readiness])[]) =>
    `select returns [${list(ready.map(([fd]) => fd))}]: ${ready.map(([fd, why]) => `fd ${fd} ${READINESS[why]}`).join('; ')}`,
} satisfies Record<string, (...args: never[]) => string>;

type Messages = typeof MESSAGES;
export type MessageId = keyof Messages;

/** What an event says: a message id followed by that message's parameters. */
export type Narration = { [K in MessageId]: readonly [K, ...Parameters<Messages[K]>] }[MessageId];

/** The words of a narration, made when they are shown. */
export function narrate(say: Narration): string {
  const format = MESSAGES[say[0]] as Format;
  switch (say.length) {
    case 1: return format();
    case 2: return format(say[1]);
    case 3: return format(say[1], say[2]);
    case 4: return format(say[1], say[2], say[3]);
    default: return format(...say.slice(1));
  }
}
