// The classroom relay under attack (issue 18), with raw sockets sending what
// no provider would: bad frames, malformed paths, contents in disguise,
// stuffed presence, and its files deleted or damaged. After each attack the
// room must still serve, its document unchanged.

import { existsSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { appendLines, roomLines } from '../ui/classroom/room.ts';
import { presenceMessage, readInbound, syncStep1Message } from './relayGuard.ts';
import { spawnRelay } from './relayProcess.ts';
import type { RelayProcess } from './relayProcess.ts';
import { client, eventually, folder, relay, stopEverything, synced, track } from './relayTesting.ts';
afterEach(stopEverything);

/** An upgrade request written by hand: the socket once the response's head is in, the head, and what came after it. */
function rawUpgrade(port: number, path: string): Promise<{ socket: Socket; head: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    track(socket);
    let got = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('end', () => reject(new Error(`the relay hung up before answering: ${got.toString()}`)));
    socket.on('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      ),
    );
    const onData = (d: Buffer) => {
      got = Buffer.concat([got, d]);
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      resolve({ socket, head: got.subarray(0, end).toString(), rest: got.subarray(end + 4) });
    };
    socket.on('data', onData);
  });
}

/** A websocket frame made by hand, as a browser's would be (final, masked), or not: `length` may lie about the payload. */
function frame(payload: Uint8Array, o: { opcode?: number; masked?: boolean; rsv?: number; length?: number } = {}): Buffer {
  const { opcode = 2, masked = true, rsv = 0, length = payload.length } = o;
  const head = [0x80 | (rsv << 4) | opcode];
  const m = masked ? 0x80 : 0;
  if (length < 126) head.push(m | length);
  else if (length < 65536) head.push(m | 126, length >> 8, length & 255);
  else {
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    head.push(m | 127, ...big);
  }
  const key = [0x12, 0x34, 0x56, 0x78];
  const body = Buffer.from(payload.map((b, i) => (masked ? b ^ key[i % 4]! : b)));
  return Buffer.concat([Buffer.from(head), Buffer.from(masked ? key : []), body]);
}

/** The status code of the close frame the relay sends on `socket` (after any other frames). */
function closeCodeOf(socket: Socket, already: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let buf = already;
    const parse = () => {
      while (buf.length >= 2) {
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let at = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          at = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          at = 10;
        }
        if (buf.length < at + len) return;
        const payload = buf.subarray(at, at + len);
        buf = buf.subarray(at + len);
        if (opcode === 8) return resolve(payload.readUInt16BE(0));
      }
    };
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      parse();
    });
    socket.on('close', () => reject(new Error('the connection closed without a close frame')));
    parse();
  });
}

/** A websocket of the ws library to the room, open. */
async function rawSocket(r: { url: string; room: string }, key?: string): Promise<WebSocket> {
  const ws = new WebSocket(`${r.url}/${r.room}${key ? `?key=${key}` : ''}`);
  track(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

const announce = (clientID: number, clock: number, state: object | null) => presenceMessage([{ clientID, clock, state: JSON.stringify(state) }]);
/** the presences the lecturer's page sees, but its own */
const othersSeenBy = (lecturer: ReturnType<typeof client>) =>
  new Map([...lecturer.provider.awareness.getStates()].filter(([id]) => id !== lecturer.provider.awareness.clientID)) as Map<number, Record<string, unknown>>;

/** The relay process is up, a newcomer gets exactly `before`, and the lecturer's next line reaches it. */
async function stillServes(r: RelayProcess, lecturer: ReturnType<typeof client>, before: readonly string[], line: string) {
  expect([r.child.exitCode, r.child.signalCode]).toEqual([null, null]);
  const late = client(r);
  await synced(late.provider);
  expect(late.lines()).toEqual(before);
  appendLines(lecturer.doc, [line]);
  await eventually(() => expect(late.lines()).toEqual([...before, line]));
  late.provider.destroy();
}

/** The lines of a saved room file, or null when it does not decode. */
function savedLines(path: string): string[] | null {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(readFileSync(path)));
    return roomLines(doc).toArray();
  } catch {
    return null;
  }
}

