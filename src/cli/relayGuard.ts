// What the classroom relay lets through, decided message by message before
// y-websocket sees anything (issue 18 §2 and §4). Every connection is hostile
// until it shows the room's key:
//
// - a message is read with lib0's decoder, the one y-websocket itself uses, so
//   the relay and Yjs can never disagree on what a message is (lib0's varuint
//   accepts non-minimal encodings: `0x80 0x00` is message type 0 to both);
// - a connection without the key may send only sync step 1 (a state vector:
//   "what do you have?") and presence; anything else is dropped, and what
//   passes is re-encoded by the relay from what it decoded, never forwarded raw;
// - presence counts one participant per connection: a connection owns the
//   client ids it announced first, may hold only a few (one without the key),
//   and cannot update or remove anyone else's; its updates are rate-limited;
// - presence sent to the key holders is gathered and sent in one message per
//   short interval, so a flood of announcements costs the lecturer's page a
//   few messages a second, not thousands; and the presence of connections
//   without the key never enters y-websocket, whose broadcast of each change
//   to every connection would cost the relay a send per student per change.
//
// Pure functions and small closures with the clock and timer supplied from
// outside, so they are tested without a socket.

import { createRequire } from 'node:module';
import type * as Decoding from 'lib0/decoding';
import type * as Encoding from 'lib0/encoding';

const require = createRequire(import.meta.url);
// the CommonJS build, the very module y-websocket's server utilities load
const decoding = require('lib0/decoding') as typeof Decoding;
const encoding = require('lib0/encoding') as typeof Encoding;

/** y-websocket's message types, and the sync protocol's (y-protocols/sync). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** One participant's presence in an awareness update: its state as the JSON text sent (`null` removes it). */
export interface PresenceEntry {
  readonly clientID: number;
  readonly clock: number;
  readonly state: string;
}

export type Inbound =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  /** sync step 2 or an update: document contents */
  | { readonly kind: 'contents'; readonly syncType: number }
  | { readonly kind: 'syncOther'; readonly syncType: number }
  | { readonly kind: 'awareness'; readonly entries: readonly PresenceEntry[] }
  | { readonly kind: 'otherType'; readonly type: number }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Read a state vector (pairs of client and clock) to its end: throws if it is not one, exactly. */
function checkStateVector(bytes: Uint8Array): void {
  const d = decoding.createDecoder(bytes);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d);
    decoding.readVarUint(d);
  }
  if (decoding.hasContent(d)) throw new Error('bytes after the state vector');
}

function readPresence(bytes: Uint8Array): PresenceEntry[] {
  const d = decoding.createDecoder(bytes);
  const n = decoding.readVarUint(d);
  const entries: PresenceEntry[] = [];
  for (let i = 0; i < n; i++) {
    const clientID = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = decoding.readVarString(d);
    // y-protocols parses it as JSON: what it could not parse must not reach it
    JSON.parse(state);
    entries.push({ clientID, clock, state });
  }
  return entries;
}

/** What a message from a page is, decoded exactly as y-websocket will decode it. */
export function readInbound(message: Uint8Array): Inbound {
  try {
    const d = decoding.createDecoder(message);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE_AWARENESS) return { kind: 'awareness', entries: readPresence(decoding.readVarUint8Array(d)) };
    if (type !== MESSAGE_SYNC) return { kind: 'otherType', type };
    const syncType = decoding.readVarUint(d);
    if (syncType === SYNC_STEP_1) {
      const stateVector = decoding.readVarUint8Array(d);
      checkStateVector(stateVector);
      return { kind: 'syncStep1', stateVector };
    }
    if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) return { kind: 'contents', syncType };
    return { kind: 'syncOther', syncType };
  } catch (error) {
    return { kind: 'malformed', reason: (error as Error).message };
  }
}

export function syncStep1Message(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP_1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

export function presenceMessage(entries: readonly PresenceEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(update, clientID);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(update));
  return encoding.toUint8Array(e);
}

/**
 * Who owns which presence: a connection owns each client id it announced
 * first, up to `cap` of them, until it closes. Entries for ids another
 * connection owns, or beyond the cap, are dropped: one connection is one
 * participant in the count and the tally, and cannot speak for anyone else.
 */
export function presenceLedger<C>() {
  const ownerOf = new Map<number, C>();
  const idsOf = new Map<C, Set<number>>();
  return {
    admit(conn: C, entries: readonly PresenceEntry[], cap: number): PresenceEntry[] {
      let ids = idsOf.get(conn);
      const kept: PresenceEntry[] = [];
      for (const entry of entries) {
        const owner = ownerOf.get(entry.clientID);
        if (owner === conn) {
          kept.push(entry);
        } else if (owner === undefined && (ids?.size ?? 0) < cap) {
          if (!ids) idsOf.set(conn, (ids = new Set()));
          ids.add(entry.clientID);
          ownerOf.set(entry.clientID, conn);
          kept.push(entry);
        }
      }
      return kept;
    },
    /** the connection closed: the ids it owned, free again (for its page's reconnection) */
    release(conn: C): number[] {
      const ids = [...(idsOf.get(conn) ?? [])];
      for (const id of ids) ownerOf.delete(id);
      idsOf.delete(conn);
      return ids;
    },
    owners: () => idsOf.size,
  };
}

/** A token bucket: `burst` at once, then `perSecond`; `now` in milliseconds. */
export function tokenBucket(burst: number, perSecond: number, now: () => number) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) * perSecond) / 1000);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Presence on its way to one key holder: kept by client id (the latest
 * entry wins, as it would on arrival) and sent as one message when
 * `schedule` fires; each id's latest state arrives, in order.
 */
export function presenceBatcher(send: (message: Uint8Array) => void, schedule: (flush: () => void) => void) {
  let pending: Map<number, PresenceEntry> | null = null;
  const flush = () => {
    const entries = [...pending!.values()];
    pending = null;
    send(presenceMessage(entries));
  };
  const add = (entries: readonly PresenceEntry[]): void => {
    if (entries.length === 0) return;
    if (pending === null) {
      pending = new Map();
      schedule(flush);
    }
    for (const entry of entries) {
      // re-inserted so the map's order is the order of the latest changes
      pending.delete(entry.clientID);
      pending.set(entry.clientID, entry);
    }
  };
  return {
    add,
    /** a presence message the relay encoded itself (y-websocket's broadcast of a key holder's presence) */
    addMessage(message: Uint8Array): void {
      const read = readInbound(message);
      if (read.kind === 'awareness') add(read.entries);
    },
  };
}
