import { describe, expect, it } from 'vitest';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { socketsView } from './socketsView.js';

function typed(lines: readonly string[], shell: ShellState = createShell()) {
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell.timeline.current;
}

const LISTEN = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)'];

describe('socketsView (Figs. 7, 10)', () => {
  it('starts with a running program and an empty kernel', () => {
    const m = socketsView(typed([]));
    expect(m.program).toEqual({ name: 'scp', state: 'running', wait: null, text: 'running', fds: [] });
    expect([m.sockets, m.fds, m.files, m.mappings, m.channels]).toEqual([[], [], [], [], []]);
  });

  it('shows the program suspended in accept, then the communication socket it returns (S204)', () => {
    const waiting = socketsView(typed([...LISTEN, 'fd = accept(s)']));
    expect(waiting.program).toMatchObject({ state: 'suspended', text: 'suspended in accept(3)', fds: [3] });
    expect(waiting.sockets).toEqual([{ fd: 3, mode: 'vfile', service: 7, listening: true, denied: [], waiting: [], accepting: true }]);
    const m = socketsView(typed([...LISTEN, 'fd = accept(s)', '@A ch = connect(7)']));
    expect(m.program.text).toBe('running');
    expect(m.fds.map((f) => [f.fd, f.kind])).toEqual([[3, 'socket'], [4, 'comm']]);
    expect(m.channels).toEqual([expect.objectContaining({ fd: 4, service: 7, mode: 'vfile', guest: { pid: 2, name: 'A', status: 'active' }, queue: [], peerClosed: false })]);
    const state = typed([...LISTEN, 'fd = accept(s)', '@A ch = connect(7)']);
    expect(socketsView(state).channels[0]!.chan).toBe(Object.values(state.channels)[0]!.id);
  });

  it('shows a socket not bound yet: no service, so no requests wait for it', () => {
    expect(socketsView(typed(['s = socket(AF_LPAR, SOCK_SEQPACKET)'])).sockets).toEqual([{ fd: 3, mode: 'vfile', service: null, listening: false, denied: [], waiting: [], accepting: false }]);
  });

  it('counts the messages sent back that wait at the guest\'s port', () => {
    const m = socketsView(typed([...LISTEN, '@A ch = connect(7)', 'fd = accept(s)', '@A a = area(64)', '@A send(ch, a, "one")', 'r = read(fd)', 'write(fd, r.vfile)']));
    expect(m.channels[0]).toMatchObject({ guest: { name: 'A' }, guestQueued: 1, guestWaiting: false, queue: [] });
  });

  it('lists waiting connection requests and denied partitions on the socket ([0090], S305 (b))', () => {
    const m = socketsView(typed([...LISTEN, '@A ch = connect(7)', 'deny(s, B)']));
    expect(m.sockets[0]!.waiting.map((w) => w.from.name)).toEqual(['A']);
    expect(m.sockets[0]!.denied.map((d) => d.name)).toEqual(['B']);
  });

  it('follows a message in virtual-file mode: waiting at the port, then a file under /msg, then open (Fig. 9)', () => {
    const sent = [...LISTEN, 'fd = accept(s)', '@A ch = connect(7)', '@A a = area(4096)', '@A poke(a, "need 64 pages")', '@A send(ch, a, "mem request")'];
    const queued = socketsView(typed(sent));
    expect(queued.channels[0]!.queue).toEqual([expect.objectContaining({ size: 4096, short: 'mem request' })]);
    expect(queued.fds.find((f) => f.fd === 4)).toMatchObject({ kind: 'comm', queued: 1, ready: true });
    const opened = socketsView(typed([...sent, 'r = read(fd)', 'v = open(r.vfile)', 'read(v, 4)']));
    expect(opened.channels[0]!.queue).toEqual([]);
    expect(opened.files).toEqual([expect.objectContaining({ path: '/msg/A.1', size: 4096, short: 'mem request', openAs: [5], preview: 'need 64 pages' })]);
    expect(opened.fds.find((f) => f.fd === 5)).toEqual({ kind: 'file', fd: 5, path: '/msg/A.1', offset: 4, size: 4096 });
    // S-C: written back, the file vanishes and the area goes to A
    const back = socketsView(typed([...sent, 'r = read(fd)', 'write(fd, r.vfile)']));
    expect(back.files).toEqual([]);
    expect(back.channels[0]!.guestQueued).toBe(1);
  });

  it('shows a direct mapping in the program\'s address space (Fig. 12), and its release', () => {
    const lines = ['m = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)', '@B a = area(100)', '@B poke(a, "status?")', '@B send(ch, a, "query")', 'r = read(fd)'];
    const m = socketsView(typed(lines));
    expect(m.sockets[0]!.mode).toBe('map');
    expect(m.mappings).toEqual([expect.objectContaining({ addr: 0x100000, size: 100, kind: 'message', preview: 'status?' })]);
    expect(m.mappings[0]!.frames).toHaveLength(1);
    expect(socketsView(typed([...lines, 'write(fd, r.addr)'])).mappings).toEqual([]);
  });

  it('shows select over two communication sockets, and which is ready ([0108])', () => {
    const lines = [...LISTEN, '@A cha = connect(7)', '@B chb = connect(7)', 's0 = accept(s)', 's1 = accept(s)', 'ready = select([s0, s1])'];
    const m = socketsView(typed(lines));
    expect(m.program).toMatchObject({ text: 'suspended in select([4, 5])', fds: [4, 5] });
    expect(m.channels.map((c) => [c.fd, c.guest.name, c.watched])).toEqual([[4, 'A', true], [5, 'B', true]]);
    const woke = socketsView(typed([...lines, '@B b = area(64)', '@B send(chb, b, "from B")']));
    expect(woke.program.state).toBe('running');
    expect(woke.fds.filter((f) => f.kind === 'comm' && f.ready).map((f) => f.fd)).toEqual([5]);
  });

  it('shows a channel whose guest has gone: read finds end of file', () => {
    const m = socketsView(typed(['lpar_create("C", 32, 1)', ...LISTEN, '@C ch = connect(7)', 'fd = accept(s)', 'lpar_end(C)']));
    expect(m.channels[0]).toMatchObject({ peerClosed: true, guest: { name: 'C', status: 'ended' }, guestPort: null });
    expect(m.fds.find((f) => f.fd === 4)).toMatchObject({ ready: true, peerClosed: true });
  });

  it('shows select watching its fds, an open file with its size, and a guest waiting in recv', () => {
    const lines = [...LISTEN, '@A ch = connect(7)', 'fd = accept(s)', '@A a = area(64)', '@A send(ch, a, "one")', 'r = read(fd)', 'v = open(r.vfile)', '@A recv(ch)'];
    const open = socketsView(typed(lines));
    expect(open.fds.find((f) => f.kind === 'file')).toMatchObject({ fd: 5, path: '/msg/A.1', offset: 0, size: 64 });
    expect(open.files[0]).toMatchObject({ path: '/msg/A.1', openAs: [5], size: 64 });
    expect(open.channels[0]).toMatchObject({ guestWaiting: true, watched: false });
    const watching = socketsView(typed([...lines, 'write(fd, r.vfile)', 'select([fd])']));
    // the file was sent: its fd no longer reaches anything
    expect(watching.fds.find((f) => f.kind === 'file')).toMatchObject({ fd: 5, size: null });
    expect(watching.program).toMatchObject({ state: 'suspended', fds: [4] });
    // an unlinked file stays open with no size; /msg no longer lists it
    const unlinked = socketsView(typed([...lines, 'unlink(r.vfile)']));
    expect(unlinked.fds.find((f) => f.kind === 'file')).toMatchObject({ fd: 5, path: '/msg/A.1', size: null });
    expect(unlinked.files).toEqual([]);
  });

  it('marks the fds select waits on, and a channel whose guest has ended', () => {
    const lines = [...LISTEN, '@A ch = connect(7)', 'fd = accept(s)', 'select([fd])'];
    const waiting = socketsView(typed(lines));
    expect(waiting.program).toMatchObject({ state: 'suspended', fds: [4] });
    expect(waiting.channels[0]).toMatchObject({ watched: true });
    const ended = socketsView(typed([...lines, '@A lpar_end()']));
    // A ended: select returned (end of file is readable), the channel shows the guest gone
    expect(ended.program.state).toBe('running');
    expect(ended.channels[0]).toMatchObject({ guest: { pid: 2, name: 'A', status: 'ended' }, peerClosed: true, guestPort: null, guestQueued: 0, guestWaiting: false });
    expect(ended.fds.find((f) => f.kind === 'comm')).toMatchObject({ ready: true, peerClosed: true });
  });

  it('previews a mapped message: control characters as dots, long text cut with an ellipsis', () => {
    const m = socketsView(typed([
      'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)',
      'n = msg_new(fd, 100)', 'poke(n.addr, "a\\tb and a much longer text than fits")',
    ]));
    expect(m.mappings).toHaveLength(1);
    expect(m.mappings[0]!.preview.endsWith('…')).toBe(true);
    expect(m.mappings[0]!.preview.length).toBe(24);
  });
});
