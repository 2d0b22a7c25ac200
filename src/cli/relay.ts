// The classroom relay: a standard Yjs websocket relay (y-websocket's own
// server utilities) for one room, with one addition: only a connection that
// presents the room's key in its URL (`ws://HOST:PORT/ROOM?key=KEY`) may
// change the document. Every other connection is read-only: its document
// updates are dropped before Yjs sees them, while its presence (awareness)
// still goes through to the pages with the key, so students can be counted
// and answer a poll; it receives no one's presence.
//
// The document of the room is saved to the state folder after each change
// and loaded again on start (relayRoom.ts).

import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { MESSAGE_AWARENESS, presenceBatcher, presenceLedger, presenceMessage, readInbound, syncStep1Message, tokenBucket } from './relayGuard.ts';
import type { PresenceEntry } from './relayGuard.ts';
import { loadRoom, roomStore } from './relayRoom.ts';
import type { YDocLike, YjsLike } from './relayRoom.ts';

const require = createRequire(import.meta.url);

/** The parts of y-websocket's server utilities the relay uses (the package ships no types for them). */
interface RelayUtils {
  setupWSConnection(conn: WebSocket, req: IncomingMessage, opts?: { docName?: string; gc?: boolean }): void;
  setPersistence(p: { bindState(name: string, doc: YDocLike): void; writeState(name: string, doc: YDocLike): Promise<void>; provider: unknown } | null): void;
  docs: Map<string, YDocLike>;
}

/** Connections without the key from one client address, by default (`--max-per-address`). */
export const DEFAULT_MAX_PER_ADDRESS = 32;
/** Presence updates a connection may send at once, then per second; more are dropped (the page renews every 15 s). */
const PRESENCE_BURST = 10;
const PRESENCE_PER_SECOND = 2;
/** State requests (sync step 1) a keyless connection may send at once, then per second: each costs an encoding of the document. */
const SYNC_BURST = 5;
const SYNC_PER_SECOND = 0.5;
/** Presences one connection may hold: a student's page has one; a key holder's tool may have a few. */
const READER_PRESENCES = 1;
const WRITER_PRESENCES = 4;
/** Presence for a key holder is gathered this long and sent as one message. */
const PRESENCE_BATCH_MS = 100;

export interface RelayOptions {
  readonly port: number;
  readonly host: string;
  /** where the room's name, key and document are kept between runs */
  readonly stateDir: string;
  /** start a new room even if the state folder holds one */
  readonly fresh?: boolean;
  /** connections without the key allowed from one client address (default DEFAULT_MAX_PER_ADDRESS) */
  readonly maxPerAddress?: number;
  /** where the relay says what went wrong with its files (default: standard error) */
  readonly log?: (line: string) => void;
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

/**
 * A listening server reports later failures (no file descriptor left to
 * accept a connection with, EMFILE, when a class opens more than the system
 * allows) as 'error' events: unheard, one would end the relay and the class.
 * Say it and go on; the connections already open are not affected.
 */
export function keepListening(server: Server, log: (line: string) => void): void {
  server.removeAllListeners('error');
  server.on('error', (error: NodeJS.ErrnoException) => log(`the relay could not take a connection (${error.code ?? error.message}); it goes on serving the others`));
}

function sameKey(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The room and key an upgrade request names, or why it names none (a malformed path gets 400, never an exception). */
export function parseTarget(url: string | undefined): { ok: true; name: string; key: string | null } | { ok: false } {
  try {
    const parsed = new URL(url ?? '/', 'ws://relay');
    return { ok: true, name: decodeURIComponent(parsed.pathname.slice(1)), key: parsed.searchParams.get('key') };
  } catch {
    return { ok: false };
  }
}

/**
 * Whether a message from a connection without the key may reach Yjs at all:
 * a state request (sync step 1) or presence, decoded as y-websocket decodes
 * it; never document contents, whatever the encoding of its type numbers.
 */
export function readOnlyMayPass(message: Uint8Array): boolean {
  const read = readInbound(message);
  return read.kind === 'syncStep1' || read.kind === 'awareness';
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data as Buffer[]));
  return data as Uint8Array;
}

