// The classroom relay, run as `npm run classroom` would run it, with Yjs
// clients of the real provider: who may write, and what survives a restart;
// and its pieces (the read-only rule, addresses, links, options). What no
// provider would send (issue 18) is relayAttacks.test.ts.

import { rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLines, readMeta, replaceLines, roomLines } from '../ui/classroom/room.ts';
import { parseArgs } from './classroom.ts';
import { classroomLinks, parseTarget, readOnlyMayPass } from './relay.ts';
import { presenceMessage, readInbound } from './relayGuard.ts';
import { client, eventually, relay, stopEverything, synced } from './relayTesting.ts';
afterEach(stopEverything);
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
    expect(readOnlyMayPass(presenceMessage([{ clientID: 5, clock: 1, state: '{"name":"ada"}' }]))).toBe(true); // awareness
    expect(readOnlyMayPass(Uint8Array.of(0, 0, 1, 0))).toBe(true); // sync step 1: "what do you have?"
    expect(readOnlyMayPass(Uint8Array.of(0, 1, 2, 0, 0))).toBe(false); // sync step 2: contents
    expect(readOnlyMayPass(Uint8Array.of(0, 2, 2, 0, 0))).toBe(false); // update
    expect(readOnlyMayPass(new Uint8Array(0))).toBe(false);
    // 0x80 0x00 is type 0 to lib0's decoder, as to y-websocket's: a sync update in disguise
    expect(readOnlyMayPass(Uint8Array.of(0x80, 0, 2, 2, 0, 0))).toBe(false);
    expect(readInbound(Uint8Array.of(0x80, 0x80, 0, 0x81, 0, 2, 0, 0)).kind).toBe('contents');
  });

  it('reads the room and key of a websocket address, and refuses a malformed one without throwing', () => {
    expect(parseTarget('/lab-1?key=k%2By')).toEqual({ ok: true, name: 'lab-1', key: 'k+y' });
    expect(parseTarget('/lab-1')).toEqual({ ok: true, name: 'lab-1', key: null });
    for (const bad of ['/%', '//[', '/%E0%A4%A']) expect(parseTarget(bad)).toEqual({ ok: false });
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
