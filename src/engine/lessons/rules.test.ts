// The rule library judges the machine as a teacher would: each rule is met in
// a state where what it says is true and not met where it is false, and when
// it is not met it says what is true instead and where to look.

import { describe, expect, it } from 'vitest';
import type { Rule } from './rules.js';
import { asksFor, callOfLine, namesOf } from './rules.js';
import { checkRule } from './checkRule.js';
import { play } from './ruleCases.js';

const CONNECTED = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
const EVENTS = ['@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)'];

describe('bound', () => {
  it('is met by any value, and by a record only when it has the field', () => {
    const c = play(['@A a = area(4096)', 'x = "hi"']);
    expect(checkRule({ kind: 'bound', name: 'x' }, c)).toMatchObject({ ok: true, says: 'x holds a value' });
    expect(checkRule({ kind: 'bound', name: 'y' }, c)).toMatchObject({ ok: false, why: 'y is not bound yet' });
    expect(checkRule({ kind: 'bound', name: 'a', field: 'addr' }, c)).toMatchObject({ ok: false, says: 'a holds a record with addr', why: 'a has no field addr' });
  });

  it('a record with the field is met, one without it is not', () => {
    const c = play([...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")', '@B r = recv(chb)']);
    expect(checkRule({ kind: 'bound', name: 'r', field: 'addr' }, c)).toMatchObject({ ok: true, says: 'r holds a record with addr' });
    expect(checkRule({ kind: 'bound', name: 'r', field: 'vfile' }, c)).toMatchObject({ ok: false, why: 'r has no field vfile' });
  });
});

describe('waiting', () => {
  it('names the call a partition is suspended in, or says it runs', () => {
    const c = play(['@A ch = connect(B)']);
    expect(checkRule({ kind: 'waiting', ctx: 'A', call: 'connect' }, c)).toMatchObject({ ok: true, says: 'A is suspended in connect' });
    expect(checkRule({ kind: 'waiting', ctx: 'A', call: 'recv' }, c)).toMatchObject({ ok: false, why: 'A is suspended in connect', highlight: { view: 'layers', ctx: 'A' } });
    expect(checkRule({ kind: 'waiting', ctx: 'B', call: null }, c)).toMatchObject({ ok: true, says: 'B is not suspended in any call' });
    expect(checkRule({ kind: 'waiting', ctx: 'B', call: 'recv' }, c)).toMatchObject({ ok: false, why: 'B is running' });
    expect(checkRule({ kind: 'waiting', ctx: 'A', call: null }, c)).toMatchObject({ ok: false, why: 'A is suspended in connect' });
  });

  it('the system control program is looked for in the sockets view', () => {
    const c = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)']);
    expect(checkRule({ kind: 'waiting', ctx: 'scp', call: 'accept' }, c).ok).toBe(true);
    expect(checkRule({ kind: 'waiting', ctx: 'scp', call: 'select' }, c)).toMatchObject({ ok: false, highlight: { view: 'sockets', ctx: 'scp' } });
  });

  it('a partition that does not exist is neither suspended nor running: the rule is not met either way', () => {
    const c = play([]);
    expect(checkRule({ kind: 'waiting', ctx: 'Z', call: null }, c)).toMatchObject({ ok: false, why: 'there is no partition Z' });
    expect(checkRule({ kind: 'waiting', ctx: 'Z', call: 'recv' }, c)).toMatchObject({ ok: false, why: 'there is no partition Z' });
  });
});

describe('mapped', () => {
  it('an area is mapped where it was made and, once freed, nowhere', () => {
    const made = play(['@A a = area(4096)']);
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'a', mapped: true }, made)).toMatchObject({ ok: true, says: 'A has mapping at a' });
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'a', mapped: false }, made)).toMatchObject({ ok: false, says: 'A has no mapping at a', why: expect.stringMatching(/^A still maps frames \d+ at 0x100000$/) });
    const freed = play(['@A free(a)'], made.shell);
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'a', mapped: false }, freed).ok).toBe(true);
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'a', mapped: true }, freed)).toMatchObject({ ok: false, why: 'nothing is mapped at 0x100000 in A', highlight: { view: 'memory', frames: [], ctx: 'A' } });
  });

  it('reads the address from a record field: the receiver maps the message, the sender no longer does', () => {
    const c = play([...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")', '@B r = recv(chb)']);
    expect(checkRule({ kind: 'mapped', ctx: 'B', name: 'r', field: 'addr', mapped: true }, c)).toMatchObject({ ok: true, says: 'B has mapping at r.addr' });
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'a', mapped: false }, c).ok).toBe(true);
  });

  it('a name holding text, or nothing, is not an address', () => {
    const c = play(['x = "hi"']);
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'x', mapped: true }, c)).toMatchObject({ ok: false, why: 'x is not an address yet' });
    expect(checkRule({ kind: 'mapped', ctx: 'A', name: 'nothing', mapped: false }, c)).toMatchObject({ ok: false, why: 'nothing is not an address yet' });
  });
});

