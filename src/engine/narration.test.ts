import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from './testing/testkit.js';
import { frameList, narrate } from './narration.js';
import type { Narration } from './narration.js';
import { asFrame } from './types.js';

/** Send one 2-page area from A to B, receive it and free it: the path of Fig. 6. */
function transfer() {
  const s = session();
  const ports = connectGuests(s);
  const from = s.events.length;
  const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 8192 }) as number;
  s.ok({ kind: 'channel.send', by: A, port: ports.client as never, addr, short: 'hi' });
  const got = s.ok({ kind: 'channel.recv', by: B, port: ports.server as never }) as { addr: number };
  s.ok({ kind: 'area.free', by: B, addr: got.addr });
  return { events: s.events.slice(from), ports };
}

describe('narration as data', () => {
  it('says each step of a transfer in words once it is narrated', () => {
    const { events, ports } = transfer();
    const words = events.map((e) => narrate(e.say));
    const reserve = events.find((e) => e.kind === 'area.reserve')!;
    expect(words[events.indexOf(reserve)]).toBe(`A reserves a message area of 8192 bytes: frames ${reserve.frames!.join(', ')}`);
    expect(words).toContain(`A sends the area at 0x100000 on channel ${ports.client} with the short message "hi"`);
    expect(words).toContain('control OS unmaps the area at 0x100000 from A: A can no longer touch it');
    expect(words.find((w) => w.startsWith('frames '))).toMatch(/^frames \d+, \d+ change owner from A to B: no byte is copied$/);
    // B's event port still holds the bit its channel's set-up raised, so this event merges into it
    expect(words).toContain(`event to B port 2 (a message reached the empty message port ${ports.server}) merges into the pending bit already set: no queue, no count`);
  });

  it('keeps parameters, not sentences, in the trace: plain data that survives a JSON round trip', () => {
    for (const e of transfer().events) {
      expect(Array.isArray(e.say)).toBe(true);
      expect(typeof e.say[0]).toBe('string');
      const copied = JSON.parse(JSON.stringify(e.say)) as Narration;
      expect(narrate(copied)).toBe(narrate(e.say));
    }
  });

  it('narrates a narration inside another: why an event was raised, what a call waits for', () => {
    expect(narrate(['event.merge', 'B', 3, ['why.sent', 'A', 2]])).toBe('event to B port 3 (sent from A port 2) merges into the pending bit already set: no queue, no count');
    expect(narrate(['call.suspend', 'A', 'connect', ['until.peer', 'B']])).toBe('A waits in connect until B permits or denies');
    expect(narrate(['call.suspend', 'scp', 'select', ['until.select', [3, 4]]])).toBe('scp waits in select until one of fds 3, 4 has a message');
  });

  it('shortens a long frame list to its first three, the last and the count', () => {
    const frames = [7, 9, 11, 13, 15].map(asFrame);
    expect(frameList(frames.slice(0, 4))).toBe('7, 9, 11, 13');
    expect(frameList(frames)).toBe('7, 9, 11 … 15 (5)');
    expect(narrate(['area.flip', frames, 'A', 'B'])).toBe('frames 7, 9, 11 … 15 (5) change owner from A to B: no byte is copied');
    expect(narrate(['area.flip', frames.slice(0, 1), 'A', 'B'])).toBe('frame 7 changes owner from A to B: no byte is copied');
  });
});
