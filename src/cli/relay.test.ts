// The classroom relay, run as `npm run classroom` would run it, with Yjs
// clients of the real provider: who may write, and what survives a restart.

import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { appendLines, readMeta, replaceLines, roomLines } from '../ui/classroom/room.ts';
import { parseArgs } from './classroom.ts';
import { classroomLinks, readOnlyMayPass } from './relay.ts';
import { spawnRelay } from './relayProcess.ts';
import type { RelayProcess } from './relayProcess.ts';

const started: RelayProcess[] = [];
const providers: WebsocketProvider[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const p of providers.splice(0)) p.destroy();
  for (const r of started.splice(0)) await r.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A relay on a free port (or, started again, on the port the first one took). */
async function relay(stateDir?: string, port = 0) {
  const dir = stateDir ?? mkdtempSync(join(tmpdir(), 'lparlab-relay-'));
  if (!stateDir) dirs.push(dir);
  const r = await spawnRelay({ port, stateDir: dir, page: 'http://127.0.0.1:4173/' });
  started.push(r);
  return { ...r, dir };
}

function client(r: { url: string; room: string }, key?: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(r.url, r.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: key ? { key } : {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return { doc, provider, lines: () => roomLines(doc).toArray() };
}

const synced = (p: WebsocketProvider) => vi.waitFor(() => expect(p.synced).toBe(true), { timeout: 15_000 });
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });

// each test starts a relay process (twice for a restart): slow on a busy machine
describe('the classroom relay', { timeout: 60_000 }, () => {
  it('lets the connection with the room key change the lab, and every connection see it', async () => {
    const r = await relay();
    // port 0 asked for: the relay took a free one and its links name it
    expect(r.port).toBeGreaterThan(0);
    expect(r.url).toBe(`ws://127.0.0.1:${r.port}`);
    const lecturer = client(r, r.key);
    const student = client(r);
    await Promise.all([synced(lecturer.provider), synced(student.provider)]);
    replaceLines(lecturer.doc, ['A = lpar_create("A", 64, 1)'], { seed: 7, frames: 256, lesson: null, step: null, position: 0 });
    appendLines(lecturer.doc, ['B = lpar_create("B", 64, 1)']);
    await eventually(() => expect(student.lines()).toEqual(['A = lpar_create("A", 64, 1)', 'B = lpar_create("B", 64, 1)']));
    expect(readMeta(student.doc)?.seed).toBe(7);
  });

  it('drops the document updates of a connection without the key, but passes its presence to the lecturer', async () => {
    const r = await relay();
    const lecturer = client(r, r.key);
    const intruder = client(r, 'not-the-key-at-all');
    await Promise.all([synced(lecturer.provider), synced(intruder.provider)]);
    appendLines(lecturer.doc, ['x = 1']);
    await eventually(() => expect(intruder.lines()).toEqual(['x = 1']));

    // the intruder edits its own copy, then announces itself on the same connection:
    // once the lecturer sees the announcement, the relay has handled the edit before it
    intruder.doc.transact(() => {
      roomLines(intruder.doc).delete(0, 1);
      roomLines(intruder.doc).push(['lpar_end(A)']);
    });
    intruder.provider.awareness.setLocalState({ role: 'student', name: 'mallory' });
    await eventually(() => expect([...lecturer.provider.awareness.getStates().values()].some((s) => s.name === 'mallory')).toBe(true));
    expect(lecturer.lines()).toEqual(['x = 1']);

    // a newcomer gets the relay's copy, untouched, and no one else's presence (only the key's holder sees who is there)
    const newcomer = client(r);
    await synced(newcomer.provider);
    expect(newcomer.lines()).toEqual(['x = 1']);
    expect([...newcomer.provider.awareness.getStates().keys()]).not.toContain(intruder.doc.clientID);
  });

  it('serves the same room, key and lab after it is killed and started again', async () => {
    const first = await relay();
    const lecturer = client(first, first.key);
    const student = client(first);
    await Promise.all([synced(lecturer.provider), synced(student.provider)]);
    appendLines(lecturer.doc, ['a = 1', 'b = 2']);
    await eventually(() => expect(student.lines()).toEqual(['a = 1', 'b = 2']));

    await first.kill();
    const second = await relay(first.dir, first.port);
    expect([second.room, second.key, second.port]).toEqual([first.room, first.key, first.port]);

    // both pages reconnect by themselves; the lecturer goes on typing
    await Promise.all([synced(lecturer.provider), synced(student.provider)]);
    appendLines(lecturer.doc, ['c = 3']);
    await eventually(() => expect(student.lines()).toEqual(['a = 1', 'b = 2', 'c = 3']));
    const late = client(second);
    await synced(late.provider);
    await eventually(() => expect(late.lines()).toEqual(['a = 1', 'b = 2', 'c = 3']));
  });

  it('gets the lab back from the lecturer when it restarts without its saved document', async () => {
    const first = await relay();
    const lecturer = client(first, first.key);
    const student = client(first);
    await Promise.all([synced(lecturer.provider), synced(student.provider)]);
    appendLines(lecturer.doc, ['a = 1', 'b = 2']);
    await eventually(() => expect(student.lines()).toEqual(['a = 1', 'b = 2']));

    await first.kill();
    for (const f of readdirSync(first.dir)) if (f.endsWith('.yjs')) rmSync(join(first.dir, f));
    await relay(first.dir, first.port);
    await eventually(() => expect(lecturer.provider.wsconnected && student.provider.wsconnected).toBe(true));
    appendLines(lecturer.doc, ['c = 3']);
    // each line once, in order: the student's copy and the lecturer's re-sent one are the same items
    await eventually(() => expect(student.lines()).toEqual(['a = 1', 'b = 2', 'c = 3']));
  });
});

