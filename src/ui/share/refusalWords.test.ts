// Issue 23: what a bad link says, in the reader's language. Every refusal of a
// share link (decodeLink), and of the page's own query (?frames, ?tags,
// ?lesson&step: readOpening), carries words beside its English sentence: the
// English catalog must say exactly that sentence, and Japanese must say it
// with no English left but what the link itself held (a lesson's name, a
// tag style typed) and the units every language writes (KiB).

import { describe, expect, it } from 'vitest';
import type { Words } from '../../engine/index.ts';
import { decodeLink, encodeLink, LINK_LIMITS, pump, toBase64Url } from './shareLink.ts';
import { decodeAssignmentLink } from '../homework/assignmentLink.ts';
import { decodeLessonLink } from '../lessons/lessonLink.ts';
import { readOpening } from '../app/mode.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';
import { englishIn } from '../../i18n/englishIn.ts';

const ja = makeTranslate('ja', readCatalog('ja'));
const LAB = { config: { seed: 1, frames: 256, groups: 3, unitsPerGroup: 8 }, lines: ['ps'], lesson: null, step: null, at: null };

/** The refused link's English and words; fails when the link is not refused. */
async function refusal(fragment: string): Promise<{ message: string; words: Words }> {
  const result = await decodeLink(fragment);
  if (result === null || result.ok) throw new Error(`${fragment.slice(0, 60)} was not refused`);
  return result;
}

/** Each way a share link is refused, and the words of the link the Japanese may keep as they are. */
const LINKS: readonly [string, () => Promise<string>, RegExp, string][] = [
  ['a foreign fragment', async () => 'section-2', /not an lparlab link/, ''],
  ['frames below the minimum', async () => 'v=1&seed=1&frames=12&lines=', /frames must be a whole number from 128/, ''],
  ['frames of 0', async () => 'v=1&seed=1&frames=0&lines=', /frames must be a whole number from 1 to/, ''],
  ['one processor group', async () => 'v=1&seed=1&groups=1&lines=', /groups must be 2 to 8/, ''],
  ['nine groups', async () => 'v=1&seed=1&groups=9&lines=', /groups must be a whole number from 1 to 8/, ''],
  ['one unit per group', async () => 'v=1&seed=1&units=1&lines=', /units per group must be 2 to 16/, ''],
  ['a bad seed', async () => 'v=1&seed=-3&lines=', /the seed must be a whole number/, ''],
  ['a step past 100', async () => 'v=1&seed=1&step=9999&lines=', /step is out of range/, ''],
  ['a lesson that does not exist', async () => 'v=1&seed=1&lesson=nope&lines=', /no lesson "nope"/, 'nope'],
  ['a negative playhead', async () => 'v=1&seed=1&at=-1&lines=', /the moment shown must be/, ''],
  ['a tag style that does not exist', async () => 'v=1&seed=1&tags=paragraphs&lines=', /tags must be patent, steps or none, not "paragraphs"/, 'patent steps none paragraphs'],
  ['lines not in base64url', async () => 'v=1&seed=1&lines=%%%', /not base64url/, ''],
  ['lines that do not inflate', async () => 'v=1&seed=1&lines=AAAAAAAAAAAAAAAA_w', /damaged|cut short|not text/, ''],
  ['an oversized fragment', async () => `v=1&seed=1&lines=${'A'.repeat(LINK_LIMITS.fragment)}`, /too long/, ''],
  ['too many commands', async () => encodeLink({ ...LAB, lines: Array.from({ length: LINK_LIMITS.lines + 1 }, () => 'ps') }), /at most 2000 can be replayed/, ''],
  ['a command too long', async () => encodeLink({ ...LAB, lines: ['x'.repeat(LINK_LIMITS.lineLength + 1)] }), /A command in this link is too long/, ''],
  ['commands past the inflated limit', async () => encodeLink({ ...LAB, lines: Array.from({ length: 1500 }, () => 'y'.repeat(200)) }), /more than 256 KiB/, 'KiB'],
  ['commands that are not text', async () => `v=1&seed=1&lines=${await deflated(new Uint8Array([0xff, 0xfe, 0xfd]))}`, /not text/, ''],
];

async function deflated(bytes: Uint8Array): Promise<string> {
  return toBase64Url((await pump(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER))!);
}

