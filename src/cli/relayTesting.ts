// What the relay's tests share: relays started on free ports in folders of
// their own, Yjs clients of the real provider, and raw sockets; everything
// started is stopped and removed by \`stopEverything\` after each test.

import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roomLines } from '../ui/classroom/room.ts';
import { spawnRelay } from './relayProcess.ts';
import type { RelayProcess } from './relayProcess.ts';

const started: RelayProcess[] = [];
const providers: WebsocketProvider[] = [];
const dirs: string[] = [];
const sockets: (Socket | WebSocket)[] = [];

/** Remembers a raw socket so that \`stopEverything\` closes it. */
export function track<S extends Socket | WebSocket>(socket: S): S {
  sockets.push(socket);
  return socket;
}

export async function stopEverything(): Promise<void> {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of sockets.splice(0)) {
    // a websocket still connecting reports its end as an error
    s.on('error', () => {});
    if (s instanceof WebSocket) s.terminate();
    else s.destroy();
  }
  for (const r of started.splice(0)) await r.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A new empty folder, removed after the test. */
export function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lparlab-relay-'));
  dirs.push(dir);
  return dir;
}

/** A relay on a free port (or, started again, on the port the first one took). */
export async function relay(stateDir?: string, port = 0, extraArgs: readonly string[] = []) {
  const dir = stateDir ?? folder();
  const r = await spawnRelay({ port, stateDir: dir, page: 'http://127.0.0.1:4173/', extraArgs });
  started.push(r);
  return { ...r, dir };
}

export function client(r: { url: string; room: string }, key?: string) {
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

export const synced = (p: WebsocketProvider) => vi.waitFor(() => expect(p.synced).toBe(true), { timeout: 15_000 });
export const eventually = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });
