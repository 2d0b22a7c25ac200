// What the relay lets through, message by message, with no socket: the
// decoding of every message type in every encoding lib0 accepts, presence
// ownership, the rate limit and the batching of presence to the lecturer.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { readOnlyMayPass } from './relay.ts';
import { presenceBatcher, presenceLedger, presenceMessage, readInbound, tokenBucket } from './relayGuard.ts';
import type { PresenceEntry } from './relayGuard.ts';

/** `n` as lib0's varuint, padded with `extra` continuation bytes that add nothing (non-minimal, still accepted by readVarUint). */
function varUint(n: number, extra = 0): number[] {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  const bytes = [...encoding.toUint8Array(e)];
  for (let i = 0; i < extra; i++) {
    bytes[bytes.length - 1]! |= 0x80;
    bytes.push(0x00);
  }
  return bytes;
}

function varBytes(bytes: Uint8Array): number[] {
  const e = encoding.createEncoder();
  encoding.writeVarUint8Array(e, bytes);
  return [...encoding.toUint8Array(e)];
}

/** An update that would add a line to the room's lab. */
function hostileUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray<string>('lines').push(['lpar_end(A)']);
  return Y.encodeStateAsUpdate(doc);
}

const stateVector = Y.encodeStateVector(new Y.Doc());
const presence = (entries: readonly PresenceEntry[]) => presenceMessage(entries);
const entry = (clientID: number, clock: number, state: object | null = { name: `p${clientID}` }): PresenceEntry => ({ clientID, clock, state: JSON.stringify(state) });

describe('the messages a connection without the key may send', () => {
  it('are state requests and presence, whatever the encoding of their type numbers', () => {
    for (const extra of [0, 1, 2]) {
      expect(readOnlyMayPass(Uint8Array.from([...varUint(0, extra), ...varUint(0, extra), ...varBytes(stateVector)]))).toBe(true);
      // presenceMessage is [1, the update]: the same update behind a padded type number
      expect(readOnlyMayPass(Uint8Array.from([...varUint(1, extra), ...presence([entry(5, 1)]).slice(1)]))).toBe(true);
    }
  });

  it('never carry document contents: every message type and every sync sub-type, in minimal and non-minimal encodings', () => {
    const update = varBytes(hostileUpdate());
    const types = [...Array.from({ length: 300 }, (_, i) => i), 2 ** 14, 2 ** 21, 2 ** 35, Number.MAX_SAFE_INTEGER];
    for (const extra of [0, 1, 2]) {
      for (const type of types) {
        if (type === 0 || type === 1) continue;
        // another message type followed by what would be a sync update
        const other = Uint8Array.from([...varUint(type, extra), ...varUint(2), ...update]);
        expect(readInbound(other)).toMatchObject({ kind: 'otherType', type });
        expect(readOnlyMayPass(other)).toBe(false);
      }
      for (const sub of types) {
        const sync = Uint8Array.from([...varUint(0, extra), ...varUint(sub, extra), ...update]);
        // sync step 1 with an update where the state vector goes is not a state vector either
        expect(readOnlyMayPass(sync), `sync sub-type ${sub}, ${extra} padding bytes`).toBe(false);
      }
      // 0x80 0x00 and 0x80 0x80 0x00 are message type 0 to lib0, and so to the relay
      expect(readInbound(Uint8Array.from([...varUint(0, extra), ...varUint(2, extra), ...update]))).toEqual({ kind: 'contents', syncType: 2 });
      expect(readInbound(Uint8Array.from([...varUint(0, extra), ...varUint(1, extra), ...update]))).toEqual({ kind: 'contents', syncType: 1 });
    }
    expect(varUint(0, 1)).toEqual([0x80, 0x00]);
    expect(varUint(0, 2)).toEqual([0x80, 0x80, 0x00]);
  });

  it('are dropped when they cannot be decoded to their end', () => {
    expect(readInbound(new Uint8Array(0)).kind).toBe('malformed');
    expect(readInbound(Uint8Array.of(0x80)).kind).toBe('malformed');
    expect(readInbound(Uint8Array.of(0, 0, 5, 1)).kind).toBe('malformed'); // a state vector cut short
    const bad = encoding.createEncoder();
    encoding.writeVarUint(bad, 1);
    encoding.writeVarUint(bad, 5);
    encoding.writeVarUint(bad, 1);
    encoding.writeVarString(bad, '{not json');
    expect(readInbound(Uint8Array.from([1, ...varBytes(encoding.toUint8Array(bad))])).kind).toBe('malformed');
    expect(readOnlyMayPass(Uint8Array.from([1, ...varBytes(encoding.toUint8Array(bad))]))).toBe(false);
  });

  it('decode presence entry by entry, and encode back to the same bytes', () => {
    const entries = [entry(7, 3), entry(8, 1, null)];
    const message = presenceMessage(entries);
    expect(readInbound(message)).toEqual({ kind: 'awareness', entries });
    const read = readInbound(message);
    expect(read.kind === 'awareness' && presenceMessage(read.entries)).toEqual(message);
  });
});

