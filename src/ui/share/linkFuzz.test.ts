// Share links under fuzz: random valid links (control characters and escape
// sequences in every line) come back exactly; random and corrupted fragments
// never throw, and whatever is accepted is within every limit and names only
// what exists, so opening it cannot break the page.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkConfig, findLesson, LESSONS } from '../../engine/index.ts';
import type { SharedLab } from './shareLink.ts';
import { decodeLink, encodeLink, LINK_LIMITS } from './shareLink.ts';
import { rebuildShell } from './rebuild.ts';

/** What a terminal would act on: C0 (ESC, BEL, ...), DEL, C1 (CSI U+009B, OSC U+009D), in sequences people abuse. */
const hostilePiece = fc.constantFrom(
  '\x1b]8;;https://evil.example/\x07CLICK HERE\x1b]8;;\x07', '\x1b[2J\x1b[3J\x1b[H', '\x1b[2A\x1b[2K', '\u009b31m', '\u009d52;c;aGk=\x07',
  '\x1b]52;c;aGVsbG8=\x07', '\x00', '\x7f', '\r', '\t', '\b', '\x1bc', '\x1bP+q\x1b\\', '\u2028', '\u{1f600}',
);
const commandPiece = fc.constantFrom('@A a = area(4096)', '@A poke(a, "', '")', '# ', 'x = ', '[', ']', '(', ')', 'lpar_end(A)', 'ps', 'back', 'help ');
/** A line as a person (or an attacker) might type it: never a newline, which separates lines. */
const line = fc.array(fc.oneof(hostilePiece, commandPiece, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 6 })
  .map((parts) => parts.join('').replace(/\n/g, ' ').slice(0, LINK_LIMITS.lineLength))
  // a link leaves out blank lines (they do nothing), so one blank line is not a link of one line
  .filter((l) => l.trim() !== '' && !/[\ud800-\udfff]/.test(l));

const lessonPlace = fc.option(
  fc.constantFrom(...LESSONS).chain((l) => fc.nat(l.steps.length - 1).map((step) => ({ lesson: l.id, step }))),
  { nil: null },
);

const sharedLab: fc.Arbitrary<SharedLab> = fc.record({
  config: fc.record({
    seed: fc.nat(0xffffffff), frames: fc.constantFrom(128, 256, 4096, 1 << 20), groups: fc.integer({ min: 2, max: 8 }), unitsPerGroup: fc.integer({ min: 2, max: 16 }),
  }),
  lines: fc.array(line, { maxLength: 20 }),
  place: lessonPlace,
  at: fc.option(fc.nat(100_000), { nil: null }),
}).map(({ place, ...rest }) => ({ ...rest, lesson: place?.lesson ?? null, step: place?.step ?? null }));

/** Everything an accepted link may hold: the page opens it without any further check. */
function expectWithinLimits(lab: SharedLab): void {
  expect(checkConfig(lab.config)).toBeNull();
  expect(lab.lines.length).toBeLessThanOrEqual(LINK_LIMITS.lines);
  for (const l of lab.lines) expect(l.length).toBeLessThanOrEqual(LINK_LIMITS.lineLength);
  if (lab.lesson !== null) {
    const lesson = findLesson(lab.lesson);
    expect(lesson).toBeDefined();
    expect(lab.step ?? 0).toBeLessThan(lesson!.steps.length);
  }
  if (lab.at !== null) expect(Number.isInteger(lab.at) && lab.at >= 0).toBe(true);
}

/** A corruption of a link: a character changed, a cut, an escape or a percent-escape slipped in, a field repeated. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), by: fc.oneof(hostilePiece, fc.string({ unit: 'binary', maxLength: 3 })) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), by: fc.constantFrom('%1b', '%C2%9B', '%00', '&', '=', '&step=99', '&lesson=flip', '&frames=7', '&seed=%1b', '&at=-1', '&v=2', '#', '%') }),
);

function corrupt(link: string, c: { kind: 'replace' | 'cut' | 'insert'; at: number; by?: string }): string {
  const at = link.length === 0 ? 0 : c.at % link.length;
  switch (c.kind) {
    case 'replace': return link.slice(0, at) + (c.by ?? '') + link.slice(at + 1);
    case 'cut': return link.slice(0, at);
    case 'insert': return link.slice(0, at) + (c.by ?? '') + link.slice(at);
  }
}

describe('share links under fuzz', () => {
  it('a link made from any lab, hostile lines included, comes back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(sharedLab, async (lab) => {
        expect(await decodeLink(await encodeLink(lab))).toEqual({ ok: true, lab, note: null });
      }),
      { numRuns: 300 },
    );
  });

  it('a corrupted link never throws; what it gives is a refusal with words, or a lab within every limit', async () => {
    await fc.assert(
      fc.asyncProperty(sharedLab, fc.array(corruption, { minLength: 1, maxLength: 3 }), async (lab, corruptions) => {
        let link = await encodeLink(lab);
        for (const c of corruptions) link = corrupt(link, c);
        const result = await decodeLink(link);
        if (result === null) expect(link).toBe('');
        else if (!result.ok) expect(result.message).toMatch(/\w{3,}/);
        else expectWithinLimits(result.lab);
      }),
      { numRuns: 500 },
    );
  });

  it('any text as a fragment never throws', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.oneof(hostilePiece, commandPiece, fc.constantFrom('v=1', '&', '=', 'seed=1', 'lines=', 'lesson=flip', 'step=5')), { maxLength: 12 }).map((p) => p.join(''))), async (fragment) => {
        const result = await decodeLink(fragment);
        if (result?.ok) expectWithinLimits(result.lab);
      }),
      { numRuns: 500 },
    );
  });

  it('the lines of any accepted link replay on their machine without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(sharedLab, async (lab) => {
        const small = { ...lab, config: { ...lab.config, frames: 256 } };
        const result = await decodeLink(await encodeLink(small));
        expect(result?.ok).toBe(true);
        if (result?.ok) expect(() => rebuildShell(result.lab.config, result.lab.lines)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });
});
