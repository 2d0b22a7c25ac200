// S105-S112 as a guest meets them: what it reads when a reserve, a send, a
// peek or a free is refused, which step a touch of memory shows, and how a
// queue of arrivals behaves when an area leaves it early. `s.why` also checks
// that a refusal leaves the machine as it was.

import { describe, expect, it } from 'vitest';
import { A, B, connectGuests, session } from '../testing/testkit.js';
import { narrate } from '../narration.js';
import { asPid, asPort } from '../types.js';
import { framesFree } from '../views/inspect.js';

const MiB16 = 16 * 1024 * 1024;

describe('S105: reserving a message area', () => {
  it('takes 1 byte to 16 MiB, a whole number, within the limit and the free frames', () => {
    const s = session();
    for (const bytes of [0, 1.5, MiB16 + 1]) {
      expect(s.why({ kind: 'area.reserve', by: A, bytes })).toBe(`EINVAL: an area is 1 to 16777216 bytes; ${bytes} is not`);
    }
    // the largest size passes the check and meets A's memory limit of 16 pages [0055]
    expect(s.why({ kind: 'area.reserve', by: A, bytes: MiB16 })).toBe('ENOMEM: A would pass its memory limit with 4096 more pages; ask with request(mem, 4096) [0055]');
    const free = framesFree(s.state);
    s.ok({ kind: 'area.reserve', by: A, bytes: 1 });
    expect(framesFree(s.state)).toBe(free - 1);
    // without a limit, the free frames decide
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: framesFree(s.state) - 1, processors: 1 });
    expect(s.why({ kind: 'area.reserve', by: A, bytes: 2 * 4096 })).toBe('ENOMEM: only 1 physical frames are free; 2 are needed');
  });
});

describe('S107: what a send is refused for', () => {
  it('names a port that is not a channel, a closed peer, a shared area and an address inside an area', () => {
    const s = session();
    const { client, server } = connectGuests(s);
    const rp = s.ok({ kind: 'event.port', by: A }) as number;
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 2 * 4096 }) as number;
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(99), addr, short: '' })).toBe('EBADF: A has no channel 99');
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(rp), addr, short: '' }))
      .toBe(`EBADF: port ${rp} of A is an event port, not a channel's message port`);
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(client), addr: addr + 4096, short: '' }))
      .toBe('EINVAL: 0x101000 is inside an area; send it by its first address');
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const inA = (s.run({ kind: 'signal.permit', by: B, sig: sig as never }).completions[0]!.result as { value: number }).value;
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(client), addr: inA, short: '' }))
      .toBe(`EINVAL: 0x${inA.toString(16)} is a shared area; only a message area can be sent`);
    // the receiver must have room for it [0055]
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mem', amount: 1 });
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(client), addr, short: '' }))
      .toBe('ENOMEM: B cannot take the area: B would pass its memory limit with 2 more pages; ask with request(mem, 2) [0055]');
    // S110: once B has closed its end, nobody will receive
    s.ok({ kind: 'channel.close', by: B, port: asPort(server) });
    expect(s.why({ kind: 'channel.send', by: A, port: asPort(client), addr, short: '' }))
      .toBe(`EPIPE: the other end of channel ${client} has closed: nobody will receive`);
  });
});

describe('S108 and [0066]: reading and writing an area', () => {
  it('reads 0 to 16 MiB bytes, within the area; trailing zero bytes are not shown, zeros inside are', () => {
    const s = session();
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    for (const length of [-1, 1.5, MiB16 + 1]) {
      expect(s.why({ kind: 'mem.read', by: A, addr, length })).toBe(`EINVAL: cannot read ${length} bytes`);
    }
    expect(s.why({ kind: 'mem.read', by: A, addr, length: MiB16 })).toBe('EFAULT: reading 16777216 bytes at 0x100000 runs past the end of the area');
    expect(s.why({ kind: 'mem.read', by: A, addr: addr + 4000, length: 97 })).toBe('EFAULT: reading 97 bytes at 0x100fa0 runs past the end of the area');
    expect(s.ok({ kind: 'mem.read', by: A, addr: addr + 4000, length: 96 })).toBe('');
    s.ok({ kind: 'mem.write', by: A, addr, data: 'hi' });
    s.ok({ kind: 'mem.write', by: A, addr: addr + 4, data: 'x\0\0' });
    expect(s.ok({ kind: 'mem.read', by: A, addr, length: 7 })).toBe('hi\0\0x');
  });

  it('a write over what is there replaces only its own bytes, and the trace names the page it touched [0066]', () => {
    const s = session();
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 2 * 4096 }) as number;
    s.ok({ kind: 'mem.write', by: A, addr, data: 'hello world' });
    s.ok({ kind: 'mem.write', by: A, addr: addr + 6, data: 'there' });
    expect(s.ok({ kind: 'mem.read', by: A, addr, length: 32 })).toBe('hello there');
    s.ok({ kind: 'mem.write', by: A, addr: addr + 1, data: 'E' });
    expect(s.ok({ kind: 'mem.read', by: A, addr, length: 32 })).toBe('hEllo there');
    // each touch is drawn on the page it reached: the area's second page here
    const second = addr + 4096 + 10;
    const write = s.run({ kind: 'mem.write', by: A, addr: second, data: 'x' }).events.at(-1)!;
    expect([write.kind, write.page, narrate(write.say)]).toEqual(['area.write', second / 4096 | 0, `A writes "x" at 0x${second.toString(16)}: the area is mapped in its space`]);
    const read = s.run({ kind: 'mem.read', by: A, addr: second, length: 1 }).events.at(-1)!;
    expect([read.kind, read.page, narrate(read.say)]).toEqual(['area.read', second / 4096 | 0, `A reads "x" at 0x${second.toString(16)} straight from the frames it now owns`]);
  });

  it('shows the step of each touch: S108 for what a guest received, [0066] for its own or its writes, [0056] c) for a shared area', () => {
    const s = session();
    const { client } = connectGuests(s);
    const own = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    const tagOf = (command: Parameters<typeof s.run>[0]) => s.run(command).events.at(-1)!.tag;
    expect(tagOf({ kind: 'mem.read', by: A, addr: own, length: 1 })).toBe('[0066]');
    s.ok({ kind: 'channel.send', by: A, port: asPort(client), addr: own, short: '' });
    const got = Object.values(s.state.areas)[0]!.maps[0]!.page * 4096;
    expect(tagOf({ kind: 'mem.read', by: B, addr: got, length: 1 })).toBe('S108');
    expect(tagOf({ kind: 'mem.write', by: B, addr: got, data: 'y' })).toBe('[0066]');
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const inB = s.ok({ kind: 'signal.permit', by: B, sig: sig as never }) as number;
    expect(tagOf({ kind: 'mem.write', by: B, addr: inB, data: 'z' })).toBe('[0056]');
    expect(tagOf({ kind: 'mem.read', by: B, addr: inB, length: 1 })).toBe('[0056]');
  });
});

