// The system control program's sockets, step by step against Figs. 8, 9, 11
// and 12: each call's events carry exactly the steps the figures give, in
// order, and the mechanisms of [0092]-[0093], [0108] and [0111] work.

import { describe, expect, it } from 'vitest';
import { A, B, SCP, session, tagsSince } from '../testing/testkit.js';
import type { Session } from '../testing/testkit.js';
import { FIRST_FD, MAX_FDS } from './fdTable.js';
import { narrate } from '../narration.js';

/** socket, bind and listen on service 7 (mode vfile or map), A connects, the program accepts: [fd, A's channel]. */
function served(s: Session, mode: 'vfile' | 'map' = 'vfile') {
  const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode }) as number;
  s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
  s.ok({ kind: 'sys.listen', fd: ls, permit: true });
  const connect = s.run({ kind: 'channel.connectService', by: A, service: 7 });
  expect(connect.suspended?.call).toBe('connect');
  const accept = s.run({ kind: 'sys.accept', fd: ls });
  const ch = accept.completions.find((c) => c.pid === A)!.result;
  return { ls, fd: accept.result.ok ? (accept.result.value as number) : -1, ch: ch.ok ? (ch.value as number) : -1 };
}

/** A sends an area with `text` in it on its channel. */
function guestSends(s: Session, ch: number, text: string) {
  const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
  s.ok({ kind: 'mem.write', by: A, addr, data: text });
  s.ok({ kind: 'channel.send', by: A, port: ch as never, addr, short: 'm' });
}

describe('Figs. 8 and 9: sockets with virtual files', () => {
  it('S201-S203 and S301-S303: socket, bind, listen', () => {
    const s = session();
    const from = s.events.length;
    const fd = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd, service: 7 });
    s.ok({ kind: 'sys.listen', fd, permit: true });
    expect(tagsSince(s, from)).toEqual(['S301', 'S201', 'S302', 'S202', 'S303', 'S203']);
  });

  it('S204 (d), (e), (a)-(c), S305 and S306: accept waits, a guest connects, accept returns its fd', () => {
    const s = session();
    const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
    s.ok({ kind: 'sys.listen', fd: ls, permit: true });
    let from = s.events.length;
    expect(s.run({ kind: 'sys.accept', fd: ls }).suspended?.call).toBe('accept');
    expect(tagsSince(s, from)).toEqual(['S304', 'S204(d)']);
    from = s.events.length;
    const step = s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const tags = tagsSince(s, from);
    expect(tags.slice(0, 2)).toEqual(['S305(a)', 'S305(b)']);
    // S306 connects the channel [0114], [0092]; S104 tells both ends and A's connect returns with it
    // ([0113] (b)); only then is the communication socket produced, S204 (a) [0091]
    // ([0057]: the request reached the scp's empty control signal port, which raises its event port)
    expect(tags.filter((t) => t !== '[0057]' && t !== 'S305(b)' && t !== 'S305(a)')).toEqual(['S204(e)', 'S306', 'S306', 'S104', 'S104', 'S104', 'S204(a)', 'S204(b)', 'S204(c)']);
    expect(s.events.slice(from).find((e) => e.kind === 'call.complete')).toMatchObject({ tag: 'S104', to: A });
    expect(step.completions.find((c) => c.pid === SCP)!.result).toEqual({ ok: true, value: FIRST_FD + 1 });
  });

  it('S307, S308(a), S309(a) and S-A (a)-(b): a message becomes a virtual file', () => {
    const s = session();
    const { fd, ch } = served(s);
    let from = s.events.length;
    guestSends(s, ch, 'need pages');
    expect(tagsSince(s, from).filter((t) => t.startsWith('S30'))).toEqual(['S307', 'S307', 'S308(a)']);
    from = s.events.length;
    expect(s.ok({ kind: 'sys.read', fd, count: null })).toEqual({ vfile: '/msg/A.1', short: 'm' });
    expect(tagsSince(s, from)).toEqual(['S309(a)', 'S-A(a)', 'S-A(b)']);
  });

  it('S-A (c)-(d): read waits until a message arrives', () => {
    const s = session();
    const { fd, ch } = served(s);
    let from = s.events.length;
    expect(s.run({ kind: 'sys.read', fd, count: null }).suspended?.call).toBe('read');
    expect(tagsSince(s, from)).toEqual(['S309(a)', 'S-A(c)']);
    from = s.events.length;
    guestSends(s, ch, 'late');
    expect(tagsSince(s, from)).toContain('S-A(d)');
  });

  it('S310(a) and S-B: open, read, write and close the virtual file; S311(a) and S-C send it back', () => {
    const s = session();
    const { fd, ch } = served(s);
    guestSends(s, ch, 'need pages');
    const { vfile } = s.ok({ kind: 'sys.read', fd, count: null }) as { vfile: string };
    let from = s.events.length;
    const v = s.ok({ kind: 'sys.open', path: vfile }) as number;
    expect(s.ok({ kind: 'sys.read', fd: v, count: 4 })).toBe('need');
    s.ok({ kind: 'sys.write', fd: v, data: ' granted' });
    s.ok({ kind: 'sys.close', fd: v });
    expect(tagsSince(s, from)).toEqual(['S310(a)', 'S-B', 'S310(a)', 'S-B', 'S310(a)', 'S-B', 'S310(a)', 'S-B']);
    from = s.events.length;
    s.ok({ kind: 'sys.write', fd, data: vfile });
    expect(tagsSince(s, from).slice(0, 2)).toEqual(['S311(a)', 'S-C']);
    expect(s.state.kernel.files).toEqual({});
  });

  it('S-D: unlink discards a received message; S-E: close disconnects the channel', () => {
    const s = session();
    const { fd, ch } = served(s);
    guestSends(s, ch, 'x');
    const { vfile } = s.ok({ kind: 'sys.read', fd, count: null }) as { vfile: string };
    const free = s.state.frames.free;
    let from = s.events.length;
    s.ok({ kind: 'sys.unlink', target: vfile });
    expect(tagsSince(s, from)).toEqual(['S-D', 'S-D']);
    expect(s.state.frames.free).toBe(free + 1);
    from = s.events.length;
    s.ok({ kind: 'sys.close', fd });
    expect(tagsSince(s, from)).toEqual(['S-E', 'S-E', 'S111', 'S-E']);
  });

  it('end of file: the guest discarded its end, read returns 0 and says so (the lab\'s answer, not "a message arrived")', () => {
    const s = session();
    const { fd, ch } = served(s);
    s.run({ kind: 'sys.read', fd, count: null });
    const from = s.events.length;
    const step = s.run({ kind: 'channel.close', by: A, port: ch as never });
    expect(step.completions.find((c) => c.pid === SCP)!.result).toEqual({ ok: true, value: 0 });
    const wake = s.events.slice(from).find((e) => e.kind === 'call.wake')!;
    expect(wake.tag).toBe('lab:eof');
    expect(narrate(wake.say)).not.toMatch(/arrived/);
  });

  it('closing a listening socket is the lab\'s close, not [0094]; its waiting requests are refused', () => {
    const s = session();
    const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
    s.ok({ kind: 'sys.listen', fd: ls, permit: true });
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const from = s.events.length;
    const step = s.run({ kind: 'sys.close', fd: ls });
    // the waiting connect fails because of the lab's close, and says so
    expect(tagsSince(s, from)).toEqual(['lab:close', 'lab:close', 'lab:close']);
    expect(step.completions[0]!.result).toMatchObject({ ok: false, error: { errno: 'ECONNREFUSED' } });
  });
});