describe('count', () => {
  it('compares with ==, >=, <= and >, each met on its own side only', () => {
    const c = play([...CONNECTED]);
    const channels = (op: '==' | '>=' | '<=' | '>', value: number) => checkRule({ kind: 'count', what: 'channels', op, value }, c).ok;
    expect([channels('==', 1), channels('==', 0), channels('==', 2)]).toEqual([true, false, false]);
    expect([channels('>=', 0), channels('>=', 1), channels('>=', 2)]).toEqual([true, true, false]);
    expect([channels('<=', 0), channels('<=', 1), channels('<=', 2)]).toEqual([false, true, true]);
    expect([channels('>', 0), channels('>', 1), channels('>', 2)]).toEqual([true, false, false]);
    expect(checkRule({ kind: 'count', what: 'channels', op: '>', value: 1 }, c)).toMatchObject({ ok: false, says: 'message channels > 1', why: 'it is 1', highlight: { view: 'memory' } });
  });

  it('counts messages waiting at a partition and the kernel\'s fds, and shows where', () => {
    const c = play([...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")', 's = socket(AF_LPAR, SOCK_SEQPACKET)']);
    expect(checkRule({ kind: 'count', what: 'queued', ctx: 'B', op: '==', value: 1 }, c)).toMatchObject({ ok: true, says: "messages waiting at B's ports is 1" });
    expect(checkRule({ kind: 'count', what: 'queued', ctx: 'A', op: '>=', value: 1 }, c)).toMatchObject({ ok: false, why: 'it is 0', highlight: { view: 'memory', ctx: 'A' } });
    expect(checkRule({ kind: 'count', what: 'fds', op: '==', value: 2 }, c)).toMatchObject({ ok: false, why: 'it is 1', highlight: { view: 'sockets' } });
    // a misspelt partition is not one with nothing: "== 0" of a partition that does not exist fails (issue 18)
    expect(checkRule({ kind: 'count', what: 'framesOf', ctx: 'Z', op: '==', value: 0 }, c)).toMatchObject({ ok: false, why: 'there is no partition Z' });
    expect(checkRule({ kind: 'count', what: 'queued', ctx: 'Z', op: '<=', value: 0 }, c)).toMatchObject({ ok: false, why: 'there is no partition Z' });
    expect(checkRule({ kind: 'count', what: 'accepted', ctx: 'Z', op: '==', value: 0 }, c)).toMatchObject({ ok: false, why: 'there is no partition Z' });
  });

  it('counts accepted and listening sockets, and the areas mapped in a partition, whatever they are called', () => {
    const c = play(['srv = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(srv, 12)', 'listen(srv)', '@A x = connect(12)', 'conn = accept(srv)', '@B m = area(100)', '@B s = share(A, 4096)']);
    expect(checkRule({ kind: 'count', what: 'accepted', op: '==', value: 1 }, c)).toMatchObject({ ok: true, says: 'accepted communication sockets is 1' });
    expect(checkRule({ kind: 'count', what: 'accepted', ctx: 'A', op: '==', value: 1 }, c).ok).toBe(true);
    expect(checkRule({ kind: 'count', what: 'accepted', ctx: 'B', op: '>=', value: 1 }, c)).toMatchObject({ ok: false, why: 'it is 0', highlight: { view: 'sockets' } });
    expect(checkRule({ kind: 'count', what: 'listening', op: '==', value: 1 }, c).ok).toBe(true);
    expect(checkRule({ kind: 'count', what: 'areas', ctx: 'B', op: '==', value: 1 }, c).ok).toBe(true);
    expect(checkRule({ kind: 'count', what: 'areas', ctx: 'A', op: '==', value: 0 }, c).ok).toBe(true);
    // a share waits for A's permit: mapped in B only so far
    expect(checkRule({ kind: 'count', what: 'shared', ctx: 'A', op: '>=', value: 1 }, c).ok).toBe(false);
    expect(checkRule({ kind: 'count', what: 'areas', op: '==', value: 0 }, c)).toMatchObject({ ok: false, why: 'the check names no partition' });
  });
});

describe('rules that read the machine, not the names', () => {
  const SERVED = ['sock = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(sock, 7)', 'listen(sock)', 'conn = accept(sock)', '@A c = connect(7)'];

  it('a read that made a virtual file is seen as a record with vfile, whatever it is bound to', () => {
    const c = play([...SERVED, '@A a = area(64)', '@A send(c, a, "x")', 'msg = read(conn)']);
    expect(checkRule({ kind: 'answer', ctx: 'scp', call: 'read', field: 'vfile' }, c)).toMatchObject({ ok: true, says: 'read in scp got a record with vfile' });
    expect(checkRule({ kind: 'answer', ctx: 'scp', call: 'read', field: 'addr' }, c).ok).toBe(false);
    expect(checkRule({ kind: 'answer', ctx: 'scp', call: 'open', field: 'vfile' }, c).ok).toBe(false);
  });

  it('the call of a line is read past a name and a context', () => {
    expect(callOfLine('@A  x = connect(7)')).toBe('connect');
    expect(callOfLine('read(fd)')).toBe('read');
    expect(callOfLine('lpars')).toBe('lpars');
    expect(callOfLine('x == 1')).toBe('x');
    expect(callOfLine('  ')).toBeNull();
  });

  it('a refusal by the program\'s deny is told apart from one by a wrong service number', () => {
    const rule: Rule = { kind: 'tag', tag: 'lab:permit', event: 'channel.refuse', ctx: 'B' };
    const wrong = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@B connect(99)']);
    expect(checkRule({ kind: 'answer', ctx: 'B', errno: 'ECONNREFUSED' }, wrong).ok).toBe(true);
    expect(checkRule(rule, wrong)).toMatchObject({ ok: false, why: 'no lab:permit event with B yet' });
    const denied = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'deny(s, B)', '@B connect(7)']);
    expect(checkRule(rule, denied)).toMatchObject({ ok: true, says: 'the machine has done lab:permit (channel.refuse) with B' });
    expect(checkRule({ ...rule, ctx: 'A' }, denied).ok).toBe(false);
    // B waiting in the backlog when the deny comes is refused by it too
    const late = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@B connect(7)', 'deny(s, B)']);
    expect(checkRule(rule, late).ok).toBe(true);
    expect(checkRule({ kind: 'answer', ctx: 'B', errno: 'ECONNREFUSED' }, late).ok).toBe(true);
  });

  it('tag counts events, and can ask for them after another kind of event', () => {
    const c = play([...EVENTS, '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)']);
    expect(checkRule({ kind: 'tag', tag: '[0063]', event: 'event.merge', times: 2 }, c).ok).toBe(true);
    expect(checkRule({ kind: 'tag', tag: '[0063]', event: 'event.merge', times: 3 }, c)).toMatchObject({ ok: false, says: 'the machine has done [0063] (event.merge) 3 times', why: 'only 2 so far' });
    expect(checkRule({ kind: 'tag', tag: '[0063]', event: 'event.connect', after: 'event.merge' }, c).ok).toBe(false);
    expect(checkRule({ kind: 'tag', tag: '[0063]', event: 'event.merge', after: 'event.connect' }, c).ok).toBe(true);
  });

  it('pending without a name looks at the partition\'s own receive ports', () => {
    const c = play([...EVENTS, '@A event_send(sp)']);
    expect(checkRule({ kind: 'pending', ctx: 'B', pending: true }, c)).toMatchObject({ ok: true, says: 'an event is pending at a receive port of B' });
    expect(checkRule({ kind: 'pending', ctx: 'B', pending: false }, c)).toMatchObject({ ok: false, why: '1 bit is still set' });
    const polled = play(['@B event_poll(rp)'], c.shell);
    expect(checkRule({ kind: 'pending', ctx: 'B', pending: false }, polled).ok).toBe(true);
    expect(checkRule({ kind: 'pending', ctx: 'A', pending: true }, polled)).toMatchObject({ ok: false, why: 'A has no event receive port' });
    expect(checkRule({ kind: 'pending', ctx: 'Z', pending: false }, polled)).toMatchObject({ ok: false, why: 'there is no partition Z' });
  });

  it('selected names the guest at the other end of the socket select answered with', () => {
    const lines = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@B q = connect(7)', '@A p = connect(7)', 'x = accept(s)', 'y = accept(s)', 'select([x, y])', '@B b = area(64)', '@B send(q, b, "hi")'];
    const c = play(lines);
    expect(checkRule({ kind: 'selected', ctx: 'B' }, c)).toMatchObject({ ok: true, says: 'select answered with the socket to B' });
    expect(checkRule({ kind: 'selected', ctx: 'A' }, c)).toMatchObject({ ok: false, why: 'no select has named the socket to A yet' });
  });

  it('a narration asks for a name only as a word of its own', () => {
    expect(asksFor('type lpars to list them', 'lpars')).toBe(true);
    expect(asksFor('call the port rp.', 'rp')).toBe(true);
    expect(asksFor('a sharp point', 'rp')).toBe(false);
    expect(asksFor('compare(bytes) prints', 'compare(')).toBe(true);
  });

  it('says which rules read a name the student typed', () => {
    expect(namesOf({ kind: 'bound', name: 'fd' })).toEqual(['fd']);
    expect(namesOf({ kind: 'pending', ctx: 'B', pending: true })).toEqual([]);
    expect(namesOf({ kind: 'typed', start: 'lpars', says: 'x' })).toEqual(['lpars']);
    expect(namesOf({ kind: 'count', what: 'accepted', op: '>=', value: 1 })).toEqual([]);
  });
});

