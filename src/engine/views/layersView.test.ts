import { describe, expect, it } from 'vitest';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { RESOURCE_KINDS } from '../types.js';
import { layersView } from './layersView.js';
import { traceOf } from '../timeline/timeline.js';

function typed(lines: readonly string[], shell: ShellState = createShell()) {
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell.timeline.current;
}

function typedWithTrace(lines: readonly string[]) {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return [shell.timeline.current, traceOf(shell.timeline)] as const;
}

const bar = (m: ReturnType<typeof layersView>, name: string, resource: string) =>
  m.partitions.find((p) => p.name === name)!.resources!.find((r) => r.resource === resource)!;

describe('layersView (Fig. 3)', () => {
  it('puts the control OS beneath, the system control OS in problem mode and the guests in supervisor mode above', () => {
    const m = layersView(typed([]));
    expect(m.control).toEqual({ mode: 'hypervisor', frames: 16, channels: 0, partitions: 3 });
    expect(m.partitions.map((p) => [p.pid, p.name, p.title, p.mode, p.status])).toEqual([
      [1, 'scp', 'System control OS', 'problem', 'active'],
      [2, 'A', 'Guest OS', 'supervisor', 'active'],
      [3, 'B', 'Guest OS', 'supervisor', 'active'],
    ]);
    // what runs in each layer of Fig. 3
    expect(m.partitions.map((p) => p.program)).toEqual(['system control program', 'guest applications', 'guest applications']);
  });

  it('shows every resource of [0051] a)-h) as used against a limit, or unlimited', () => {
    const m = layersView(typed([]));
    const a = m.partitions.find((p) => p.name === 'A')!;
    expect(a.resources!.map((r) => `${r.letter}) ${r.resource}`)).toEqual(RESOURCE_KINDS.map((k, i) => `${'abcdefgh'[i]}) ${k}`));
    // the boot program limits A's self-allocated memory and event ports; the rest stays unlimited [0053]
    expect(bar(m, 'A', 'mem')).toMatchObject({ used: 0, limit: 16, fraction: 0, atLimit: false, unit: 'pages' });
    expect(bar(m, 'A', 'cpu')).toMatchObject({ limit: null, fraction: null, atLimit: false });
    expect(m.partitions[0]!.resources!.every((r) => r.limit === null)).toBe(true);
  });

  it('counts what a guest takes within its limit, and marks a full one', () => {
    const m = layersView(typed(['@A a = area(8192)', 'lpar_create("C", 32, 2)', 'limit(C, mem, 2)', '@C c = area(8192)', 'tick(2)']));
    expect(bar(m, 'A', 'mem')).toMatchObject({ used: 2, limit: 16, fraction: 2 / 16 });
    expect(bar(m, 'C', 'mem')).toMatchObject({ used: 2, limit: 2, fraction: 1, atLimit: true });
    // A's two logical processors each ran both slices
    expect(bar(m, 'A', 'cpu').used).toBe(4);
  });

  it('draws a limit of nothing as full: the guest may take none without asking', () => {
    const m = layersView(typed(['limit(A, devices, 0)']));
    expect(bar(m, 'A', 'devices')).toMatchObject({ used: 0, limit: 0, fraction: 1, atLimit: true });
  });

  it('keeps the system control OS first and the guests in partition order, a new one last', () => {
    expect(layersView(typed(['lpar_create("C", 4, 1)'])).partitions.map((p) => p.name)).toEqual(['scp', 'A', 'B', 'C']);
  });

  it('greys out an ended partition: no resources, nothing held', () => {
    const m = layersView(typed(['lpar_create("C", 32, 2)', 'lpar_end(C)']));
    const c = m.partitions.find((p) => p.name === 'C')!;
    expect(c).toMatchObject({ status: 'ended', resources: null, frames: 0, logicalProcessors: 0, wait: null });
  });

  it("tells a partition its own guest ended ([0053]) from one the program ended (the lab's lpar_end)", () => {
    const m = layersView(...typedWithTrace(['lpar_create("C", 32, 2)', 'lpar_end(C)', '@A lpar_end()']));
    const endedBy = (name: string) => m.partitions.find((p) => p.name === name)!.endedBy;
    expect([endedBy('C'), endedBy('A'), endedBy('B')]).toEqual(['program', 'guest', null]);
    // events after an end do not blur who ended it
    const later = layersView(...typedWithTrace(['lpar_create("C", 32, 2)', 'lpar_end(C)', '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)']));
    expect(later.partitions.find((p) => p.name === 'C')!.endedBy).toBe('program');
    expect(later.partitions.find((p) => p.name === 'A')!.endedBy).toBeNull();
    // without the trace the model does not guess
    expect(layersView(typedWithTrace(['@A lpar_end()'])[0]).partitions.find((p) => p.name === 'A')!.endedBy).toBeNull();
  });

  it('says what a partition is waiting in, and for what', () => {
    const m = layersView(typed(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', '@B cb = connect(A)']));
    expect(m.partitions.find((p) => p.name === 'A')!.wait).toMatchObject({ call: 'connect', text: 'connect(7)' });
    expect(m.partitions.find((p) => p.name === 'B')!.wait).toMatchObject({ call: 'connect', text: 'connect(A)', until: 'A permits or denies it [0061]' });
    const scp = layersView(typed(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)'])).partitions[0]!;
    expect(scp.wait).toEqual({ call: 'accept', text: 'accept(3)', until: 'a connection request arrives [0091] (d)' });
    const reading = layersView(typed(['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A ch = connect(7)', 'fd = accept(s)', 'read(fd)'])).partitions[0]!;
    expect(reading.wait).toEqual({ call: 'read', text: 'read(4)', until: 'a message arrives [0098] (c)' });
    expect(layersView(typed(['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@B recv(chb)'])).partitions[2]!.wait?.text).toMatch(/^recv\(port \d+\)$/);
  });

  it('says what wakes each other kind of wait: select, recv, an event port, a shared area, a request to the program', () => {
    const LISTEN = ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', '@A cha = connect(7)', '@B chb = connect(7)', 's0 = accept(s)', 's1 = accept(s)'];
    const waitOf = (m: ReturnType<typeof layersView>, name: string) => m.partitions.find((p) => p.name === name)!.wait;
    expect(waitOf(layersView(typed([...LISTEN, 'select([s0, s1])'])), 'scp'))
      .toEqual({ call: 'select', text: 'select([4, 5])', until: 'a message arrives on one of them [0108]' });
    expect(waitOf(layersView(typed(['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@B recv(chb)'])), 'B'))
      .toMatchObject({ call: 'recv', until: 'a message arrives at the port [0064]' });
    expect(waitOf(layersView(typed(['@B rp = event_port()', '@A sp = event_connect(B, rp)'])), 'A'))
      .toEqual({ call: 'event_connect', text: 'event_connect(B)', until: 'B permits or denies it [0061]' });
    expect(waitOf(layersView(typed(['@A sh = share(B, 4096)'])), 'A'))
      .toEqual({ call: 'share', text: 'share(B)', until: 'B permits or denies it [0061]' });
    // policy(mem, ask): the guest past its limit waits for the program's answer to its message [0080]
    expect(waitOf(layersView(typed([...LISTEN, 'policy(mem, ask)', '@A request(mem, 24)'])), 'A'))
      .toEqual({ call: 'request', text: 'request(mem, 24)', until: 'the system control program grants or refuses it [0049], [0080]' });
  });
});