describe('Figs. 10-12: sockets with direct mapping', () => {
  it('S308(b), S-A: read maps the area into the program; S309(b)/S310(b) [0102], [0121]: it reads and writes in place', () => {
    const s = session();
    const { fd, ch } = served(s, 'map');
    let from = s.events.length;
    guestSends(s, ch, 'status?');
    expect(tagsSince(s, from)).toContain('S308(b)');
    from = s.events.length;
    const { addr } = s.ok({ kind: 'sys.read', fd, count: null }) as { addr: number };
    expect(tagsSince(s, from)).toEqual(['S-A', 'S308(b)', 'S-A(b)']);
    from = s.events.length;
    expect(s.ok({ kind: 'mem.read', addr, length: 7 })).toBe('status?');
    s.ok({ kind: 'mem.write', addr, data: 'ok' });
    expect(tagsSince(s, from)).toEqual(['S309(b)', 'S310(b)']);
    from = s.events.length;
    s.ok({ kind: 'sys.write', fd, data: addr });
    expect(tagsSince(s, from).slice(0, 2)).toEqual(['S311(b)', 'S-C']);
    expect(s.errno({ kind: 'mem.read', addr, length: 2 })).toBe('EFAULT');
  });
});

describe('messages the program starts [0092], [0093]', () => {
  it('msg_new on a virtual-file socket: a file to write, then write(fd, m.vfile) sends it and the guest receives it', () => {
    const s = session();
    const { fd, ch } = served(s);
    const from = s.events.length;
    const m = s.ok({ kind: 'sys.msgnew', fd, bytes: 64 }) as { vfile: string };
    expect(m).toEqual({ vfile: '/msg/A.1' });
    expect(tagsSince(s, from)).toEqual(['[0092]', '[0092]', '[0092]', '[0092]']);
    const v = s.ok({ kind: 'sys.open', path: m.vfile }) as number;
    s.ok({ kind: 'sys.write', fd: v, data: 'yours' });
    s.ok({ kind: 'sys.close', fd: v });
    s.ok({ kind: 'sys.write', fd, data: m.vfile });
    expect(s.state.kernel.files).toEqual({});
    const r = s.ok({ kind: 'channel.recv', by: A, port: ch as never }) as { addr: number };
    expect(s.ok({ kind: 'mem.read', by: A, addr: r.addr, length: 5 })).toBe('yours');
    // what the guest received is its to discard: S109
    const at = s.events.length;
    s.ok({ kind: 'area.free', by: A, addr: r.addr });
    expect(tagsSince(s, at)).toEqual(['S109']);
  });

  it('msg_new on a MSG_MAP socket: an address to poke, then write(fd, m.addr) releases the mapping and sends it', () => {
    const s = session();
    const { fd, ch } = served(s, 'map');
    const m = s.ok({ kind: 'sys.msgnew', fd, bytes: 100 }) as { addr: number };
    s.ok({ kind: 'mem.write', addr: m.addr, data: 'status: ok' });
    s.ok({ kind: 'sys.write', fd, data: m.addr });
    expect(s.errno({ kind: 'mem.read', addr: m.addr, length: 1 })).toBe('EFAULT');
    const r = s.ok({ kind: 'channel.recv', by: A, port: ch as never }) as { addr: number };
    expect(s.ok({ kind: 'mem.read', by: A, addr: r.addr, length: 10 })).toBe('status: ok');
  });

  it('msg_new refuses what is not a communication socket, a bad size, and a guest', () => {
    const s = session();
    const { ls, fd } = served(s);
    expect(s.errno({ kind: 'sys.msgnew', fd: ls, bytes: 64 })).toBe('EINVAL');
    expect(s.errno({ kind: 'sys.msgnew', fd, bytes: 0 })).toBe('EINVAL');
    expect(s.errno({ kind: 'sys.msgnew', fd: 40, bytes: 64 })).toBe('EBADF');
    expect(s.errno({ kind: 'sys.msgnew', by: B, fd, bytes: 64 })).toBe('EACCES');
  });
});

