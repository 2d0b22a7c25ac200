import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../event.js';
import type { EventKind, LabEvent } from '../event.js';
import type { ShellState } from '../shell/shell.js';
import { createShell, runLine } from '../shell/shell.js';
import { traceOf } from '../timeline/timeline.js';
import { arrowLabel, sequenceView } from './sequenceView.js';
import { narrate } from '../narration.js';
import type { SequenceModel } from './sequenceView.js';

function run(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

function chart(shell: ShellState, limit?: number): { model: SequenceModel; events: LabEvent[] } {
  const t = shell.timeline;
  const events = traceOf(t);
  const model = sequenceView(events, t.current, {
    bootEvents: t.bootEvents.length,
    commandStarts: t.starts.slice(0, t.cursor),
    ...(limit === undefined ? {} : { limit }),
  });
  return { model, events };
}

const FIG6 = [
  '@A', 'ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)',
  'a = area(4096)', 'poke(a, "hello B")', 'send(ch, a, "greeting")',
  '@B r = recv(chb)', '@B peek(r.addr, 7)', '@B free(r.addr)', '@B close(chb)', 'close(ch)',
];

const FIG9 = [
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)',
  '@A ch = connect(7)', '@A a = area(4096)', '@A send(ch, a, "req")',
  'r = read(fd)', 'v = open(r.vfile)', 'write(fd, r.vfile)',
];

/** "from->to label" of the first arrow with `tag`, with lanes by their header text. */
function arrowsTagged(model: SequenceModel, tag: string): string[] {
  return model.arrows
    .filter((a) => a.tag === tag)
    .map((a) => `${model.lanes[a.fromIndex]!.label} -> ${model.lanes[a.toIndex]!.label}: ${a.label}`);
}

describe('sequenceView: Fig. 6, guest to guest over a message channel', () => {
  // built in each test, not at load: code run while a test file loads is "static" to the mutation run,
  // and a chart drawn then would never meet the mutant a test switches on
  const fig6 = () => chart(run(FIG6));

  it('has one arrow per event, in trace order', () => {
    const { model, events } = fig6();
    expect(model.arrows.map((a) => a.seq)).toEqual(events.map((e) => e.seq));
    expect(model.earlier).toBe(0);
    expect(model.total).toBe(events.length);
  });

  it('orders the lanes as Figs. 6 and 8: guests, the control OS, the scp program, its kernel', () => {
    const { model } = fig6();
    expect(model.lanes.map((l) => l.label)).toEqual(['A', 'B', 'control OS', 'scp program', 'scp kernel']);
    expect(model.lanes.map((l) => l.kind)).toEqual(['guest', 'guest', 'control', 'scp', 'kernel']);
    expect(model.lanes.map((l) => l.pid)).toEqual([2, 3, null, 1, null]);
    // the kernel takes no part in Fig. 6, but the chart always has its lane
    expect(model.lanes[4]!.firstSeq).toBeNull();
  });

  it('draws S101 to S112 between the right lanes with short labels', () => {
    const { model } = fig6();
    // A's connect waits for the answer to its own request
    expect(arrowsTagged(model, 'S101')).toEqual(['A -> control OS: request', 'A -> A: wait']);
    expect(arrowsTagged(model, 'S102')).toEqual(['control OS -> B: signal']);
    expect(arrowsTagged(model, 'S103')).toEqual(['B -> control OS: permit', 'control OS -> control OS: make channel']);
    // the client learns of the channel by the S104 event, and its connect returns with it [0074]
    expect(arrowsTagged(model, 'S104')).toEqual(['control OS -> B: event', 'control OS -> A: event', 'control OS -> A: return']);
    expect(arrowsTagged(model, 'S105')).toEqual(['A -> control OS: reserve']);
    expect(arrowsTagged(model, 'S106')).toEqual(['control OS -> A: map']);
    // [0076] the flip: unmap from the sender, frames change owner, map into the receiver
    expect(arrowsTagged(model, 'S107')).toEqual([
      'A -> control OS: send', 'control OS -> A: unmap', 'A -> B: flip', 'control OS -> B: map',
    ]);
    expect(arrowsTagged(model, 'S108')).toEqual(['B -> B: take', 'B -> B: read']);
    expect(arrowsTagged(model, 'S109')).toEqual(['B -> control OS: discard area']);
    expect(arrowsTagged(model, 'S110')).toEqual(['B -> control OS: discard port']);
    expect(arrowsTagged(model, 'S111')).toEqual(['control OS -> A: event (merged)']);
    expect(arrowsTagged(model, 'S112')).toEqual(['A -> control OS: discard port']);
  });

  it('marks self-arrows, boot events and where each command starts', () => {
    const { model, events } = fig6();
    const byTag = (tag: string) => model.arrows.find((a) => a.tag === tag)!;
    expect(byTag('S108').self).toBe(true);
    expect(byTag('S107').self).toBe(false);
    const boot = model.arrows.filter((a) => a.boot);
    expect(boot.length).toBeGreaterThan(0);
    expect(boot.every((a) => a.group === 0)).toBe(true);
    expect(model.arrows.slice(boot.length).some((a) => a.boot)).toBe(false);
    expect(byTag('S101').groupStart).toBe(true);
    expect(byTag('S102').groupStart).toBe(false);
    // the three S107 arrows after the send belong to the send's group
    const send = model.arrows.filter((a) => a.tag === 'S107');
    expect(new Set(send.map((a) => a.group)).size).toBe(1);
    expect(send[0]!.groupStart).toBe(true);
    // each arrow carries the event's own words for the tooltip
    expect(byTag('S101').say).toBe(narrate(events.find((e) => e.tag === 'S101')!.say));
  });
});