describe('status', () => {
  it('a partition made and ended; one never made is named as missing', () => {
    const c = play(['lpar_create("C", 32, 2)', 'lpar_end(C)']);
    expect(checkRule({ kind: 'status', ctx: 'C', status: 'ended' }, c)).toMatchObject({ ok: true, says: 'C is ended' });
    expect(checkRule({ kind: 'status', ctx: 'C', status: 'active' }, c)).toMatchObject({ ok: false, why: 'C is ended' });
    expect(checkRule({ kind: 'status', ctx: 'D', status: 'active' }, c)).toMatchObject({ ok: false, why: 'there is no partition D' });
  });
});

describe('resource', () => {
  it("a named guest's limit: met by the number, not by a partition that has ended or never was", () => {
    const c = play(['limit(A, mem, 16)', 'lpar_create("C", 32, 2)', 'lpar_end(C)']);
    expect(checkRule({ kind: 'resource', ctx: 'A', resource: 'mem', of: 'limit', op: '==', value: 16 }, c)).toMatchObject({ ok: true, says: "A's mem limit is 16" });
    expect(checkRule({ kind: 'resource', ctx: 'A', resource: 'mem', of: 'limit', op: '<=', value: 15 }, c)).toMatchObject({ ok: false, why: 'it is 16', highlight: { view: 'layers', ctx: 'A' } });
    expect(checkRule({ kind: 'resource', ctx: 'C', resource: 'mem', of: 'limit', op: '>=', value: 0 }, c)).toMatchObject({ ok: false, why: 'C is not an active partition' });
    expect(checkRule({ kind: 'resource', ctx: 'D', resource: 'mem', of: 'limit', op: '>=', value: 0 }, c)).toMatchObject({ ok: false, why: 'D is not an active partition' });
  });

  it('an unlimited limit is no number: it meets no comparison and is reported as unlimited', () => {
    const c = play(['limit(A, mem, unlimited)', 'limit(B, mem, unlimited)']);
    expect(checkRule({ kind: 'resource', ctx: 'A', resource: 'mem', of: 'limit', op: '>=', value: 0 }, c)).toMatchObject({ ok: false, why: 'it is unlimited' });
    expect(checkRule({ kind: 'resource', resource: 'mem', of: 'limit', op: '>=', value: 0 }, c)).toMatchObject({ ok: false, says: "a guest's mem limit >= 0", why: 'no guest has it (A: unlimited, B: unlimited)' });
  });

  it('without a name, any active guest will do', () => {
    const c = play(['limit(B, mem, 12)']);
    expect(checkRule({ kind: 'resource', resource: 'mem', of: 'limit', op: '==', value: 12 }, c).ok).toBe(true);
    expect(checkRule({ kind: 'resource', resource: 'mem', of: 'limit', op: '==', value: 13 }, c).ok).toBe(false);
  });
});