describe('listen: connection permitted or not permitted [0111]', () => {
  it('listen(s, false) refuses new connects and waiting ones; listen(s, true) permits again', () => {
    const s = session();
    const ls = s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number;
    s.ok({ kind: 'sys.bind', fd: ls, service: 7 });
    expect(s.errno({ kind: 'channel.connectService', by: A, service: 7 })).toBe('ECONNREFUSED');
    s.ok({ kind: 'sys.listen', fd: ls, permit: true });
    s.run({ kind: 'channel.connectService', by: A, service: 7 });
    const off = s.run({ kind: 'sys.listen', fd: ls, permit: false });
    expect(off.completions.find((c) => c.pid === A)!.result).toMatchObject({ ok: false, error: { errno: 'ECONNREFUSED' } });
    expect(s.errno({ kind: 'channel.connectService', by: B, service: 7 })).toBe('ECONNREFUSED');
    expect(s.errno({ kind: 'sys.accept', fd: ls })).toBe('EINVAL');
    s.ok({ kind: 'sys.listen', fd: ls, permit: true });
    expect(s.run({ kind: 'channel.connectService', by: B, service: 7 }).suspended?.call).toBe('connect');
  });
});

describe('select [0108]', () => {
  const selectReturn = (s: Session) => s.events.filter((e) => e.kind === 'sock.select').at(-1)!;

  it("an open virtual file is readable, like any other input: select returns it at once, by the lab's rule", () => {
    const s = session();
    const { fd, ch } = served(s);
    guestSends(s, ch, 'one');
    const { vfile } = s.ok({ kind: 'sys.read', fd, count: null }) as { vfile: string };
    const v = s.ok({ kind: 'sys.open', path: vfile }) as number;
    expect(s.ok({ kind: 'sys.select', fds: [fd, v] })).toEqual([v]);
    expect(selectReturn(s)).toMatchObject({ tag: 'lab:ready', say: ['select.return', [[v, 'file']]] });
    guestSends(s, ch, 'two');
    expect(s.ok({ kind: 'sys.select', fds: [fd, v] })).toEqual([fd, v]);
    expect(selectReturn(s)).toMatchObject({ tag: 'lab:ready', say: ['select.return', [[fd, 'message'], [v, 'file']]] });
    // a communication socket with a received message alone is what [0108] watches for
    expect(s.ok({ kind: 'sys.select', fds: [fd] })).toEqual([fd]);
    expect(selectReturn(s)).toMatchObject({ tag: '[0108]', say: ['select.return', [[fd, 'message']]] });
  });

  it("a socket at end of file and a listening socket with a request are ready by the lab's rules", () => {
    const s = session();
    const { ls, fd, ch } = served(s);
    s.ok({ kind: 'channel.close', by: A, port: ch as never });
    expect(s.ok({ kind: 'sys.select', fds: [fd] })).toEqual([fd]);
    expect(selectReturn(s)).toMatchObject({ tag: 'lab:ready', say: ['select.return', [[fd, 'eof']]] });
    s.run({ kind: 'channel.connectService', by: B, service: 7 });
    expect(s.ok({ kind: 'sys.select', fds: [ls] })).toEqual([ls]);
    expect(selectReturn(s)).toMatchObject({ tag: 'lab:ready', say: ['select.return', [[ls, 'request']]] });
  });

  it('waits while no socket has anything, and wakes for the one that does', () => {
    const s = session();
    const { fd, ch } = served(s);
    expect(s.run({ kind: 'sys.select', fds: [fd] }).suspended?.call).toBe('select');
    const step = (() => { const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 64 }) as number; return s.run({ kind: 'channel.send', by: A, port: ch as never, addr, short: '' }); })();
    expect(step.completions.find((c) => c.pid === SCP)!.result).toEqual({ ok: true, value: [fd] });
  });
});