describe('sequenceView: Fig. 9, the system control program and its kernel', () => {
  const fig9 = () => chart(run(FIG9)).model;

  it('labels system calls by their name and draws them from the program to its kernel', () => {
    const model = fig9();
    expect(arrowsTagged(model, 'S301')).toEqual(['scp program -> scp kernel: socket()']);
    expect(arrowsTagged(model, 'S201')).toEqual(['scp kernel -> scp program: socket']);
    expect(arrowsTagged(model, 'S302')).toEqual(['scp program -> scp kernel: bind()']);
    expect(arrowsTagged(model, 'S304')).toEqual(['scp program -> scp kernel: accept()']);
    expect(arrowsTagged(model, 'S204(d)')).toEqual(['scp program -> scp program: wait']);
    expect(arrowsTagged(model, 'S204(b)')).toEqual(['scp kernel -> scp kernel: accept']);
    expect(arrowsTagged(model, 'S-A(a)')).toEqual(['scp kernel -> scp kernel: new file']);
    expect(arrowsTagged(model, 'S310(a)')).toEqual(['scp program -> scp kernel: open()']);
  });

  it('draws the flip both ways: A to the kernel (S308(a)) and the scp back to A (S311(a))', () => {
    const model = fig9();
    expect(arrowsTagged(model, 'S308(a)')).toEqual(['A -> scp kernel: flip']);
    expect(arrowsTagged(model, 'S311(a)')).toEqual([
      'scp program -> scp kernel: write()', 'scp program -> A: flip', 'control OS -> A: map',
    ]);
    expect(arrowsTagged(model, 'S-C')).toEqual(['scp kernel -> scp kernel: unlink']);
  });

  it('draws only a window of the latest arrows, keeping every lane', () => {
    const whole = fig9();
    const { model: last } = chart(run(FIG9), 10);
    expect(last.arrows).toHaveLength(10);
    expect(last.earlier).toBe(whole.total - 10);
    expect(last.arrows).toEqual(whole.arrows.slice(-10));
    expect(last.lanes).toEqual(whole.lanes);
    expect(chart(run(FIG9), 0).model.arrows).toHaveLength(0);
  });
});

describe('sequenceView: partitions that come and go', () => {
  // built in each test, not at load (code run at load is "static" to the mutation run)
  const comeAndGo = (): ShellState => run(['lpar_create("C", 32, 2)', '@C ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', 'lpar_end(C)']);

  it('adds a lane for a new guest in pid order, and marks it ended', () => {
    const { model } = chart(comeAndGo());
    expect(model.lanes.map((l) => l.label)).toEqual(['A', 'B', 'C', 'control OS', 'scp program', 'scp kernel']);
    const c = model.lanes[2]!;
    expect(c.ended).toBe(true);
    expect(c.title).toBe('guest OS C (partition 4)');
    const end = model.arrows.find((a) => a.kind === 'lpar.end')!;
    expect(c.endSeq).toBe(end.seq);
    expect(c.firstSeq).toBe(model.arrows.find((a) => a.fromIndex === 2 || a.toIndex === 2)!.seq);
    expect(model.lanes[0]!.ended).toBe(false);
    // only a partition ends [0053]: the control OS and the scp kernel stay, with no end on their lanes
    expect(model.lanes.filter((l) => l.ended).map((l) => l.label)).toEqual(['C']);
    expect(model.lanes.filter((l) => l.endSeq !== null).map((l) => l.label)).toEqual(['C']);
    // the long names a tooltip or a screen reader gives each header
    expect(model.lanes.map((l) => l.title)).toEqual([
      'guest OS A (partition 2)', 'guest OS B (partition 3)', 'guest OS C (partition 4)',
      'control OS (hypervisor)', 'system control program (partition 1)', "the system control OS's kernel",
    ]);
  });

  it('takes names from the state at the moment shown, and copes with an unknown partition', () => {
    const t = comeAndGo().timeline;
    const events = traceOf(t);
    const early = sequenceView(events, t.checkpoints[0]!, { bootEvents: t.bootEvents.length });
    expect(early.lanes.map((l) => l.label)).toEqual(['A', 'B', 'LPAR 4', 'control OS', 'scp program', 'scp kernel']);
  });
});

