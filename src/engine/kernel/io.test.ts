// Reading and writing through the kernel (io.ts) beyond its refusals (those
// are in src/i18n/refusalWords.test.ts): what a read and a write of a virtual
// file leave behind (S-B), what mapping a message costs (S308(b), [0093]), the
// names the kernel gives files, and what wakes a read at end of file.

import { describe, expect, it } from 'vitest';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { formatOutput } from '../shell/format.js';

/** Run lines; the lines each printed, and the events of the last command recorded. */
function typed(lines: readonly string[]): { shell: ShellState; printed: string[][]; events: () => { tag: string; kind: string; cost: number }[] } {
  let shell = createShell();
  const printed: string[][] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    printed.push(ran.out.flatMap(formatOutput));
  }
  const last = shell.timeline.entries[shell.timeline.cursor - 1]!;
  return { shell, printed, events: () => last.step.events.map((e) => ({ tag: e.tag, kind: e.kind, cost: e.cost })) };
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
});

describe('a virtual file (S-B)', () => {
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
