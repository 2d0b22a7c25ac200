import { describe, expect, it } from 'vitest';
import { createShell, interrupt, runLine } from './shell.js';
import type { Output, ShellState } from './shell.js';
import { jsonLine, toJsonLine } from './format.js';

function outputsOf(lines: readonly string[]): { shell: ShellState; outputs: Output[] } {
  let shell = createShell();
  const outputs: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    outputs.push(...ran.out);
  }
  return { shell, outputs };
}

describe('lparsh --json: one object per output', () => {
  it('a blocked call, then its completion with the value it returned', () => {
    const { outputs } = outputsOf(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)']);
    const blocked = outputs.find((o) => o.kind === 'blocked')!;
    expect(toJsonLine(blocked)).toEqual({ line: 4, ctx: 'A', blocked: 'connect', input: '@A ch = connect(7)', events: blocked.events });
    expect(blocked.events.length).toBeGreaterThan(0);
    const complete = outputs.find((o) => o.kind === 'complete')!;
    expect(toJsonLine(complete)).toEqual({ line: 5, ctx: 'A', completes: 4, input: 'ch = connect(7)', ok: true, value: 3, events: [] });
  });

  it('an interrupted call completes with its errno', () => {
    const { shell } = outputsOf(['@A ch = connect(B)']);
    const [complete] = interrupt(shell, 'A').out;
    expect(toJsonLine(complete!)).toEqual({ line: 2, ctx: 'A', completes: 1, input: 'ch = connect(B)', ok: false, errno: 'EINTR', message: 'interrupted while waiting in connect', events: [] });
  });

  it("a refused command prints what the machine did: the fault after the flip, a policy denial, a refused connect", () => {
    const { outputs } = outputsOf([
      '@A a = area(4096)', '@A ch = connect(B)', '@B sig = signal()', '@B permit(sig)', '@A send(ch, a, "x")', '@A peek(a, 1)',
      'policy(mem, 0)', '@A request(mem, 20)',
      's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', '@B connect(7)',
    ]);
    const errors = outputs.filter((o) => o.kind === 'error').map((o) => toJsonLine(o));
    expect(errors.map((e) => [e.input, e.errno, e.events])).toEqual([
      // [0070]: A touches the area it gave away; the page fault is an event of the trace
      ['@A peek(a, 1)', 'EFAULT', ['[0070]']],
      ['@A request(mem, 20)', 'ENOMEM', expect.arrayContaining(['[0049]'])],
      // [0111]: nobody permits connections to service 7 yet
      ['@B connect(7)', 'ECONNREFUSED', ['[0111]']],
    ]);
    // a refusal that changed nothing has nothing to show
    const [bad] = outputsOf(['close(42)']).outputs;
    expect(toJsonLine(bad!)).toMatchObject({ ok: false, errno: 'EBADF', events: [] });
  });

  it('a record value as a JSON object, on one line of text', () => {
    const { outputs } = outputsOf(['@A a = area(4096)', '@A compare(4096)']);
    const line = jsonLine(outputs.at(-1)!);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ ok: true, value: { flip: expect.any(Number), copy: expect.any(Number), shared: expect.any(Number) } });
  });
});