describe('a refused share link in the reader\'s language', () => {
  for (const [name, link, english, kept] of LINKS) {
    it(`${name}: English words say the sentence; Japanese has no English`, async () => {
      const refused = await refusal(await link());
      expect(refused.message).toMatch(english);
      expect(wordsIn(translateEnglish, refused.words)).toBe(refused.message);
      expect(englishIn(wordsIn(ja, refused.words), kept)).toEqual([]);
    });
  }
});

describe('the page\'s own query refused in the reader\'s language', () => {
  for (const [query, english, kept] of [
    ['?frames=5', /^frames must be a whole number from 128 to 1048576; the lab starts with 256 frames\.$/, ''],
    ['?frames=lots', /^frames must be a whole number/, ''],
    ['?tags=all', /^tags must be patent, steps or none, not "all"; the tags are shown as before\.$/, 'patent steps none all'],
    ['?lesson=nope', /^there is no lesson "nope"\. The lab starts clean\.$/, 'nope'],
    ['?lesson=flip&step=0', /^the step must be a whole number from 1 to 100; this link's step is out of range\. The lab starts clean\.$/, ''],
  ] as const) {
    it(`${query}: English words say the sentence; Japanese has no English`, () => {
      const notes = readOpening(query).notes;
      expect(notes).toHaveLength(1);
      const note = notes[0]!;
      if (!('words' in note)) throw new Error('not a refusal');
      expect(note.message).toMatch(english);
      expect(wordsIn(translateEnglish, note.words)).toBe(note.message);
      expect(englishIn(wordsIn(ja, note.words), kept)).toEqual([]);
    });
  }
});

describe('a refused lesson link or assignment link in the reader\'s language', () => {
  /** `text` deflated into a fragment field, or raw bytes when given them. */
  const carrying = async (param: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    return `${param}=${await deflated(bytes)}`;
  };
  const blank = JSON.stringify({ format: 'lparlab-lesson', version: 1, id: 'mine', title: '  ', figures: 'Fig. 5', summary: 'S', steps: [{ title: 'T', narration: 'N', lines: ['@A a = area(64)'], checks: [{ rule: 'tag', tag: 'S106' }], hints: ['h'] }] });
  const cases: readonly [string, () => Promise<string>, RegExp, string][] = [
    ['too long', async () => `x=${'A'.repeat(LINK_LIMITS.fragment)}&P=AAAA`, /link is too long/, ''],
    ['not base64url', async () => 'P=%%%', /damaged \(not base64url\)/, ''],
    ['cut short', async () => 'P=AAAAAAAAAAAAAAAA_w', /damaged or cut short|not text/, ''],
    ['past the limit', async () => carrying('P', 'x'.repeat(300 * 1024)), /unpacks to more than/, 'KiB'],
    ['not text', async () => carrying('P', new Uint8Array([0xff, 0xfe, 0xfd])), /is not text/, ''],
  ];
  for (const [what, param, decode, opened] of [
    ['assignment', 'assignment', decodeAssignmentLink, 'No assignment was opened.'],
    ['lesson', 'lessonfile', decodeLessonLink, 'No lesson was opened.'],
  ] as const) {
    for (const [name, fragment, english, kept] of cases) {
      it(`${what} link ${name}: English words say the sentence; Japanese has no English`, async () => {
        const read = await decode((await fragment()).replaceAll('P=', `${param}=`));
        if (read === null || read.ok) throw new Error('not refused');
        expect(read.message).toMatch(english);
        expect(read.message.endsWith(opened)).toBe(true);
        expect(wordsIn(translateEnglish, read.words)).toBe(read.message);
        expect(englishIn(wordsIn(ja, read.words), kept)).toEqual([]);
      });
    }
  }

  it('a lesson in a link that the validator refuses: the field as the file names it, the rest in Japanese', async () => {
    const read = await decodeLessonLink(await carrying('lessonfile', blank));
    if (read === null || read.ok) throw new Error('not refused');
    expect(read.message).toBe('The lesson in this link cannot be used: title must not be empty. No lesson was opened.');
    expect(wordsIn(translateEnglish, read.words)).toBe(read.message);
    expect(englishIn(wordsIn(ja, read.words), 'title')).toEqual([]);
  });
});
