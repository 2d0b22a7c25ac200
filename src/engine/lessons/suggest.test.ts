// The builder offers checks from what the machine just did: after the flip,
// the frame's new owner and S107; after a socket, its fd. Every offer holds.

import { describe, expect, it } from 'vitest';
import type { Output, ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { checkRule } from './checkRule.js';
import { suggestChecks } from './suggest.js';

function play(shell: ShellState, lines: readonly string[]): { shell: ShellState; outputs: Output[] } {
  const outputs: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return { shell, outputs };
}

describe('checks offered from what the machine just did', () => {
  it('after the flip: S107, the frame owned by B, the address no longer mapped in A', () => {
    const before = play(createShell(), ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)']).shell;
    const after = play(before, ['@A send(ch, a, "hi")']);
    const offers = suggestChecks(before, after.shell, after.outputs);
    const says = offers.map((o) => o.says);
    expect(says).toContain('the machine has done S107 (area.flip)');
    const frame = after.shell.timeline.current.areas[Object.keys(after.shell.timeline.current.areas)[0] as never]!.frames[0];
    expect(says).toContain(`frame ${frame} is owned by B`);
    expect(says).toContain('A has no mapping at a');
    expect(says).not.toContain(`frame ${frame} is owned by A`);
    // every offer holds in the lab it was offered from
    for (const o of offers) expect(checkRule(o.rule, { shell: after.shell, outputs: after.outputs, since: before.timeline.current.seq }).ok).toBe(true);
  });

  it('after making a socket: its fd is open and the name is bound', () => {
    const before = createShell();
    const after = play(before, ['s = socket(AF_LPAR, SOCK_SEQPACKET)']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says).toContain('s holds a value');
    expect(says.some((s) => /^fd \d+ is open$/.test(s))).toBe(true);
  });

  it('a suspended call and an error are offered', () => {
    const before = createShell();
    const after = play(before, ['@A ch = connect(B)', '@A peek(0x5000, 4)']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says).toContain('A is suspended in connect');
  });

  it('a partition made, then ended: its status and the free frames are offered', () => {
    const made = play(createShell(), ['lpar_create("C", 32, 2)']);
    const madeSays = suggestChecks(createShell(), made.shell, made.outputs).map((o) => o.says);
    expect(madeSays).toContain('C is active');
    expect(madeSays).toContain(`free frames is ${made.shell.timeline.current.frames.free}`);
    const ended = play(made.shell, ['lpar_end(C)']);
    const endedSays = suggestChecks(made.shell, ended.shell, ended.outputs).map((o) => o.says);
    expect(endedSays).toContain('C is ended');
    expect(endedSays).not.toContain('C is active');
  });

  it('the system control program suspended in accept, then released by a connect', () => {
    const listening = play(createShell(), ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)']);
    const accepting = play(listening.shell, ['fd = accept(s)']);
    expect(suggestChecks(listening.shell, accepting.shell, accepting.outputs).map((o) => o.says)).toContain('scp is suspended in accept');
    const connected = play(accepting.shell, ['@A ch = connect(7)']);
    const says = suggestChecks(accepting.shell, connected.shell, connected.outputs).map((o) => o.says);
    expect(says).toContain('scp is not suspended in any call');
    expect(says).toContain('message channels is 1');
    const fd = connected.shell.vars.fd as { n: number };
    const closed = play(connected.shell, ['close(fd)']);
    expect(suggestChecks(connected.shell, closed.shell, closed.outputs).map((o) => o.says)).toContain(`fd ${fd.n} is closed`);
  });

  it('a guest released from connect is offered as no longer suspended', () => {
    const waiting = play(createShell(), ['@A ch = connect(B)']);
    const permitted = play(waiting.shell, ['@B sig = signal()', '@B chb = permit(sig)']);
    const says = suggestChecks(waiting.shell, permitted.shell, permitted.outputs).map((o) => o.says);
    expect(says).toContain('A is not suspended in any call');
    expect(says).not.toContain('A is suspended in connect');
  });

  it('a received message: the record with its addr, mapped in the receiver only; a virtual file by its vfile', () => {
    const sent = play(createShell(), ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "hi")']);
    const got = play(sent.shell, ['@B r = recv(chb)']);
    const says = suggestChecks(sent.shell, got.shell, got.outputs).map((o) => o.says);
    expect(says).toEqual(expect.arrayContaining(['r holds a record with addr', 'B has mapping at r.addr']));
    expect(says).not.toContain('A has mapping at r.addr');
    // A gave a up in the step before: this step did not unmap it
    expect(says).not.toContain('A has no mapping at a');

    const queued = play(createShell(), ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A ch = connect(7)', '@A a = area(4096)', '@A send(ch, a, "x")']);
    const read = play(queued.shell, ['r = read(fd)']);
    const readSays = suggestChecks(queued.shell, read.shell, read.outputs).map((o) => o.says);
    expect(readSays).toEqual(expect.arrayContaining(['r holds a record with vfile', 'virtual files under /msg is 1']));
  });

  it('the program giving a mapped message back: the mapping it held at r.addr is offered as gone', () => {
    const read = play(createShell(), [
      'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)',
      '@B a = area(100)', '@B send(ch, a, "query")', 'r = read(fd)',
    ]);
    const back = play(read.shell, ['write(fd, r.addr)']);
    const offers = suggestChecks(read.shell, back.shell, back.outputs);
    expect(offers.map((o) => o.says)).toContain('scp has no mapping at r.addr');
    expect(offers.map((o) => o.rule)).toContainEqual({ kind: 'mapped', ctx: 'scp', name: 'r', field: 'addr', mapped: false });
  });

  it('an address bound after a partition ended is looked for in the live partitions', () => {
    const ended = play(createShell(), ['lpar_create("C", 32, 2)', 'lpar_end(C)']);
    const after = play(ended.shell, ['@B b = area(4096)']);
    const offers = suggestChecks(ended.shell, after.shell, after.outputs);
    expect(offers.map((o) => o.says)).toContain('B has mapping at b');
    expect(offers.filter((o) => o.rule.kind === 'mapped').map((o) => o.says)).toEqual(['B has mapping at b']);
  });

  it('an errno a suspended call completed with, and a command typed, are offered', () => {
    const listening = play(createShell(), ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)']);
    const refused = play(listening.shell, ['@B connect(7)', 'deny(s, B)']);
    expect(suggestChecks(listening.shell, refused.shell, refused.outputs).map((o) => o.says)).toContain('B got ECONNREFUSED');
    const looked = play(createShell(), ['  lpars', '@A   ps']);
    const offers = suggestChecks(createShell(), looked.shell, looked.outputs);
    expect(offers.map((o) => o.says)).toEqual(['you typed lpars', 'you typed ps']);
    // no sentence of the teacher's: the check is said in each reader's language (issue 23)
    expect(offers.map((o) => o.rule)).toEqual([{ kind: 'typed', start: 'lpars' }, { kind: 'typed', start: 'ps' }]);
    expect(offers.map((o) => o.saysWords)).toEqual([{ id: 'lesson.rule.typed', values: { start: 'lpars' } }, { id: 'lesson.rule.typed', values: { start: 'ps' } }]);
    for (const o of offers) expect(checkRule(o.rule, { shell: looked.shell, outputs: looked.outputs, since: 0 }).ok).toBe(true);
  });

  it('a bare "@B " names no command: nothing is offered that any line would meet', () => {
    const switched = play(createShell(), ['@B  ']);
    expect(switched.outputs.map((o) => o.kind)).toEqual(['text']);
    expect(suggestChecks(createShell(), switched.shell, switched.outputs)).toEqual([]);
  });

  it('a long step offers at most 24 checks, the patent steps first, each one holding', () => {
    const before = createShell();
    const after = play(before, [
      'lpar_create("C", 32, 2)', '@C ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@C a = area(8192)', '@C send(ch, a, "last words")', 'lpar_end(C)',
    ]);
    const offers = suggestChecks(before, after.shell, after.outputs);
    expect(offers).toHaveLength(24);
    const kinds = offers.map((o) => o.rule.kind);
    const firstOther = kinds.findIndex((k) => k !== 'tag');
    expect(firstOther).toBeGreaterThan(0);
    expect(kinds.slice(firstOther)).not.toContain('tag');
    expect(new Set(offers.map((o) => o.says)).size).toBe(24);
    for (const o of offers) expect(checkRule(o.rule, { shell: after.shell, outputs: after.outputs, since: 0 }).ok).toBe(true);
  });

  it('offers nothing when nothing happened', () => {
    const shell = createShell();
    expect(suggestChecks(shell, shell, [])).toEqual([]);
  });
});

describe('name-free checks first (issue 20)', () => {
  it('after a read of a virtual file: the machine\'s rules come first, a rule reading a name last, and it says which name', () => {
    const before = play(createShell(), ['sock = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(sock, 7)', 'listen(sock)', 'conn = accept(sock)', '@A c = connect(7)', '@A m = area(64)', '@A send(c, m, "x")']).shell;
    const after = play(before, ['msg = read(conn)']);
    const offers = suggestChecks(before, after.shell, after.outputs);
    const says = offers.map((o) => o.says);
    expect(says).toContain('read in scp got a record with vfile');
    const firstNamed = offers.findIndex((o) => o.names.length > 0);
    expect(firstNamed).toBeGreaterThan(0);
    expect(offers.slice(firstNamed).every((o) => o.names.length > 0)).toBe(true);
    expect(offers.find((o) => o.rule.kind === 'bound')).toMatchObject({ says: 'msg holds a record with vfile', names: ['msg'] });
  });

  it('an address an answer printed comes after the checks that read the machine', () => {
    const before = createShell();
    const after = play(before, ['@A buf = area(4096)']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says.indexOf('area in A got = 0x100000')).toBeGreaterThan(says.indexOf('message areas mapped in A is 1'));
  });

  it('after an accept and a share: counts per partition, whatever the names', () => {
    const before = play(createShell(), ['sock = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(sock, 7)', 'listen(sock)']).shell;
    const after = play(before, ['@A c = connect(7)', 'conn = accept(sock)', '@A sh = share(B, 4096)', '@B s = signal()', '@B bsh = permit(s)', '@A e = event_port()']);
    const says = suggestChecks(before, after.shell, after.outputs).map((o) => o.says);
    expect(says).toContain('accepted communication sockets to A is 1');
    expect(says).toContain('shared areas mapped in A is 1');
    expect(says).toContain('shared areas mapped in B is 1');
  });
});