describe('the fd table [0088], [0091] (b)', () => {
  it('holds exactly MAX_FDS entries from fd 3: the next socket is refused, and a freed number is reused', () => {
    const s = session();
    const fds: number[] = [];
    for (let i = 0; i < MAX_FDS; i++) fds.push(s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }) as number);
    expect(fds[0]).toBe(FIRST_FD);
    expect(fds.at(-1)).toBe(FIRST_FD + MAX_FDS - 1);
    expect(s.errno({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' })).toBe('ENOMEM');
    s.ok({ kind: 'sys.close', fd: FIRST_FD + 5 });
    expect(s.ok({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' })).toBe(FIRST_FD + 5);
  });
});

describe('refusals with a reason, the machine unchanged', () => {
  it('read with a bad count, a write past the end of a file, a send-back by an inner address', () => {
    const s = session();
    const { fd, ch } = served(s);
    guestSends(s, ch, 'x');
    const { vfile } = s.ok({ kind: 'sys.read', fd, count: null }) as { vfile: string };
    const v = s.ok({ kind: 'sys.open', path: vfile }) as number;
    expect(s.errno({ kind: 'sys.read', fd: v, count: -1 })).toBe('EINVAL');
    expect(s.errno({ kind: 'sys.read', fd: v, count: 1.5 })).toBe('EINVAL');
    expect(s.errno({ kind: 'sys.write', fd: v, data: 'y'.repeat(4097) })).toBe('EFAULT');
  });

  it('write(fd, addr) by an address inside the mapped area', () => {
    const s = session();
    const { fd, ch } = served(s, 'map');
    guestSends(s, ch, 'x');
    const { addr } = s.ok({ kind: 'sys.read', fd, count: null }) as { addr: number };
    expect(s.errno({ kind: 'sys.write', fd, data: addr + 8 })).toBe('EINVAL');
  });

  it('msg_new past the program\'s memory limit, or past free memory', () => {
    const s = session();
    const { fd } = served(s);
    expect(s.errno({ kind: 'sys.msgnew', fd, bytes: 16 * 1024 * 1024 })).toBe('ENOMEM');
    s.ok({ kind: 'lpar.limit', pid: SCP, resource: 'mem', amount: 0 });
    expect(s.errno({ kind: 'sys.msgnew', fd, bytes: 64 })).toBe('ENOMEM');
  });

  it('open with a full fd table', () => {
    const s = session();
    const { fd, ch } = served(s);
    guestSends(s, ch, 'x');
    const { vfile } = s.ok({ kind: 'sys.read', fd, count: null }) as { vfile: string };
    while (s.run({ kind: 'sys.socket', domain: 'AF_LPAR', type: 'SOCK_SEQPACKET', mode: 'vfile' }).result.ok);
    expect(s.errno({ kind: 'sys.open', path: vfile })).toBe('ENOMEM');
  });
});
