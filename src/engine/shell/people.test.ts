import { describe, expect, it } from 'vitest';
import { createShell, runLine } from './shell.js';
import type { Output, ShellState } from './shell.js';
import { formatOutput } from './format.js';
import { runWords } from './people.js';
import { CALLS } from './calls.js';
import { PEOPLE_TABLE } from './commands.js';

/** Type the lines one after another; what the last one printed, and the shell after it. */
function typeLines(lines: readonly string[], shell: ShellState = createShell()) {
  let out: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    out = ran.out;
  }
  return { shell, printed: out.flatMap(formatOutput), out };
}

/** A guest A connected to service 7 of the program, which accepted it as fd 4. */
const CONNECTED = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)'];

describe('the words a command for people takes', () => {
  it('refuses extra words and a missing one, and the machine stays as it was', () => {
    const { shell } = typeLines(['@A a = area(4096)']);
    const cases: Array<[string, string]> = [
      ['lpars now', 'lpars takes no words (usage: lpars); nothing was done, remove: now'],
      ['seed 1 2', 'seed takes at most one word (usage: seed <n>); nothing was done, remove: 2'],
      ['seed', 'seed needs a word (usage: seed <n>)'],
      ['seed -1', 'seed takes a whole number from 0 to 4294967295, in digits'],
      ['seed 4294967296', 'seed takes a whole number from 0 to 4294967295, in digits'],
      ['seed 1.5', 'seed takes a whole number from 0 to 4294967295, in digits'],
      // issue 18: Number() read these as 1000, 3, 16 and 5
      ['seed 1e3', 'seed takes a whole number from 0 to 4294967295, in digits'],
      ['seed 0b11', 'seed takes a whole number from 0 to 4294967295, in digits'],
      ['log 1e3', 'log takes a count from 1 to 1000, in digits'],
      ['log 0o20', 'log takes a count from 1 to 1000, in digits'],
      ['log +5', 'log takes a count from 1 to 1000, in digits'],
      ['log 20.0', 'log takes a count from 1 to 1000, in digits'],
    ];
    for (const [line, message] of cases) {
      const ran = runLine(shell, line);
      expect(ran.out, line).toEqual([expect.objectContaining({ kind: 'error', errno: 'EINVAL', message })]);
      expect(ran.effect, line).toEqual({ kind: 'none' });
      expect(ran.shell.timeline, line).toBe(shell.timeline);
      expect(ran.shell.vars, line).toBe(shell.vars);
    }
    // digits, and hex as the language writes numbers, still count
    expect(runLine(shell, 'log 0x2').out[0]).toMatchObject({ kind: 'text', text: [expect.any(String), expect.any(String)] });
    expect(runLine(shell, 'seed 0x10').out[0]).toMatchObject({ kind: 'text', text: ['the machine starts again with seed 16'] });
  });

  it('log prints the tags as the reader chose to see them, like every view (issue 19 §4)', () => {
    const { shell } = typeLines([...CONNECTED, '@A a = area(4096)', '@A send(ch, a, "hi")']);
    const logged = (tags?: 'patent' | 'steps' | 'none') => {
      const out = runLine(shell, 'log 40', tags ? { tags } : {}).out[0];
      return out?.kind === 'text' ? out.text : [];
    };
    const patent = logged();
    expect(logged('patent')).toEqual(patent);
    // each line: the event's number, its tag in a column of 8, then its words
    const rows = patent.map((l) => /^( *\d+) (.{8}) (.*)$/.exec(l)!);
    expect(rows.every(Boolean)).toBe(true);
    expect(rows.some((r) => /^\[\d{4}\]/.test(r[2]!))).toBe(true);
    expect(rows.some((r) => /^S\d/.test(r[2]!))).toBe(true);
    // the figures' step numbers only: a paragraph's column is left blank
    expect(logged('steps')).toEqual(rows.map((r) => `${r[1]} ${(/^S(\d|-)/.test(r[2]!) ? r[2]! : '').padEnd(8)} ${r[3]}`));
    // none: no column at all
    expect(logged('none')).toEqual(rows.map((r) => `${r[1]} ${r[3]}`));
    // the choice changes only what is printed
    expect(runLine(shell, 'log 40', { tags: 'none' }).shell.timeline).toBe(shell.timeline);
  });

  it('answers a name that is no command for people, from a caller that skips the parser, as unknown', () => {
    const shell = createShell();
    const ran = runWords(shell, 'reboot', [], { line: 1, ctx: 'scp', input: 'reboot' });
    expect(ran.out).toEqual([{ line: 1, ctx: 'scp', input: 'reboot', kind: 'error', errno: 'ENOENT', message: 'unknown command reboot' }]);
    expect(ran.shell).toBe(shell);
  });
});