describe('[0064]: the queue of arrivals at a message port', () => {
  it('raises the port\'s event for the first arrival only, and keeps arrivals in order', () => {
    const s = session();
    const { client, server } = connectGuests(s);
    const sends = [1, 2].map((n) => {
      const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
      return s.run({ kind: 'channel.send', by: A, port: asPort(client), addr, short: `m${n}` });
    });
    const raised = sends.map((step) => step.events.filter((e) => e.to === B && (e.kind === 'event.raise' || e.kind === 'event.merge')).length);
    expect(raised).toEqual([1, 0]);
    expect((s.ok({ kind: 'channel.recv', by: B, port: asPort(server) }) as { short: string }).short).toBe('m1');
    expect((s.ok({ kind: 'channel.recv', by: B, port: asPort(server) }) as { short: string }).short).toBe('m2');
  });

  it('drops an area freed before recv took it from the queue: recv takes the next one', () => {
    const s = session();
    const { client, server } = connectGuests(s);
    for (const short of ['first', 'second']) {
      const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
      s.ok({ kind: 'channel.send', by: A, port: asPort(client), addr, short });
    }
    const first = Object.values(s.state.areas)[0]!;
    s.ok({ kind: 'area.free', by: B, addr: first.maps[0]!.page * 4096 });
    expect((s.ok({ kind: 'channel.recv', by: B, port: asPort(server) }) as { short: string }).short).toBe('second');
    // now nothing is queued: recv waits, in words that name the channel
    const wait = s.run({ kind: 'channel.recv', by: B, port: asPort(server) });
    expect(wait.result).toEqual({ ok: true, value: null });
    expect(narrate(wait.events.at(-1)!.say)).toBe(`B waits in recv on channel ${server}`);
    // A closes: B's recv returns end of file (0)
    const close = s.run({ kind: 'channel.close', by: A, port: asPort(client) });
    expect(close.completions).toEqual([{ pid: B, call: 'recv', result: { ok: true, value: 0 } }]);
  });
});

describe('S109 and [0056] c): discarding an area', () => {
  it('is S109 for what arrived, the lab\'s for an area never sent, and only an unmapping for another\'s shared area', () => {
    const s = session();
    const { client } = connectGuests(s);
    const unsent = s.ok({ kind: 'area.reserve', by: A, bytes: 2 * 4096 }) as number;
    expect(s.why({ kind: 'area.free', by: A, addr: unsent + 4096 })).toBe('EINVAL: 0x101000 is inside an area; free it by its first address');
    expect(s.run({ kind: 'area.free', by: A, addr: unsent }).events.map((e) => e.tag)).toEqual(['lab:free']);
    const sent = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    s.ok({ kind: 'channel.send', by: A, port: asPort(client), addr: sent, short: '' });
    const got = Object.values(s.state.areas)[0]!.maps[0]!.page * 4096;
    expect(s.run({ kind: 'area.free', by: B, addr: got }).events.map((e) => e.tag)).toEqual(['S109']);
    // a shared area: B drops its mapping, A still owns it; A's free gives it back [0056] c)
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const inB = s.ok({ kind: 'signal.permit', by: B, sig: sig as never }) as number;
    const drop = s.run({ kind: 'area.free', by: B, addr: inB });
    expect(drop.events.map((e) => [e.tag, e.kind, narrate(e.say)])).toEqual([['[0056]', 'shm.unmap', 'B drops its mapping of the shared area; A still owns it']]);
    const area = Object.values(s.state.areas)[0]!;
    expect(area).toMatchObject({ owner: A, kind: 'shared' });
    expect(area.maps.map((m) => m.pid)).toEqual([A]);
    const free = framesFree(s.state);
    const gone = s.run({ kind: 'area.free', by: A, addr: area.maps[0]!.page * 4096 });
    expect(gone.events.map((e) => [e.tag, e.kind])).toEqual([['[0056]', 'area.discard']]);
    expect(framesFree(s.state)).toBe(free + 1);
    expect(s.state.partitions[asPid(3)]!.name).toBe('B');
  });
});

// The words each refusal of S105-S109 carries besides its English sentence:
// the catalog id and the values a reader of another language gets the
// sentence from (src/engine/words.ts). A wrong id, or a value left out,
// reaches a Japanese reader as the wrong sentence or a hole.
const wordsOf = (id: string, values?: Record<string, unknown>) => (values ? { id, values } : { id });