describe('presence, one participant per connection', () => {
  it('gives a connection the ids it announced first, up to its cap, and no one else\'s', () => {
    const ledger = presenceLedger<string>();
    const stuffed = Array.from({ length: 300 }, (_, i) => entry(1000 + i, 1));
    expect(ledger.admit('mallory', stuffed, 1)).toEqual([stuffed[0]]);
    // a later message for another id, or the first one again
    expect(ledger.admit('mallory', [entry(2000, 1)], 1)).toEqual([]);
    expect(ledger.admit('mallory', [entry(1000, 2)], 1)).toEqual([entry(1000, 2)]);
    // alice's presence is hers: mallory can neither change nor remove it
    expect(ledger.admit('alice', [entry(42, 1)], 1)).toEqual([entry(42, 1)]);
    expect(ledger.admit('mallory', [entry(42, 9, { answer: 'The control OS' }), entry(42, 10, null)], 1)).toEqual([]);
    expect(ledger.admit('alice', [entry(1000, 5)], 1)).toEqual([]);
    expect(ledger.owners()).toBe(2);
    // alice leaves: her id is free for her reconnection
    expect(ledger.release('alice')).toEqual([42]);
    expect(ledger.admit('alice again', [entry(42, 2)], 1)).toEqual([entry(42, 2)]);
    expect(ledger.owners()).toBe(2);
  });

  it('lets a key holder hold a few', () => {
    const ledger = presenceLedger<string>();
    const six = Array.from({ length: 6 }, (_, i) => entry(i + 1, 1));
    expect(ledger.admit('lecturer', six, 4)).toEqual(six.slice(0, 4));
  });
});

describe('the rate limit of presence', () => {
  it('lets a burst through, then the rate, never more', () => {
    let now = 0;
    const bucket = tokenBucket(10, 2, () => now);
    const passed = () => Array.from({ length: 100 }, () => bucket.take()).filter(Boolean).length;
    expect(passed()).toBe(10);
    now += 1000;
    expect(passed()).toBe(2);
    now += 250;
    expect(passed()).toBe(0);
    now += 250;
    expect(passed()).toBe(1);
    now += 3_600_000; // an hour idle fills the bucket to its burst, not beyond
    expect(passed()).toBe(10);
  });
});

describe('presence gathered for the lecturer', () => {
  it('sends one message per interval with each participant\'s latest state, a removal included', () => {
    const sent: Uint8Array[] = [];
    const timers: (() => void)[] = [];
    const batch = presenceBatcher((m) => sent.push(m), (flush) => timers.push(flush));
    for (let clock = 1; clock <= 50; clock++) batch.add([entry(1, clock, { n: clock }), entry(2, clock, { n: -clock })]);
    batch.addMessage(presenceMessage([entry(2, 50, null)]));
    expect(sent).toEqual([]);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    expect(sent).toHaveLength(1);
    expect(readInbound(sent[0]!)).toEqual({ kind: 'awareness', entries: [entry(1, 50, { n: 50 }), entry(2, 50, null)] });
    // the next change starts a new interval
    batch.add([entry(3, 1)]);
    batch.add([]);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    expect(readInbound(sent[1]!)).toEqual({ kind: 'awareness', entries: [entry(3, 1)] });
  });
});
