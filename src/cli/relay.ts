// The classroom relay: a standard Yjs websocket relay (y-websocket's own
// server utilities) for one room, with one addition: only a connection that
// presents the room's key in its URL (`ws://HOST:PORT/ROOM?key=KEY`) may
// change the document. Every other connection is read-only: its document
// updates are dropped before Yjs sees them, while its presence (awareness)
// still goes through to the pages with the key, so students can be counted
// and answer a poll; it receives no one's presence.
//
// The document of the room is saved to the state folder after each change
// and loaded again on start, with the room's name and key, so a relay that is
// stopped and started again serves the same links and the same lab.

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

const require = createRequire(import.meta.url);

/** The parts of y-websocket's server utilities the relay uses (the package ships no types for them). */
interface YDocLike {
  on(event: 'update', listener: (update: Uint8Array) => void): void;
  conns: Map<unknown, unknown>;
}
interface RelayUtils {
  setupWSConnection(conn: WebSocket, req: IncomingMessage, opts?: { docName?: string; gc?: boolean }): void;
  setPersistence(p: { bindState(name: string, doc: YDocLike): void; writeState(name: string, doc: YDocLike): Promise<void>; provider: unknown } | null): void;
  docs: Map<string, YDocLike>;
}
interface YjsLike {
  encodeStateAsUpdate(doc: YDocLike): Uint8Array;
  applyUpdate(doc: YDocLike, update: Uint8Array): void;
}

/** y-websocket's message types, and the sync protocol's: see y-protocols/sync. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;

export interface RelayOptions {
  readonly port: number;
  readonly host: string;
  /** where the room's name, key and document are kept between runs */
  readonly stateDir: string;
  /** start a new room even if the state folder holds one */
  readonly fresh?: boolean;
}

export interface Relay {
  readonly room: string;
  readonly key: string;
  readonly port: number;
  readonly host: string;
  /** connections open now, and how many of them may write */
  connections(): { readonly all: number; readonly writers: number };
  close(): Promise<void>;
}

const ROOM_NAME = /^[a-z0-9-]{1,40}$/;

interface RoomFile {
  readonly room: string;
  readonly key: string;
}

function loadRoom(stateDir: string, fresh: boolean): RoomFile {
  if (!fresh) {
    try {
      const saved = JSON.parse(readFileSync(join(stateDir, 'room.json'), 'utf8')) as Partial<RoomFile>;
      if (typeof saved.room === 'string' && ROOM_NAME.test(saved.room) && typeof saved.key === 'string' && saved.key.length >= 16) {
        return { room: saved.room, key: saved.key };
      }
    } catch {
      // no saved room (or an unreadable one): start a new one
    }
  }
  const room = `lab-${randomBytes(4).toString('hex')}`;
  const key = randomBytes(18).toString('base64url');
  writeAtomically(join(stateDir, 'room.json'), JSON.stringify({ room, key }));
  return { room, key };
}

function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

function sameKey(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a message from a read-only connection may reach the document: its
 * awareness, and its request for the document's state (sync step 1), yes;
 * document contents (sync step 2, updates), no.
 */
export function readOnlyMayPass(message: Uint8Array): boolean {
  if (message.length === 0) return false;
  // both type numbers are below 128, so each is one byte of lib0's varuint
  if (message[0] !== MESSAGE_SYNC) return true;
  return message[1] === SYNC_STEP_1;
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  return data as Uint8Array;
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  // y-websocket's utilities are CommonJS and load Yjs as CommonJS: the relay
  // takes Yjs from the same place, so there is one copy of it in the process
  const utils = require('y-websocket/bin/utils') as RelayUtils;
  const Y = require('yjs') as YjsLike;
  mkdirSync(options.stateDir, { recursive: true });
  const { room, key } = loadRoom(options.stateDir, options.fresh ?? false);
  const docFile = join(options.stateDir, `${room}.yjs`);
  let saveTimer: NodeJS.Timeout | null = null;
  let roomDoc: YDocLike | null = null;
  const save = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (roomDoc) writeAtomically(docFile, Y.encodeStateAsUpdate(roomDoc));
  };
  utils.setPersistence({
    provider: null,
    bindState(name, doc) {
      if (name !== room) return;
      roomDoc = doc;
      try {
        Y.applyUpdate(doc, new Uint8Array(readFileSync(docFile)));
      } catch {
        // nothing saved yet
      }
      // coalesce a burst of changes into one write
      doc.on('update', () => {
        saveTimer ??= setTimeout(save, 50);
      });
    },
    // the last connection left: y-websocket drops the document from memory, so save it now
    writeState: async (name) => {
      if (name === room) save();
    },
  });

  const writers = new Set<WebSocket>();
  const all = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`lparlab classroom relay: room ${room}\n`);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'ws://relay');
    const name = decodeURIComponent(url.pathname.slice(1));
    if (name !== room) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const mayWrite = sameKey(url.searchParams.get('key'), key);
    wss.handleUpgrade(req, socket, head, (conn) => {
      all.add(conn);
      if (mayWrite) writers.add(conn);
      conn.on('close', () => {
        all.delete(conn);
        writers.delete(conn);
      });
      if (!mayWrite) {
        // presence goes to the pages with the key only: students do not see
        // each other's names and answers, and each change is sent once per
        // lecturer instead of once per student (300 students renewing every
        // 15 s would otherwise cost the relay 6,000 messages a second)
        const send = conn.send.bind(conn) as (data: Uint8Array, opts: object, cb?: (err?: Error) => void) => void;
        conn.send = ((data: Uint8Array, opts: object, cb?: (err?: Error) => void) => {
          if (data[0] === MESSAGE_AWARENESS) return;
          send(data, opts, cb);
        }) as WebSocket['send'];
        // y-websocket's connection handler subscribes to 'message' itself:
        // hand it only what a read-only connection may send
        const on = conn.on.bind(conn) as (event: string, listener: (...args: unknown[]) => void) => WebSocket;
        conn.on = ((event: string, listener: (...args: unknown[]) => void) =>
          event === 'message'
            ? on('message', (data: unknown, ...rest: unknown[]) => {
                if (readOnlyMayPass(toBytes(data))) listener(data, ...rest);
              })
            : on(event, listener)) as WebSocket['on'];
      }
      utils.setupWSConnection(conn, req, { docName: room });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    room,
    key,
    port,
    host: options.host,
    connections: () => ({ all: all.size, writers: writers.size }),
    async close() {
      for (const conn of all) conn.terminate();
      if (saveTimer) save();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      utils.docs.delete(room);
      utils.setPersistence(null);
    },
  };
}

/**
 * The two links the relay prints: the lecturer's (with the key) and the
 * students'. The relay's address stays readable in the query (`:` and `/` may
 * stand there unescaped); the room and key are of URL-safe characters.
 */
export function classroomLinks(page: string, relay: { room: string; key: string; port: number }, publicHost: string) {
  const url = new URL(page);
  url.hash = '';
  const base = url.toString();
  const students = `${base}${url.search ? '&' : '?'}room=${encodeURIComponent(relay.room)}&relay=ws://${publicHost}:${relay.port}`;
  return { lecturer: `${students}&key=${encodeURIComponent(relay.key)}`, students };
}
