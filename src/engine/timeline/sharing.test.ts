// A recorded history keeps a command, or an event's narration, equal to one
// recorded a moment before once (issue 22, the heap a long history holds):
// the trace, the commands a share link saves and every moment stay the same
// values, byte for byte.

import { describe, expect, it } from 'vitest';
import type { Command } from '../command.js';
import { PAGE_SIZE } from '../types.js';
import { A, B, connectGuests, SCP, session } from '../testing/testkit.js';
import { commandsOf, eventsOf, record, replay, sameValue, startTimeline, traceOf } from './timeline.js';

/** A session of `count` one-page transfers from A to B (the loop a lesson repeats); the commands it ran, in order. */
function transfers(count: number) {
  const s = session();
  const commands: Command[] = [];
  const run = s.run;
  s.run = (command) => {
    commands.push({ by: SCP, ...command } as Command);
    return run(command);
  };
  const ports = connectGuests(s);
  for (let i = 0; i < count; i++) {
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: PAGE_SIZE }) as number;
    s.ok({ kind: 'channel.send', by: A, port: ports.client as never, addr, short: 'hi' });
    const got = s.ok({ kind: 'channel.recv', by: B, port: ports.server as never }) as { addr: number };
    s.ok({ kind: 'area.free', by: B, addr: got.addr });
  }
  return { events: s.events, commands };
}

describe('a recorded history keeps equal values once', () => {
  const { events, commands } = transfers(4);
  // fresh copies: nothing is shared before the timeline shares it
  const t = replay({}, commands.map((c) => JSON.parse(JSON.stringify(c)) as Command));
  const entries = t.commands.map((command, i) => ({ command, events: eventsOf(t, i) }));
  const ofKind = (kind: Command['kind']) => entries.filter((e) => e.command.kind === kind);

  it('gives the same trace and the same commands, byte for byte, as the machine made them', () => {
    expect(JSON.stringify(traceOf(t))).toBe(JSON.stringify(events));
    expect(JSON.stringify(commandsOf(t))).toBe(JSON.stringify(commands));
  });

  it('keeps a command equal to an earlier one as that one, and a different one as given', () => {
    const reserves = ofKind('area.reserve');
    expect(reserves).toHaveLength(4);
    for (const r of reserves) expect(r.command).toBe(reserves[0]!.command);
    // each free names another address
    const frees = ofKind('area.free');
    expect(new Set(frees.map((f) => f.command)).size).toBe(4);
  });

  it('keeps a narration equal to an earlier one as that one, and a different one as given', () => {
    const merges = ofKind('channel.send').map((s) => s.events.find((e) => e.kind === 'event.merge' || e.kind === 'event.raise')!);
    expect(merges.slice(1).every((e) => e.say === merges[1]!.say)).toBe(true);
    // each send names another address
    const sends = ofKind('channel.send').map((s) => s.events.find((e) => e.kind === 'message.send')!.say);
    expect(new Set(sends).size).toBe(4);
  });

  it('keeps a command whose fields come in another order as given: a share link writes them in its order', () => {
    const first = record(t, { kind: 'area.reserve', by: A, bytes: PAGE_SIZE });
    const again = record(first.timeline, { kind: 'area.reserve', by: A, bytes: PAGE_SIZE });
    const reordered = record(again.timeline, { bytes: PAGE_SIZE, kind: 'area.reserve', by: A } as Command);
    const [a, b, c] = reordered.timeline.commands.slice(-3);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify({ bytes: PAGE_SIZE, kind: 'area.reserve', by: A }));
  });

  it('looks back only a few commands: an equal command recorded long before is kept as given', () => {
    let timeline = startTimeline();
    const reserve = { kind: 'area.reserve', by: A, bytes: PAGE_SIZE } as const;
    timeline = record(timeline, reserve).timeline;
    for (let i = 0; i < 40; i++) timeline = record(timeline, { kind: 'policy.set', by: SCP, resource: 'mem', ceiling: 1000 + i }).timeline;
    timeline = record(timeline, { ...reserve }).timeline;
    expect(timeline.commands).toHaveLength(42);
    expect(timeline.commands[0]).toBe(reserve);
    expect(timeline.commands.at(-1)).not.toBe(reserve);
    expect(timeline.commands.at(-1)).toEqual(reserve);
  });
});

describe('sameValue', () => {
  it('takes equal primitives, arrays and plain records with their keys in the same order', () => {
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue(['a', 1, [2, 3]], ['a', 1, [2, 3]])).toBe(true);
    expect(sameValue({ kind: 'x', n: [1] }, { kind: 'x', n: [1] })).toBe(true);
  });

  it('refuses what JSON or a reader could tell apart', () => {
    expect(sameValue(0, -0)).toBe(false);
    expect(sameValue(['a', [1]], ['a', [2]])).toBe(false);
    expect(sameValue([1, 2], [1, 2, 3])).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1], { 0: 1, length: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, Object.assign(Object.create(null) as object, { a: 1 }))).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