describe('the words of each refusal of S105-S109', () => {
  it('reserving, reading and writing name the size, the address and the free frames', () => {
    const s = session();
    expect(s.refusal({ kind: 'area.reserve', by: A, bytes: 0 }))
      .toEqual({ errno: 'EINVAL', message: 'an area is 1 to 16777216 bytes; 0 is not', words: wordsOf('error.messages.areaBytesNot', { maxAreaBytes: MiB16, bytes: 0 }) });
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 4096 }) as number;
    expect(s.refusal({ kind: 'mem.read', by: A, addr, length: -1 }).words).toEqual(wordsOf('error.messages.cannotReadBytes', { length: -1 }));
    expect(s.refusal({ kind: 'mem.read', by: A, addr: addr + 4000, length: 97 }).words)
      .toEqual(wordsOf('error.messages.readingBytesRuns', { length: 97, addr: '0x100fa0' }));
    expect(s.refusal({ kind: 'mem.write', by: A, addr: addr + 4095, data: 'ab' }))
      .toEqual({ errno: 'EFAULT', message: 'writing 2 bytes at 0x100fff runs past the end of the area', words: wordsOf('error.messages.writingBytesRuns', { length: 2, addr: '0x100fff' }) });
    // the last byte of the area is A's to write
    expect(s.ok({ kind: 'mem.write', by: A, addr: addr + 4095, data: 'b' })).toBe(1);
    s.ok({ kind: 'lpar.limit', pid: A, resource: 'mem', amount: null });
    s.ok({ kind: 'lpar.create', name: 'C', memPages: framesFree(s.state) - 1, processors: 1 });
    expect(s.refusal({ kind: 'area.reserve', by: A, bytes: 2 * 4096 }).words).toEqual(wordsOf('error.messages.onlyPhysicalFrames', { free: 1, pages: 2 }));
  });

  it('sending and freeing name the channel, the port and the address', () => {
    const s = session();
    const { client, server } = connectGuests(s);
    const rp = s.ok({ kind: 'event.port', by: A }) as number;
    const addr = s.ok({ kind: 'area.reserve', by: A, bytes: 2 * 4096 }) as number;
    expect(s.refusal({ kind: 'channel.send', by: A, port: asPort(99), addr, short: '' }).words).toEqual(wordsOf('error.messages.hasNoChannel', { name: 'A', no: 99 }));
    expect(s.refusal({ kind: 'channel.recv', by: A, port: asPort(rp) }).words).toEqual(wordsOf('error.messages.portEventPort', { no: rp, name: 'A' }));
    expect(s.refusal({ kind: 'channel.send', by: A, port: asPort(client), addr: addr + 4096, short: '' }).words)
      .toEqual(wordsOf('error.messages.insideAreaSend', { addr: '0x101000' }));
    expect(s.refusal({ kind: 'area.free', by: A, addr: addr + 4096 }))
      .toEqual({ errno: 'EINVAL', message: '0x101000 is inside an area; free it by its first address', words: wordsOf('error.messages.insideAreaFree', { addr: '0x101000' }) });
    // [0055]: the receiver's own limit, in its words, inside the send's
    s.ok({ kind: 'lpar.limit', pid: B, resource: 'mem', amount: 1 });
    expect(s.refusal({ kind: 'channel.send', by: A, port: asPort(client), addr, short: '' }).words)
      .toEqual(wordsOf('error.messages.cannotTakeArea', { receiver: 'B', why: wordsOf('error.room.memLimit', { name: 'B', pages: 2 }) }));
    s.run({ kind: 'shm.connect', by: A, target: B, bytes: 4096 });
    const { sig } = s.ok({ kind: 'signal.take', by: B }) as { sig: number };
    const inA = (s.run({ kind: 'signal.permit', by: B, sig: sig as never }).completions[0]!.result as { value: number }).value;
    expect(s.refusal({ kind: 'channel.send', by: A, port: asPort(client), addr: inA, short: '' }).words)
      .toEqual(wordsOf('error.messages.sharedAreaOnly', { addr: `0x${inA.toString(16)}` }));
    s.ok({ kind: 'channel.close', by: B, port: asPort(server) });
    expect(s.refusal({ kind: 'channel.send', by: A, port: asPort(client), addr, short: '' }).words).toEqual(wordsOf('error.messages.otherEndChannel', { no: client }));
  });
});
