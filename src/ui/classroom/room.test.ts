// The room's document as a hostile writer may leave it (issue 18 §3): every
// shape is read without throwing, and a lab no page can use is refused with
// words for the classroom strip, with the limits of a share link.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRoom, replaceLines, roomLines, roomMeta } from './room.ts';
import { LINK_LIMITS } from '../share/shareLink.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { englishIn } from '../../i18n/englishIn.ts';

const ja = makeTranslate('ja', readCatalog('ja'));

const GOOD = { seed: 1, frames: 256, groups: 3, units: 8, lesson: null, step: null, position: 0, playing: false } as const;

function room(lines: readonly unknown[], meta: Record<string, unknown> = {}): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const m = roomMeta(doc);
    for (const [k, v] of Object.entries({ ...GOOD, ...meta })) m.set(k, v);
    roomLines(doc).push(lines as string[]);
  });
  return doc;
}

const HOSTILE: readonly [string, () => Y.Doc, RegExp][] = [
  ['a line that is a number', () => room(['a = 1', 42]), /line 2 is a number/],
  ['a line that is an object', () => room([{ run: 'x' }]), /line 1 is an object/],
  ['a line that is null', () => room([null]), /line 1 is null/],
  ['a line that is a nested Yjs type', () => room([new Y.Map()]), /line 1 is a nested Yjs type/],
  ['a line of Yjs text', () => room([new Y.Text('a = 1')]), /line 1 is a nested Yjs type/],
  ['a line with a line break', () => room(['a = 1\nb = 2']), /line 1 holds a line break/],
  ['a line longer than a link allows', () => room(['x'.repeat(LINK_LIMITS.lineLength + 1)]), /line 1 is longer than 4096/],
  ['more lines than a link carries', () => room(Array.from({ length: LINK_LIMITS.lines + 1 }, () => 'x = 1')), /2001 lines; at most 2000/],
  ['lines of more than a link unpacks to', () => room(Array.from({ length: 100 }, () => 'x'.repeat(3000))), /more than 256 KiB/],
  ['5 frames', () => room([], { frames: 5 }), /frames must be a whole number from 128/],
  ['256.5 frames', () => room([], { frames: 256.5 }), /frames must be a whole number/],
  ['frames as text', () => room([], { frames: '256' }), /frames is text, not a number/],
  ['99 groups', () => room([], { groups: 99 }), /groups must be a whole number from 1 to 8/],
  ['1 group', () => room([], { groups: 1 }), /groups must be 2 to 8/],
  ['a seed of -1', () => room([], { seed: -1 }), /the seed must be a whole number/],
  ['a seed of NaN', () => room([], { seed: Number.NaN }), /the seed must be a whole number/],
  ['a seed that is a map', () => room([], { seed: new Y.Map() }), /seed is a nested Yjs type/],
  ['units of 1e21', () => room([], { units: 1e21 }), /units per group must be/],
  ['a step of -1', () => room([], { lesson: 'flip', step: -1 }), /the step must be a whole number/],
  ['a step of 1.5', () => room([], { lesson: 'flip', step: 1.5 }), /the step must be a whole number/],
  ['a lesson that is a number', () => room([], { lesson: 7 }), /the lesson is a number/],
  ['a lesson name no lesson has', () => room([], { lesson: '../x' }), /not one a lesson can have/],
  ['a moment shown of -3', () => room([], { position: -3 }), /the moment shown must be/],
  ['a moment shown as an object', () => room([], { position: {} }), /the moment shown is an object/],
];

describe('a hostile room document', () => {
  for (const [name, make, message] of HOSTILE) {
    it(`is refused with a reason: ${name}`, () => {
      const read = readRoom(make());
      expect(read.kind).toBe('invalid');
      expect(read.kind === 'invalid' && read.message).toMatch(message);
    });
    it(`says why in the strip's language: ${name}`, () => {
      const read = readRoom(make());
      if (read.kind !== 'invalid') throw new Error('not refused');
      // the English catalog says exactly the sentence; Japanese leaves no English but the link's own KiB (issue 23)
      expect(wordsIn(translateEnglish, read.words)).toBe(read.message);
      expect(englishIn(wordsIn(ja, read.words), 'KiB')).toEqual([]);
    });
  }

  it('a root type of another kind where the lines belong is refused, not thrown on', () => {
    const doc = new Y.Doc();
    doc.getMap('lines').set('0', 'x');
    roomMeta(doc).set('seed', 1);
    expect(readRoom(doc)).toEqual({ kind: 'invalid', message: 'its document is not shaped like a room', words: { id: 'classroom.room.shape' } });
  });

  it('a step past the lesson\'s end opens its last step and says so, as a link does', () => {
    const read = readRoom(room(['@A a = area(4096)'], { lesson: 'flip', step: 99 }));
    expect(read.kind).toBe('lab');
    if (read.kind !== 'lab') return;
    expect(read.lab.meta.lesson).toBe('flip');
    expect(read.lab.meta.step).toBeLessThan(99);
    expect(read.lab.note && translateEnglish(read.lab.note.key, read.lab.note.values)).toMatch(/opens at the last one/);
  });

  it('a lesson this page does not have (the lecturer\'s own file) is followed without the lesson', () => {
    const read = readRoom(room([], { lesson: 'my-own-lesson', step: 2 }));
    expect(read.kind === 'lab' && read.lab.meta.lesson).toBeNull();
    expect(read.kind === 'lab' && read.lab.note && translateEnglish(read.lab.note.key, read.lab.note.values)).toMatch(/not one this page has/);
  });

  it('a room nobody has published to is empty, and a lecturer\'s lab reads back whole', () => {
    expect(readRoom(new Y.Doc())).toEqual({ kind: 'empty' });
    const doc = new Y.Doc();
    replaceLines(doc, ['@A a = area(4096)'], { ...GOOD, seed: 9, lesson: 'flip', step: 2, position: 40, playing: true });
    expect(readRoom(doc)).toEqual({
      kind: 'lab',
      lab: {
        meta: { seed: 9, frames: 256, groups: 3, units: 8, lesson: 'flip', step: 2, position: 40, playing: true, reveal: false, tally: [] },
        lines: ['@A a = area(4096)'],
        note: null,
      },
    });
  });
});
