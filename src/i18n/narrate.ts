// The engine's narration in the reader's language. An event says what
// happened as a message id and its parameters (src/engine/narration.ts);
// here each id's parameters are named and shaped for its catalog message
// `say.<id>` (addresses in hex, texts quoted, frame lists shortened, an inner
// narration such as why an event was raised made first), and the catalog
// makes the words. Numbers go in as text: 4096 bytes is not "4,096".

import { assertNever, frameList, hex, type Narration, type Readiness, type SignalRequest, type UnitPlace } from '../engine/index.ts';
import type { MessageKey, Translate, Values } from './translate.ts';

const PAGE_BYTES = 4096;
const at = (page: number) => hex(page * PAGE_BYTES);
const quote = (text: string) => JSON.stringify(text);
const list = (items: readonly (number | string)[]) => items.join(', ');
const s = (value: unknown) => String(value);

type Say<K extends Narration[0]> = Extract<Narration, readonly [K, ...unknown[]]>;
type Args<K extends Narration[0]> = Say<K> extends readonly [K, ...infer A] ? A : never;
type Shapers = { [K in Narration[0]]: (t: Translate, ...args: Args<K>) => Values };

function request(t: Translate, r: SignalRequest): string {
  switch (r.kind) {
    case 'channel': return t('say.request.channel');
    case 'event': return t('say.request.event', { port: s(r.port) });
    case 'share': return t('say.request.share');
    default: return assertNever(r);
  }
}

/** The units a logical processor is placed on (group and index, as Fig. 2 places them), in the language of `t`. */
function unitsIn(t: Translate, where: readonly UnitPlace[]): string {
  const units = where.map(([group, index]) => t('machine.unit', { group: String(group), slot: String(index) }));
  return units.reduceRight((rest, first) => t('shell.unitsAnd', { first, rest }));
}

const ready = (t: Translate, fd: number, why: Readiness) => t('say.select.ready', { fd: s(fd), why });