describe('help', () => {
  it('lists every call and command with its description whole, each description indented under its name', () => {
    for (const ctx of ['scp', '@A']) {
      const printed = typeLines([ctx === 'scp' ? 'help' : '@A help']).printed;
      const body = printed.slice(1, -1).filter((l) => l !== 'Commands for people:');
      expect(body.length % 2).toBe(0);
      for (let i = 0; i < body.length; i += 2) {
        expect(body[i]).toMatch(/^ {2}\S/);
        expect(body[i + 1]).toMatch(/^ {6}\S/);
        expect(body[i + 1]).not.toMatch(/\.\.\.$/);
      }
      const calls = CALLS.filter((c) => c.where === 'any' || c.where === (ctx === 'scp' ? 'scp' : 'guest'));
      for (const c of calls) expect(body).toContain(`      ${c.summary}`);
      for (const c of PEOPLE_TABLE) expect(body).toContain(`      ${c.summary}`);
    }
  });


  it('explains a command for people in one line', () => {
    expect(typeLines(['help lpars']).printed).toEqual(['lpars: the partitions: mode, state, frames, resources used / limit']);
  });

  it('says where a call may be made: anywhere, or only in a guest', () => {
    expect(typeLines(['help frames_of']).printed[0]).toBe('frames_of(partition)    (anywhere; [0051] c))');
    expect(typeLines(['help connect']).printed[0]).toBe('connect(to)    (guests; S101-S104, S305)');
    // freeing an area never sent is the lab's; S109 is the receiver discarding a received one
    expect(typeLines(['help free']).printed[0]).toBe('free(area)    (guests; S109 for a received area; lab (lab:free) for one never sent)');
    expect(typeLines(['help socket']).printed[0]).toBe('socket(domain, type, [flags])    (system control program; S201, S301, Figs. 7 and 10)');
  });
});

describe('map', () => {
  it('suggests the partition whose name differs only in case', () => {
    expect(typeLines(['map b']).printed).toEqual(['= -1 ENOENT: there is no partition b; did you mean B?']);
    expect(typeLines(['map zz']).printed).toEqual(['= -1 ENOENT: there is no partition zz']);
  });

  it("shows an area another partition owns and shares in, with its owner's name", () => {
    const { printed } = typeLines(['@A sh = share(B, 4096)', '@B sig = signal()', '@B x = permit(sig)', 'map B']);
    expect(printed).toEqual([
      "B's logical address space:",
      '  0x0-0x1ffff  its memory: 32 pages -> frames 64..95',
      // which free frame the area got is the seed's choice
      expect.stringMatching(/^ {2}0x100000-0x100fff {2}shared area 1 \(4096 bytes\) -> frames \d+ \(owned by A\)$/),
    ]);
  });

  it('says an ended partition has no address space left', () => {
    expect(typeLines(['lpar_create("C", 4, 1)', 'lpar_end(C)', 'map C']).printed).toEqual(['C has ended: its address space is gone']);
  });
});

describe('lesson', () => {
  it('suggests the lesson a typo was meant to be', () => {
    const { printed, out } = typeLines(['lesson flipp']);
    expect(printed).toEqual(['= -1 ENOENT: there is no lesson flipp; did you mean flip? (lesson lists them)']);
    expect(out[0]!.kind).toBe('error');
  });
});

describe('the tables of the machine', () => {
  it('channels: the messages waiting at each end, and an end already closed', () => {
    const { printed } = typeLines([
      ...CONNECTED, '@A a = area(100)', '@A send(ch, a, "one")', '@A b = area(100)', '@A send(ch, b, "two")',
      '@A ab = connect(B)', '@B sig = signal()', '@B c = permit(sig)', '@A x = area(10)', '@A send(ab, x, "hi")', '@A close(ab)',
      'channels',
    ]);
    expect(printed).toEqual([
      'channel 1: A port 3 <-> scp port 3 [2 waiting]',
      'channel 2: A (closed) <-> B port 3 [1 waiting]',
    ]);
  });

  it('fds: direct-map sockets, the guests a socket denies, and open files', () => {
    const mapped = typeLines(['m = socket(AF_LPAR, SOCK_SEQPACKET, MSG_MAP)', 'bind(m, 9)', 'listen(m)', 'deny(m, A)', '@B ch = connect(9)', 'fd = accept(m)', 'fds']);
    expect(mapped.printed).toEqual([
      'fd  what',
      '0-2 standard streams',
      '3   connection socket, direct-map mode, service 9, listening, denies A',
      '4   communication socket with B (service 9, direct-map mode)',
    ]);
    const files = typeLines([...CONNECTED, '@A a = area(100)', '@A send(ch, a, "q")', 'r = read(fd)', 'v = open(r.vfile)', 'fds']);
    expect(files.printed.at(-1)).toBe('5   open file /msg/A.1 at offset 0');
  });

  it('ps: the call a context waits in, with the fd or the fds it waits on', () => {
    const accepting = typeLines(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', 'ps']);
    expect(accepting.printed[0]).toBe('scp   system control program  suspended in accept(3)');
    const selecting = typeLines([...CONNECTED, 'select([fd, s])', 'ps']);
    expect(selecting.printed[0]).toBe('scp   system control program  suspended in select([4, 3])');
    const ended = typeLines(['lpar_create("C", 4, 1)', 'lpar_end(C)', 'ps']);
    expect(ended.printed).toContain('C     guest OS                ended');
  });

  it('ps: who holds each processing unit once the scheduler has run', () => {
    expect(typeLines(['ps']).printed.at(-1)).toBe('no time slice has run yet (tick() runs the scheduler)');
    expect(typeLines(['tick()', 'ps']).printed.at(-1)).toMatch(/^running now: main unit 0: scp lp1; .*A lp\d+/);
  });

  it('frames: a machine too large for the grid gets the counts only', () => {
    const { printed } = typeLines(['frames'], createShell({ frames: 8192 }));
    expect(printed).toEqual(['8192 frames of 4096 bytes: control 16, scp 16, A 32, B 32, free 8096']);
  });
});