describe('the relay, piece by piece', () => {
  it('passes presence and state requests from a read-only connection, and nothing that carries document contents', () => {
    expect(readOnlyMayPass(Uint8Array.of(1, 5, 0))).toBe(true); // awareness
    expect(readOnlyMayPass(Uint8Array.of(0, 0, 1, 0))).toBe(true); // sync step 1: "what do you have?"
    expect(readOnlyMayPass(Uint8Array.of(0, 1, 2, 0, 0))).toBe(false); // sync step 2: contents
    expect(readOnlyMayPass(Uint8Array.of(0, 2, 2, 0, 0))).toBe(false); // update
    expect(readOnlyMayPass(new Uint8Array(0))).toBe(false);
  });

  it('prints links with the relay in the query, the key only in the lecturer\'s', () => {
    const links = classroomLinks('http://10.0.0.5:5173/', { room: 'lab-1', key: 'k3y', port: 4400 }, '10.0.0.5');
    expect(links.students).toBe('http://10.0.0.5:5173/?room=lab-1&relay=ws://10.0.0.5:4400');
    expect(links.lecturer).toBe('http://10.0.0.5:5173/?room=lab-1&relay=ws://10.0.0.5:4400&key=k3y');
    expect(classroomLinks('http://h/lab/?frames=4096#x', { room: 'r', key: 'k', port: 1 }, 'h').students).toBe('http://h/lab/?frames=4096&room=r&relay=ws://h:1');
  });

  it('listens on loopback unless asked, and refuses bad options with a message', () => {
    const ok = parseArgs([]);
    expect(ok.ok && ok.args).toMatchObject({ port: 4400, host: '127.0.0.1' });
    expect(parseArgs(['--port', '70000'])).toMatchObject({ ok: false });
    expect(parseArgs(['--port', '-1'])).toMatchObject({ ok: false });
    expect(parseArgs(['--port', '1e3'])).toMatchObject({ ok: false });
    const any = parseArgs(['--port', '0']);
    expect(any.ok && any.args.port).toBe(0);
    expect(parseArgs(['--page', 'javascript:alert(1)'])).toMatchObject({ ok: false });
    expect(parseArgs(['--verbose'])).toMatchObject({ ok: false });
    const lan = parseArgs(['--host', '0.0.0.0', '--port', '4500']);
    expect(lan.ok && lan.args).toMatchObject({ host: '0.0.0.0', port: 4500 });
  });
});