describe('sequenceView without options', () => {
  it('draws every event, none of them as boot, all in one group', () => {
    const shell = run(FIG9);
    const events = traceOf(shell.timeline);
    const model = sequenceView(events, shell.timeline.current);
    expect(model.arrows).toHaveLength(events.length);
    expect(model.arrows.some((a) => a.boot)).toBe(false);
    expect(new Set(model.arrows.map((a) => a.group))).toEqual(new Set([0]));
    // with the timeline's options the boot events are marked
    expect(chart(shell).model.arrows.filter((a) => a.boot)).toHaveLength(shell.timeline.bootEvents.length);
  });
});

describe('arrowLabel', () => {
  it('gives every event kind a short label', () => {
    for (const kind of EVENT_KINDS) {
      const label = arrowLabel(kind, 'x(1)');
      expect(label.length, kind).toBeGreaterThan(0);
      expect(label.length, kind).toBeLessThanOrEqual(14);
    }
  });

  it('puts on each arrow the word for what its step does', () => {
    // What a student reads on the arrows of Figs. 6, 8 and 11, kind by kind.
    // A kind whose case were lost would take the next kind's word ("return"
    // for sys.return would read "create"), which no length check sees.
    const words: Record<Exclude<EventKind, 'sys.call'>, string> = {
    'sys.return': 'return', 'lpar.create': 'create', 'lpar.limit': 'limit', 'lpar.end': 'end',
    'lp.place': 'place LP', 'lp.stop': 'stop LP', 'sched.slice': 'slice', 'resource.alloc': 'allocate',
    'resource.forward': 'ask', 'resource.grant': 'grant', 'resource.reduce': 'reduce', 'resource.deny': 'deny',
    'resource.release': 'release', 'policy.set': 'policy', 'signal.queue': 'signal', 'signal.notify': 'notify port',
    'signal.take': 'take signal', 'signal.permit': 'permit', 'signal.deny': 'deny', 'signal.drop': 'drop signal',
    'event.port': 'event port', 'event.connect': 'connect', 'event.raise': 'event', 'event.merge': 'event (merged)',
    'event.poll': 'poll', 'event.close': 'close port', 'channel.request': 'request', 'channel.forward': 'forward',
    'channel.permit': 'permit', 'channel.notify': 'make channel', 'channel.refuse': 'refuse', 'area.reserve': 'reserve',
    'area.map': 'map', 'message.send': 'send', 'area.unmap': 'unmap', 'area.flip': 'flip',
    'message.queue': 'queue', 'message.event': 'event', 'message.take': 'take', 'area.read': 'read',
    'area.write': 'write', 'fault': 'fault', 'area.discard': 'discard area', 'port.discard': 'discard port',
    'peer.notify': 'notify peer', 'peer.discard': 'discard port', 'shm.request': 'share', 'shm.map': 'map shared',
    'shm.unmap': 'unmap shared', 'call.suspend': 'wait', 'call.complete': 'return', 'call.interrupt': 'interrupt',
    'call.refuse': 'refused', 'cost.set': 'cost', 'call.wake': 'wake', 'sock.create': 'socket',
    'sock.bind': 'bind', 'sock.listen': 'listen', 'sock.permission': 'permission', 'sock.accept': 'accept',
    'sock.close': 'close', 'sock.select': 'select', 'file.create': 'new file', 'file.open': 'open',
    'file.read': 'read', 'file.write': 'write', 'file.close': 'close', 'file.unlink': 'unlink',
    };
    for (const [kind, word] of Object.entries(words)) expect(arrowLabel(kind as EventKind, 'x(1)'), kind).toBe(word);
    expect(Object.keys(words)).toHaveLength(EVENT_KINDS.length - 1);
  });

  it('names the system call a program makes', () => {
    expect(arrowLabel('sys.call', 'socket(AF_LPAR, SOCK_SEQPACKET)')).toBe('socket()');
    expect(arrowLabel('sys.call', 'open("/msg/A.1")')).toBe('open()');
    expect(arrowLabel('sys.call', 'something odd')).toBe('call');
    // the name is the call the words begin with, spaced or not, never a call quoted further on
    expect(arrowLabel('sys.call', 'lpar_end (4)')).toBe('lpar_end()');
    expect(arrowLabel('sys.call', '"why" refuse(3)')).toBe('call');
  });

  it('is the same for the same trace (no clock, no randomness)', () => {
    expect(chart(run(FIG9)).model).toEqual(chart(run(FIG9)).model);
  });
});
