// Reading and writing through the kernel (io.ts) beyond its refusals (those
// are in src/i18n/refusalWords.test.ts): what a read and a write of a virtual
// file leave behind (S-B), what mapping a message costs (S308(b), [0093]), the
// names the kernel gives files, and what wakes a read at end of file.

import { describe, expect, it } from 'vitest';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { formatOutput } from '../shell/format.js';
import { eventsOf } from '../timeline/timeline.js';

/** Run lines; the lines each printed, and the events of the last command recorded. */
function typed(lines: readonly string[]): { shell: ShellState; printed: string[][]; events: () => { tag: string; kind: string; cost: number }[]; says: () => unknown[][] } {
  let shell = createShell();
  const printed: string[][] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    printed.push(ran.out.flatMap(formatOutput));
  }
  const last = eventsOf(shell.timeline, shell.timeline.cursor - 1);
  return { shell, printed, events: () => last.map((e) => ({ tag: e.tag, kind: e.kind, cost: e.cost })), says: () => last.map((e) => [e.tag, ...e.say]) };
}

const last = (printed: string[][]) => printed[printed.length - 1];

/** B sends a 10000-byte area (3 pages) on a direct-map socket, fd 4; a page table entry costs 7. */
const MAP3 = [
  'cost(pteUpdate, 7)', 'm = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', '@B ch = connect(9)', 'fd = accept(m)',
  '@B a = area(10000)', '@B send(ch, a, "q")',
];
/** A sends a 64-byte area holding "hello", two NULs, "cd" and two NULs; the program reads it as the file q.vfile. */
const FILE = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A c = connect(7)', 'f = accept(s)',
  '@A x = area(64)', '@A poke(x, "hello\\0\\0cd\\0\\0")', '@A send(c, x, "")', 'q = read(f)',
];

describe('a message mapped into the program costs one page table entry per page', () => {
  it('when read (S308(b)): 3 pages at 7 cycles', () => {
    const { printed, events } = typed([...MAP3, 'r = read(fd)']);
    expect(last(printed)).toEqual(['= {addr: 0x100000, size: 10000, short: "q"}']);
    expect(events().find((e) => e.kind === 'area.map')).toEqual({ tag: 'S308(b)', kind: 'area.map', cost: 21 });
  });

  it('when the program starts one with msg_new ([0093]): 3 pages at 7 cycles', () => {
    const { printed, events } = typed([...MAP3, 'r = read(fd)', 'n = msg_new(fd, 9000)']);
    expect(last(printed)).toEqual(['= {addr: 0x103000}']);
    expect(events().find((e) => e.kind === 'area.map')).toEqual({ tag: '[0093]', kind: 'area.map', cost: 21 });
  });

  it('is a message area, like a received one', () => {
    const { shell } = typed([...MAP3, 'r = read(fd)', 'n = msg_new(fd, 9000)']);
    expect(Object.values(shell.timeline.current.areas).map((a) => [a.size, a.kind])).toEqual([[10000, 'message'], [9000, 'message']]);
  });
});

describe('discarding a message (S-D)', () => {
  it('by address, in direct-map mode: the mapping goes, and the trace names the address', () => {
    const { printed } = typed([...MAP3, 'r = read(fd)', 'unlink(r.addr)', 'peek(r.addr, 1)']);
    expect(printed.slice(-2)).toEqual([['= 0'], ['= -1 EFAULT: scp has nothing mapped at 0x100000: the page is not in its address space, so the touch faults [0070]']]);
    const { says: unlinked } = typed([...MAP3, 'r = read(fd)', 'unlink(r.addr)']);
    expect(unlinked()[0]).toEqual(['S-D', 'sys.call', 'unlink(0x100000)']);
    expect(unlinked().find((s) => s[1] === 'kernel.discard')?.[2]).toBeNull();
  });

  it('by name, in virtual-file mode: the trace names the file', () => {
    const { printed, says } = typed([...FILE, 'unlink(q.vfile)']);
    expect(last(printed)).toEqual(['= 0']);
    expect(says()[0]).toEqual(['S-D', 'sys.call', 'unlink("/msg/A.1")']);
    expect(says().find((s) => s[1] === 'kernel.discard')?.[2]).toBe('/msg/A.1');
  });
});

describe('a virtual file (S-B)', () => {
  it('is read with a count or without one, and the call in the trace says which', () => {
    const { says } = typed([...FILE, 'v = open(q.vfile)', 'read(v)']);
    expect(says()[0]).toEqual(['S310(a)', 'sys.call', 'read(5)']);
    const { says: counted } = typed([...FILE, 'v = open(q.vfile)', 'read(v, 16)']);
    expect(counted()[0]).toEqual(['S310(a)', 'sys.call', 'read(5, 16)']);
  });

  it('reads its bytes up to the last one written: the NULs at the end are not text, those inside are', () => {
    const { printed } = typed([...FILE, 'v = open(q.vfile)', 'read(v)']);
    expect(last(printed)).toEqual(['= "hello\\u0000\\u0000cd"']);
  });

  it('is written where the fd is, over what was there, and the fd moves on past what it wrote', () => {
    const { printed } = typed([...FILE, 'w = open(q.vfile)', 'read(w, 1)', 'write(w, "E")', 'write(w, "L")', 'v = open(q.vfile)', 'read(v, 5)', 'read(w, 2)']);
    // w was at 1, wrote 2 bytes: it reads on from 3
    expect(printed.slice(-3)).toEqual([['= 6'], ['= "hELlo"'], ['= "lo"']]);
  });

  it('is named for the guest and numbered on: a read, a msg_new, a read', () => {
    const { printed } = typed([...FILE, 'k = msg_new(f, 5)', '@A y = area(64)', '@A send(c, y, "")', 'read(f)']);
    expect(printed[FILE.length - 1]).toEqual(['= {vfile: "/msg/A.1", short: ""}']);
    expect(printed[FILE.length]).toEqual(['= {vfile: "/msg/A.2"}']);
    expect(last(printed)).toEqual(['= {vfile: "/msg/A.3", short: ""}']);
  });
});

describe('end of file', () => {
  it('wakes a read waiting on the socket when the guest closes its end: it returns 0, and the trace says why (lab:eof)', () => {
    const { printed, events } = typed([...FILE, 'read(f)', '@A close(c)']);
    expect(last(printed)).toEqual(['= 0', '[scp] read(f) completes: = 0']);
    expect(events().filter((e) => e.tag === 'lab:eof').map((e) => e.kind)).toEqual(['call.wake', 'sys.return']);
  });

  it('is there at once for a read after the close: no wake, just the return', () => {
    const { printed, events } = typed([...FILE, '@A close(c)', 'read(f)']);
    expect(last(printed)).toEqual(['= 0']);
    expect(events().filter((e) => e.tag === 'lab:eof').map((e) => e.kind)).toEqual(['sys.return']);
  });
});