describe('the relay under attack (issue 18)', { timeout: 90_000 }, () => {
  it('closes a connection that sends a bad frame (1002, 1007, 1009), and the room goes on unchanged', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    appendLines(lecturer.doc, ['x = 1']);
    const lines = ['x = 1'];
    const stateRequest = syncStep1Message(Y.encodeStateVector(new Y.Doc()));
    const bad = [
      { what: 'a text frame that is not UTF-8', bytes: frame(Uint8Array.of(0xff, 0xfe, 0xc3, 0x28), { opcode: 1 }), code: 1007 },
      { what: 'an unmasked frame', bytes: frame(stateRequest, { masked: false }), code: 1002 },
      { what: 'RSV1 set, no extension agreed', bytes: frame(stateRequest, { rsv: 0b100 }), code: 1002 },
      { what: 'RSV2 and RSV3 set', bytes: frame(stateRequest, { rsv: 0b011 }), code: 1002 },
      { what: 'an unknown opcode', bytes: frame(stateRequest, { opcode: 3 }), code: 1002 },
      { what: 'a message announced as 9 MiB', bytes: frame(new Uint8Array(0), { length: 9 * 1024 * 1024 }), code: 1009 },
    ];
    for (const [i, b] of bad.entries()) {
      const { socket, head, rest } = await rawUpgrade(r.port, `/${r.room}`);
      expect(head).toMatch(/^HTTP\/1.1 101/);
      const closed = closeCodeOf(socket, rest);
      socket.write(b.bytes);
      expect(await closed, b.what).toBe(b.code);
      await stillServes(r, lecturer, lines, `y${i} = 1`);
      lines.push(`y${i} = 1`);
    }
    // as issue 18 tried it, from a page's console: new WebSocket(studentsLink).send(new Uint8Array(9 MiB))
    const ws = await rawSocket(r);
    const code = new Promise<number>((resolve) => ws.once('close', (c: number) => resolve(c)));
    ws.send(new Uint8Array(9 * 1024 * 1024));
    expect(await code).toBe(1009);
    await stillServes(r, lecturer, lines, 'z = 1');
  });

  it('answers 400 to a malformed path and stays up', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    appendLines(lecturer.doc, ['x = 1']);
    for (const path of ['/%', '//[', `/${r.room}%`, '/%E0%A4%A', '//']) {
      const { head } = await rawUpgrade(r.port, path);
      expect(head, path).toMatch(/^HTTP\/1.1 400 /);
    }
    const { head } = await rawUpgrade(r.port, '/another-room');
    expect(head).toMatch(/^HTTP\/1.1 404 /);
    await stillServes(r, lecturer, ['x = 1'], 'y = 1');
  });

  it('drops document contents from a connection without the key, in any encoding of the message type', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    appendLines(lecturer.doc, ['x = 1']);
    const mallory = await rawSocket(r);
    const forged = new Y.Doc();
    roomLines(forged).push(['lpar_end(A)']);
    const update = Y.encodeStateAsUpdate(forged);
    const varUint = (n: number, extra: number) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, n);
      const bytes = [...encoding.toUint8Array(e)];
      for (let i = 0; i < extra; i++) {
        bytes[bytes.length - 1]! |= 0x80;
        bytes.push(0);
      }
      return bytes;
    };
    const body = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint8Array(e, update);
      return [...encoding.toUint8Array(e)];
    })();
    for (const extra of [0, 1, 2]) {
      // 0x80 0x00 and 0x80 0x80 0x00: message type 0 (sync) to y-websocket's decoder
      for (let sub = 0; sub < 130; sub++) mallory.send(Uint8Array.from([...varUint(0, extra), ...varUint(sub, extra), ...body]));
      for (let type = 2; type < 130; type++) mallory.send(Uint8Array.from([...varUint(type, extra), ...varUint(2, extra), ...body]));
    }
    // sent last on the same connection: once the lecturer sees it, the relay has handled everything before it
    mallory.send(announce(777, 1, { role: 'student', name: 'marker' }));
    await eventually(() => expect(othersSeenBy(lecturer).get(777)?.name).toBe('marker'));
    expect(lecturer.lines()).toEqual(['x = 1']);
    await stillServes(r, lecturer, ['x = 1'], 'y = 1');
  });

  it('counts one participant per connection: stuffed, borrowed and removed presences are dropped', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    const mallory = await rawSocket(r);
    const alice = await rawSocket(r);
    alice.send(announce(42, 1, { role: 'student', name: 'alice', answer: 'B' }));
    await eventually(() => expect(othersSeenBy(lecturer).get(42)?.name).toBe('alice'));
    // 300 students answering "The control OS", in one message
    mallory.send(presenceMessage(Array.from({ length: 300 }, (_, i) => ({ clientID: 1000 + i, clock: 1, state: JSON.stringify({ role: 'student', name: `fake ${i}`, answer: 'The control OS' }) }))));
    // alice's presence, changed and removed; and one more of mallory's own
    mallory.send(announce(42, 5, { role: 'student', name: 'alice', answer: 'The control OS' }));
    mallory.send(announce(42, 6, null));
    mallory.send(announce(2000, 1, { role: 'student', name: 'another fake' }));
    mallory.send(announce(1000, 2, { role: 'student', name: 'marker' }));
    await eventually(() => expect(othersSeenBy(lecturer).get(1000)?.name).toBe('marker'));
    const seen = othersSeenBy(lecturer);
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual([42, 1000]);
    expect(seen.get(42)).toEqual({ role: 'student', name: 'alice', answer: 'B' });
  });

  it('sends a connection without the key its own presence back, and no one else\'s (a provider that hears nothing for 30 s reconnects)', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    lecturer.provider.awareness.setLocalState({ role: 'lecturer', name: 'lecturer' });
    const other = await rawSocket(r);
    other.send(announce(51, 1, { role: 'student', name: 'other' }));
    await eventually(() => expect(othersSeenBy(lecturer).has(51)).toBe(true));
    const student = await rawSocket(r);
    const heard: number[][] = [];
    student.on('message', (data: Buffer) => {
      const read = readInbound(new Uint8Array(data));
      if (read.kind === 'awareness') heard.push(read.entries.map((e) => e.clientID));
    });
    student.send(announce(50, 1, { role: 'student', name: 'me' }));
    student.send(announce(50, 2, { role: 'student', name: 'me', answer: 'B' }));
    await eventually(() => expect(heard).toEqual([[50], [50]]));
    await eventually(() => expect(othersSeenBy(lecturer).get(50)?.answer).toBe('B'));
  });

  it('rate-limits the presence updates of a connection', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    const flooder = await rawSocket(r);
    const replies: Uint8Array[] = [];
    flooder.on('message', (data: Buffer) => replies.push(new Uint8Array(data)));
    for (let n = 1; n <= 100; n++) flooder.send(announce(3000, n, { role: 'student', name: 'flood', n }));
    // the relay answers a state request only after the 100 updates before it on this connection
    flooder.send(syncStep1Message(Y.encodeStateVector(new Y.Doc())));
    const isStep2 = (m: Uint8Array) => {
      const d = decoding.createDecoder(m);
      return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === 1;
    };
    await eventually(() => expect(replies.some(isStep2)).toBe(true));
    // presence reaches the lecturer in order: once another's arrives, the flooder's admitted updates have too
    const other = await rawSocket(r);
    other.send(announce(3001, 1, { role: 'student', name: 'after the flood' }));
    await eventually(() => expect(othersSeenBy(lecturer).has(3001)).toBe(true));
    const n = othersSeenBy(lecturer).get(3000)?.n as number;
    // a burst of 10 went through (a page renews every 15 s), not the 100
    expect(n).toBeGreaterThanOrEqual(10);
    expect(n).toBeLessThan(100);
  });

  it('caps the connections without the key from one address, never the key holder', async () => {
    const r = await relay(undefined, 0, ['--max-per-address', '3']);
    const three = [await rawSocket(r), await rawSocket(r), await rawSocket(r)];
    const fourth = track(new WebSocket(`${r.url}/${r.room}`));
    const status = await new Promise<number>((resolve) => fourth.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(429);
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    // one leaves: a seat is free again
    three[0]!.close();
    await eventually(() => expect(three[0]!.readyState).toBe(WebSocket.CLOSED));
    await vi.waitFor(() => rawSocket(r), { timeout: 15_000, interval: 100 });
  });

  it('keeps serving when its state folder is deleted, and makes it again with the room and its lab', async () => {
    const r = await relay();
    const docFile = join(r.dir, `${r.room}.yjs`);
    const lecturer = client(r, r.key);
    await synced(lecturer.provider);
    appendLines(lecturer.doc, ['a = 1']);
    await eventually(() => expect(savedLines(docFile)).toEqual(['a = 1']));
    rmSync(r.dir, { recursive: true, force: true });
    appendLines(lecturer.doc, ['b = 2']);
    await eventually(() => expect(savedLines(docFile)).toEqual(['a = 1', 'b = 2']));
    expect(JSON.parse(readFileSync(join(r.dir, 'room.json'), 'utf8'))).toEqual({ room: r.room, key: r.key });
    expect(r.errors()).toMatch(/was gone: made again/);
    await stillServes(r, lecturer, ['a = 1', 'b = 2'], 'c = 3');
  });

  it('never writes over a room file it cannot read: sets it aside, says so, and goes on from the copy before it', async () => {
    const first = await relay();
    const docFile = join(first.dir, `${first.room}.yjs`);
    const lecturer = client(first, first.key);
    await synced(lecturer.provider);
    appendLines(lecturer.doc, ['a = 1']);
    await eventually(() => expect(savedLines(docFile)).toEqual(['a = 1']));
    appendLines(lecturer.doc, ['b = 2']);
    await eventually(() => expect(savedLines(docFile)).toEqual(['a = 1', 'b = 2']));
    lecturer.provider.destroy();
    await first.stop();
    const whole = readFileSync(docFile);
    const truncated = whole.subarray(0, whole.length >> 1);
    writeFileSync(docFile, truncated);

    const second = await relay(first.dir);
    expect(second.room).toBe(first.room);
    expect(second.errors()).toMatch(/could not be read .*kept as .*unreadable.*goes on from the copy saved before it/s);
    const aside = readdirSync(first.dir).filter((f) => f.startsWith(`${first.room}.yjs.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(first.dir, aside[0]!))).toEqual(truncated);
    const student = client(second);
    await synced(student.provider);
    expect(student.lines()).toEqual(['a = 1']);
  });

  it('refuses to start, with a message, over a room.json it cannot read', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'room.json'), '{"room":"lab-1234","ke');
    await expect(spawnRelay({ stateDir: dir })).rejects.toThrow(/room\.json is not a room the relay can read/);
    expect(readFileSync(join(dir, 'room.json'), 'utf8')).toBe('{"room":"lab-1234","ke');
    expect(existsSync(join(dir, 'room.json.tmp'))).toBe(false);
  });
});