/** The values of each message, by id: the one place a parameter gets its name. */
const SHAPE: Shapers = {
  'boot.control': (_, lastFrame) => ({ lastFrame: s(lastFrame) }),
  'policy.set': (_, ceiling, resource) => ({ ceiling: s(ceiling), resource }),
  'cost.set': (_, param, value) => ({ param, value: s(value) }),
  'sched.slice': (_, tick, running) => ({ tick: s(tick), idle: s(running.length === 0), running: running.join(', ') }),
  'lpar.create': (_, pid, name) => ({ pid: s(pid), name }),
  'lpar.provision': (_, name, memPages, processors) => ({ name, memPages: s(memPages), processors: s(processors), count: processors }),
  'lpar.memory': (_, name, memPages) => ({ name, memPages: s(memPages), lastPage: s(memPages - 1) }),
  'lp.place': (t, lp, name, where, several, shared) => ({ lp: s(lp), name, where: unitsIn(t, where), how: several ? 'several' : shared ? 'shared' : 'one' }),
  'lpar.start': (_, name, system, notify) => ({ name, system: s(system), notify: s(notify) }),
  'lpar.limit': (_, name, amount, resource) => ({ name, any: s(amount === null), amount: s(amount), resource }),
  'lp.stop': (_, name, count) => ({ name, count: s(count) }),
  'lpar.end': (_, name, pages) => ({ name, pages: s(pages) }),
  'resource.alloc': (t, name, amount, resource, total, limit) => ({ name, amount: s(amount), resource, total: s(total), limit: limit === null ? t('say.unlimited') : s(limit) }),
  'resource.forward': (_, name, amount, resource, limit) => ({ name, amount: s(amount), resource, limit: s(limit) }),
  'resource.deny': (_, name, used, resource, ceiling) => ({ name, used: s(used), resource, ceiling: s(ceiling) }),
  'resource.reduce': (_, name, granted, amount, resource, ceiling, limit) => ({ name, granted: s(granted), amount: s(amount), resource, ceiling: s(ceiling), limit: s(limit) }),
  'resource.grant': (_, amount, resource, name, limit) => ({ amount: s(amount), resource, name, limit: s(limit) }),
  'resource.allocGranted': (_, name, amount, resource, total) => ({ name, amount: s(amount), resource, total: s(total) }),
  'resource.release': (t, name, amount, resource, total, limit) => ({ name, amount: s(amount), resource, total: s(total), limit: limit === null ? t('say.unlimited') : s(limit) }),
  'resource.ask': (_, name, amount, resource, limit, port) => ({ name, amount: s(amount), resource, limit: s(limit), port: s(port) }),
  'ask.write': (_, name, page, text) => ({ name, addr: at(page), text: quote(text) }),
  'ask.grant': (_, amount, resource, name, limit) => ({ amount: s(amount), resource, name, limit: s(limit) }),
  'ask.refuse': (_, name, amount, resource, why) => ({ name, amount: s(amount), resource, why: quote(why) }),
  'ask.discard': (_, name, frames) => ({ name, frames: list(frames) }),
  'ask.withdraw': (_, id, name, frames) => ({ id: s(id), name, frames: list(frames) }),
  'policy.ask': (_, resource, ask) => ({ resource, ask: s(ask) }),
  'event.port': (_, name, port) => ({ name, port: s(port) }),
  'event.merge': (t, name, port, why) => ({ name, port: s(port), why: narrateIn(t, why as Narration) }),
  'event.raise': (t, name, port, why) => ({ name, port: s(port), why: narrateIn(t, why as Narration) }),
  'event.poll': (_, name, port, was) => ({ name, port: s(port), was: s(was) }),
  'why.sent': (_, name, port) => ({ name, port: s(port) }),
  'why.message': (_, port) => ({ port: s(port) }),
  'why.channel': (_, chan) => ({ chan: s(chan) }),
  'why.peerClosed': (_, port) => ({ port: s(port) }),
  'why.signal': () => ({}),
  'signal.queue': (t, sig, target, asker, r) => ({ sig: s(sig), target, asker, request: request(t, r) }),
  'signal.take': (t, name, sig, asker, r) => ({ name, sig: s(sig), asker, request: request(t, r) }),
  'event.refuse': (_, owner, port, asker, why) => ({ owner, port: s(port), asker, why }),
  'service.notPermitted': (_, name, service) => ({ name, service: s(service) }),
  'signal.deny': (_, name, sig) => ({ name, sig: s(sig) }),
  'call.suspend': (t, name, call, until) => ({ name, call, until: narrateIn(t, until as Narration) }),
  'until.peer': (_, name) => ({ name }),
  'until.accept': () => ({}),
  'until.message': () => ({}),
  'until.answer': () => ({}),
  'until.request': () => ({}),
  'until.select': (_, fds) => ({ fds: list(fds) }),
  'call.complete': (_, name, call, value) => ({ name, call, value }),
  'call.fail': (_, name, call, errno) => ({ name, call, errno }),
  'call.interrupt': (_, name, call) => ({ name, call }),
  'channel.request': (_, name, peer) => ({ name, peer }),
  'channel.permit': (_, server, client) => ({ server, client }),
  'channel.create': (_, chan, clientPort, client, serverPort, server) => ({ chan: s(chan), clientPort: s(clientPort), client, serverPort: s(serverPort), server }),
  'event.connectSelf': (_, name, sendPort, port) => ({ name, sendPort: s(sendPort), port: s(port) }),
  'event.connect': (_, owner, asker, sendPort, port) => ({ owner, asker, sendPort: s(sendPort), port: s(port) }),
  'shm.request': (_, bytes, name, page) => ({ bytes: s(bytes), name, addr: at(page) }),
  'shm.permit': (_, name, asker) => ({ name, asker }),
  'shm.unmap': (_, name, owner) => ({ name, owner }),
  'area.reserve': (_, name, bytes, frames) => ({ name, bytes: s(bytes), frames: list(frames) }),
  'area.mapOwn': (_, name, page) => ({ name, addr: at(page) }),
  'area.write': (_, name, data, addr) => ({ name, data: quote(data), addr: hex(addr) }),
  'area.read': (_, name, text, addr) => ({ name, text: quote(text), addr: hex(addr) }),
  'message.send': (_, name, addr, port, short) => ({ name, addr: hex(addr), port: s(port), short: quote(short) }),
  'area.fault': (_, name, addr) => ({ name, addr: hex(addr) }),
  'area.unmap': (_, name, page) => ({ name, addr: at(page) }),
  'area.flip': (_, frames, from, to) => ({ count: frames.length, frames: frameList(frames), from, to }),
  'area.map': (_, name, page) => ({ name, addr: at(page) }),
  'message.queue': (_, name, port) => ({ name, port: s(port) }),
  'message.take': (_, name, size, page, short) => ({ name, size: s(size), addr: at(page), short: quote(short) }),
  'recv.wait': (_, name, port) => ({ name, port: s(port) }),
  'area.discard': (_, name, frames) => ({ name, frames: list(frames) }),
  'port.discard': (_, name, port, unread) => ({ name, port: s(port), unread }),
  'sys.call': (_, call) => ({ call }),
  'sock.create': (_, map, fd) => ({ map: s(map), fd: s(fd) }),
  'sock.bind': (_, service, fd) => ({ service: s(service), fd: s(fd) }),
  'sock.listen': (_, permit, service) => ({ permit: s(permit), service: s(service) }),
  'sock.permission': (t, allowed, guest, service, fd) => ({ allowed: s(allowed), guest, service: service ?? t('say.sock.unbound', { fd: s(fd) }) }),
  'service.denied': (_, name, service) => ({ name, service: s(service) }),
  'service.request': (_, name, service) => ({ name, service: s(service) }),
  'service.backlog': (_, name, fd, service) => ({ name, fd: s(fd), service: s(service) }),
  'accept.wake': () => ({}),
  'sock.comm': (_, guest) => ({ guest }),
  'sock.accept': (_, guest, fd) => ({ guest, fd: s(fd) }),
  'accept.return': (_, fd, guest) => ({ fd: s(fd), guest }),
  'sock.close': (_, fd, what) => ({ fd: s(fd), what }),
  'read.eofWake': (_, fd) => ({ fd: s(fd) }),
  'read.eof': (_, fd) => ({ fd: s(fd) }),
  'read.wake': (_, fd) => ({ fd: s(fd) }),
  'file.arrive': (_, path, size, guest) => ({ path, size: s(size), guest }),
  'read.file': (_, fd, path, short) => ({ fd: s(fd), path, short: quote(short) }),
  'kernel.mapRead': (_, page) => ({ addr: at(page) }),
  'read.map': (_, fd, page, size, short) => ({ fd: s(fd), addr: at(page), size: s(size), short: quote(short) }),
  'file.read': (_, text, path, offset) => ({ text: quote(text), path, offset: s(offset) }),
  'file.write': (_, data, path) => ({ data: quote(data), path }),
  'file.unlink': (_, path) => ({ path }),
  'kernel.reserve': (_, bytes, guest, frames) => ({ bytes: s(bytes), guest, frames: list(frames) }),
  'file.new': (_, path) => ({ path }),
  'msgnew.file': (_, fd, bytes, path) => ({ fd: s(fd), bytes: s(bytes), path }),
  'kernel.mapNew': (_, page) => ({ addr: at(page) }),
  'msgnew.map': (_, fd, bytes, page) => ({ fd: s(fd), bytes: s(bytes), addr: at(page) }),
  'file.open': (_, path, fd) => ({ path, fd: s(fd) }),
  'file.close': (_, fd, path) => ({ fd: s(fd), path }),
  'kernel.discard': (_, path, frames) => ({ named: s(path !== null), path: s(path), frames: list(frames) }),
  'select.return': (t, readyFds) => ({ fds: list(readyFds.map(([fd]) => fd)), why: readyFds.map(([fd, why]) => ready(t, fd, why)).join(t('say.select.separator')) }),
};

/** Every message id the engine may narrate: each has its catalog message `say.<id>`. */
export const NARRATED_IDS: readonly string[] = Object.keys(SHAPE);

/** The words of a narration in the language of `t`. */
export function narrateIn(t: Translate, say: Narration): string {
  const [id, ...args] = say;
  const shape = SHAPE[id] as (t: Translate, ...args: readonly unknown[]) => Values;
  return t(`say.${id}` as MessageKey, shape(t, ...args));
}