describe('tag', () => {
  it('is met by an event since the step began, not by one before it', () => {
    const sent = play([...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")']);
    expect(checkRule({ kind: 'tag', tag: 'S107', event: 'area.flip' }, sent)).toMatchObject({ ok: true, says: 'the machine has done S107 (area.flip)' });
    const later = play(['@B frames_free()'], sent.shell);
    expect(checkRule({ kind: 'tag', tag: 'S107' }, later)).toMatchObject({ ok: false, says: 'the machine has done S107', why: 'no S107 event yet', highlight: { view: 'sequence' } });
  });
});

describe('answer', () => {
  it('an errno printed at once, from any call or from the named context only', () => {
    const c = play(['@A peek(0x5000, 4)']);
    expect(checkRule({ kind: 'answer', errno: 'EFAULT' }, c)).toMatchObject({ ok: true, says: 'a call got EFAULT' });
    expect(checkRule({ kind: 'answer', ctx: 'A', errno: 'EFAULT' }, c)).toMatchObject({ ok: true, says: 'A got EFAULT' });
    expect(checkRule({ kind: 'answer', ctx: 'B', errno: 'EFAULT' }, c)).toMatchObject({ ok: false, why: 'not seen in the terminal yet' });
    expect(checkRule({ kind: 'answer', errno: 'EINVAL' }, c).ok).toBe(false);
  });

  it('an errno a suspended call completes with later counts too', () => {
    const c = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@B connect(7)', 'deny(s, B)']);
    expect(c.outputs.some((o) => o.kind === 'complete' && !o.result.ok)).toBe(true);
    expect(checkRule({ kind: 'answer', ctx: 'B', errno: 'ECONNREFUSED' }, c)).toMatchObject({ ok: true, says: 'B got ECONNREFUSED' });
    expect(checkRule({ kind: 'answer', ctx: 'B', errno: 'EINTR' }, c).ok).toBe(false);
  });

  it('a value printed, or a value a completed call returned, by its whole text or a part of it', () => {
    const c = play([...CONNECTED, '@A a = area(4096)', '@A poke(a, "hello")', '@A peek(a, 5)']);
    expect(checkRule({ kind: 'answer', value: '"hello"' }, c).ok).toBe(true);
    expect(checkRule({ kind: 'answer', text: 'ell' }, c)).toMatchObject({ ok: true, says: 'a call got something with "ell"' });
    expect(checkRule({ kind: 'answer', value: '"hell"' }, c)).toMatchObject({ ok: false, says: 'a call got = "hell"' });
    // A's connect returned channel 3 when B permitted: a completion (A's own lines printed 0x100000, 5 and "hello")
    expect(c.outputs.filter((o) => o.ctx === 'A').map((o) => o.kind)).toEqual(['blocked', 'complete', 'result', 'result', 'result']);
    expect(checkRule({ kind: 'answer', ctx: 'A', value: '3' }, c)).toMatchObject({ ok: true, says: 'A got = 3' });
    expect(checkRule({ kind: 'answer', ctx: 'A', value: '4' }, c).ok).toBe(false);
  });
});

describe('typed', () => {
  it('is met by a line starting so, after any @context, and not before it is typed', () => {
    const rule: Rule = { kind: 'typed', start: 'lpars', says: 'you listed the partitions' };
    expect(checkRule(rule, play(['@A lpars']))).toMatchObject({ ok: true, says: 'you listed the partitions' });
    expect(checkRule(rule, play(['ps']))).toMatchObject({ ok: false, says: 'you listed the partitions', why: 'not typed yet', highlight: { view: 'terminal' } });
  });
});

describe('pending', () => {
  it('the bit is clear before an event, set after one, and the failure says which', () => {
    const connected = play(EVENTS);
    expect(checkRule({ kind: 'pending', ctx: 'B', name: 'rp', pending: false }, connected)).toMatchObject({ ok: true, says: "B's port rp has no event pending" });
    expect(checkRule({ kind: 'pending', ctx: 'B', name: 'rp', pending: true }, connected)).toMatchObject({ ok: false, why: 'the bit is clear' });
    const sent = play(['@A event_send(sp)'], connected.shell);
    expect(checkRule({ kind: 'pending', ctx: 'B', name: 'rp', pending: true }, sent)).toMatchObject({ ok: true, says: "B's port rp has event pending" });
    expect(checkRule({ kind: 'pending', ctx: 'B', name: 'rp', pending: false }, sent)).toMatchObject({ ok: false, why: 'the bit is set', highlight: { view: 'memory', ctx: 'B' } });
  });

  it('a send port, an unbound name or a missing partition is no event receive port', () => {
    const c = play(EVENTS);
    const why = (ctx: string, name: string) => checkRule({ kind: 'pending', ctx, name, pending: false }, c).why;
    expect(why('A', 'sp')).toBe('sp is not an event receive port of A');
    expect(why('B', 'nope')).toBe('nope is not an event receive port of B');
    expect(why('Z', 'rp')).toBe('rp is not an event receive port of Z');
  });
});

describe('owner', () => {
  it('a free frame is met by "free" and named as free otherwise', () => {
    const c = play([]);
    const free = c.shell.timeline.current.frames.count - 1;
    expect(checkRule({ kind: 'owner', frame: free, ctx: 'free' }, c)).toMatchObject({ ok: true, says: `frame ${free} is free` });
    expect(checkRule({ kind: 'owner', frame: free, ctx: 'A' }, c)).toMatchObject({ ok: false, says: `frame ${free} is owned by A`, why: 'it is free', highlight: { view: 'memory', frames: [free] } });
  });
});

describe('fd', () => {
  it('open after socket, closed after close, and the failure says what the fd is', () => {
    const open = play(['s = socket(AF_LPAR, SOCK_SEQPACKET)']);
    const fd = Number(Object.keys(open.shell.timeline.current.kernel.fds)[0]);
    expect(checkRule({ kind: 'fd', fd, open: false }, open)).toMatchObject({ ok: false, says: `fd ${fd} is closed`, why: `fd ${fd} is an open socket`, highlight: { view: 'sockets' } });
    const closed = play(['close(s)'], open.shell);
    expect(checkRule({ kind: 'fd', fd, open: false }, closed)).toMatchObject({ ok: true, says: `fd ${fd} is closed` });
  });
});

describe('a rule no lesson file can name', () => {
  it('is a broken invariant, not a silent pass', () => {
    expect(() => checkRule({ kind: 'eval' } as unknown as Rule, play([]))).toThrow(/invariant/);
  });
});