function refuse(socket: NodeJS.WritableStream & { destroy(): void }, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  // y-websocket's utilities are CommonJS and load Yjs as CommonJS: the relay
  // takes Yjs from the same place, so there is one copy of it in the process
  const utils = require('y-websocket/bin/utils') as RelayUtils;
  const Y = require('yjs') as YjsLike;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { stateDir } = options;
  const maxPerAddress = options.maxPerAddress ?? DEFAULT_MAX_PER_ADDRESS;
  mkdirSync(stateDir, { recursive: true });
  const { room, key } = loadRoom(stateDir, options.fresh ?? false, log);
  const store = roomStore({ stateDir, room, key, Y, fresh: options.fresh ?? false, log });
  utils.setPersistence({
    provider: null,
    bindState(name, doc) {
      if (name === room) store.bind(doc);
    },
    // the last connection left: y-websocket drops the document from memory, so save it now
    writeState: async (name) => {
      if (name === room) store.save();
    },
  });

  const writers = new Set<WebSocket>();
  const all = new Set<WebSocket>();
  const fromAddress = new Map<string, number>();
  const ledger = presenceLedger<WebSocket>();
  // the presence of the connections without the key, kept here and sent to
  // the key holders only: it never enters y-websocket, which would send each
  // change to every connection (a send per student per change: a thousand
  // announcing pages would cost a million sends a second)
  const presences = new Map<number, PresenceEntry>();
  const toKeyHolders = new Map<WebSocket, ReturnType<typeof presenceBatcher>>();
  const tellKeyHolders = (entries: readonly PresenceEntry[]) => {
    for (const batch of toKeyHolders.values()) batch.add(entries);
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`lparlab classroom relay: room ${room}\n`);
  });

  server.on('upgrade', (req, socket, head) => {
    // a peer that resets the connection mid-handshake must not end the relay
    socket.on('error', () => {});
    const target = parseTarget(req.url);
    if (!target.ok) return refuse(socket, '400 Bad Request');
    if (target.name !== room) return refuse(socket, '404 Not Found');
    const mayWrite = sameKey(target.key, key);
    if (!mayWrite) {
      // one address, a bounded number of seats: a student's script cannot
      // open a thousand connections to stuff the room (the key holder is never refused)
      const address = req.socket.remoteAddress ?? '';
      const open = fromAddress.get(address) ?? 0;
      if (open >= maxPerAddress) return refuse(socket, '429 Too Many Requests');
      fromAddress.set(address, open + 1);
      socket.once('close', () => {
        const left = (fromAddress.get(address) ?? 1) - 1;
        if (left > 0) fromAddress.set(address, left);
        else fromAddress.delete(address);
      });
    }
    wss.handleUpgrade(req, socket, head, (conn) => {
      // a bad frame (text that is not UTF-8, an unmasked frame, reserved bits,
      // a message over maxPayload): ws closes this connection with 1002, 1007
      // or 1009 and reports it here; unheard, the event would end the process
      conn.on('error', () => {});
      all.add(conn);
      if (mayWrite) writers.add(conn);
      conn.on('close', () => {
        all.delete(conn);
        writers.delete(conn);
        toKeyHolders.delete(conn);
        // its presences leave with it: a removal (the same clock, no state) for each
        const gone: PresenceEntry[] = [];
        for (const id of ledger.release(conn)) {
          const last = presences.get(id);
          if (!last) continue;
          presences.delete(id);
          gone.push({ clientID: id, clock: last.clock, state: 'null' });
        }
        tellKeyHolders(gone);
      });
      // ws's own send, before the wrappers below
      const send = conn.send.bind(conn) as (data: Uint8Array, opts: object, cb?: (err?: Error) => void) => void;
      const presence = tokenBucket(PRESENCE_BURST, PRESENCE_PER_SECOND, () => performance.now());
      const requests = tokenBucket(SYNC_BURST, SYNC_PER_SECOND, () => performance.now());
      // what of a message reaches Yjs: from a key holder, the message itself
      // (its presence limited as everyone's); from anyone else only a state
      // request or its own presence, re-encoded from what the relay decoded.
      // null: dropped
      const admit = (message: Uint8Array): Uint8Array | null => {
        const read = readInbound(message);
        switch (read.kind) {
          case 'awareness': {
            if (!presence.take()) return null;
            const own = ledger.admit(conn, read.entries, mayWrite ? WRITER_PRESENCES : READER_PRESENCES);
            if (mayWrite) return own.length > 0 ? presenceMessage(own) : null;
            for (const entry of own) {
              if (entry.state === 'null') presences.delete(entry.clientID);
              else presences.set(entry.clientID, entry);
            }
            tellKeyHolders(own);
            // its own presence back to it, as y-websocket echoes presence to
            // everyone: a provider that hears nothing for 30 s drops the
            // connection and reconnects (and its student leaves the count)
            if (own.length > 0 && conn.readyState === conn.OPEN) send(presenceMessage(own), {});
            return null;
          }
          case 'syncStep1':
            if (mayWrite) return message;
            return requests.take() ? syncStep1Message(read.stateVector) : null;
          case 'contents':
          case 'syncOther':
          case 'otherType':
            return mayWrite ? message : null;
          case 'malformed':
            return null;
          default: {
            // every kind of message is handled above (the compiler checks it)
            const unknown: never = read;
            return unknown;
          }
        }
      };
      if (mayWrite) {
        // presence reaches a key holder gathered, a few messages a second however many announce
        const batch = presenceBatcher(
          (message) => {
            if (conn.readyState === conn.OPEN) send(message, {});
          },
          (flush) => setTimeout(flush, PRESENCE_BATCH_MS).unref(),
        );
        conn.send = ((data: Uint8Array, opts: object, cb?: (err?: Error) => void) => {
          if (data[0] === MESSAGE_AWARENESS) batch.addMessage(data);
          else send(data, opts, cb);
        }) as WebSocket['send'];
        toKeyHolders.set(conn, batch);
        // everyone already there (y-websocket sends the key holders' own presence)
        batch.add([...presences.values()]);
      } else {
        // presence goes to the pages with the key only: students do not see
        // each other's names and answers (y-websocket sends a key holder's
        // presence to every connection; it stops here)
        conn.send = ((data: Uint8Array, opts: object, cb?: (err?: Error) => void) => {
          if (data[0] === MESSAGE_AWARENESS) return;
          send(data, opts, cb);
        }) as WebSocket['send'];
      }
      // y-websocket's connection handler subscribes to 'message' itself:
      // hand it only what this connection may send
      const on = conn.on.bind(conn) as (event: string, listener: (...args: unknown[]) => void) => WebSocket;
      conn.on = ((event: string, listener: (...args: unknown[]) => void) =>
        event === 'message'
          ? on('message', (data: unknown) => {
              const passed = admit(toBytes(data));
              if (passed) listener(passed);
            })
          : on(event, listener)) as WebSocket['on'];
      utils.setupWSConnection(conn, req, { docName: room });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  keepListening(server, log);
  const port = (server.address() as AddressInfo).port;

  return {
    room,
    key,
    port,
    host: options.host,
    connections: () => ({ all: all.size, writers: writers.size }),
    async close() {
      for (const conn of all) conn.terminate();
      store.flush();
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
