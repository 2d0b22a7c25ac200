import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../engine/index.ts';
import { decodeLink, encodeLink, LINK_LIMITS } from './shareLink.ts';
import { translateEnglish } from '../../i18n/translate.ts';

const LAB = { config: { ...DEFAULT_CONFIG, seed: 7 }, lines: ['s = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', '@A poke(a, "<script>alert(1)</script>")'], lesson: 'flip', step: 2, at: null };

describe('share links', () => {
  it('round-trip the seed, the lesson, the step and the lines', async () => {
    const link = await encodeLink(LAB);
    expect(link).toMatch(/^v=1&seed=7&lesson=flip&step=2&lines=[A-Za-z0-9_-]+$/);
    expect(await decodeLink(link)).toEqual({ ok: true, lab: LAB, note: null });
  });

  it('keep hostile text as text: it comes back as a line of the command language, nothing more', async () => {
    const result = await decodeLink(await encodeLink(LAB));
    expect(result?.ok && result.lab.lines[2]).toBe('@A poke(a, "<script>alert(1)</script>")');
  });

  it('carry a machine other than the default one (frames, groups, units)', async () => {
    const lab = { ...LAB, config: { seed: 9, frames: 4096, groups: 4, unitsPerGroup: 6 } };
    const link = await encodeLink(lab);
    expect(link).toContain('frames=4096');
    expect(await decodeLink(link)).toEqual({ ok: true, lab, note: null });
  });

  it('carry how the sender wants the patent\'s tags shown, and say nothing when it is the default', async () => {
    const lab = { ...LAB, tags: 'steps' as const };
    const link = await encodeLink(lab);
    expect(link).toContain('tags=steps');
    expect(await decodeLink(link)).toEqual({ ok: true, lab, note: null });
    expect(await encodeLink({ ...LAB, tags: null })).not.toContain('tags=');
  });

  it('open a step past the end of its lesson at the last step, and say so', async () => {
    const result = await decodeLink('v=1&seed=1&lesson=flip&step=7&lines=');
    expect(result).toMatchObject({ ok: true, lab: { lesson: 'flip', step: 5 }, note: { key: 'share.note.lastStep', values: { number: '4', steps: '6' } } });
    expect(result?.ok && result.note && translateEnglish(result.note.key, result.note.values)).toBe('Lesson 4 has 6 steps; it opens at the last one.');
  });

  it.each([
    ['frames below the machine minimum', 'v=1&seed=1&frames=12&lines=', /frames must be a whole number from 128/],
    ['frames written as a float', 'v=1&seed=1&frames=4096.5&lines=', /frames/],
    ['a step that is not a number', 'v=1&seed=1&lesson=flip&step=1e1&lines=', /step/],
    ['a lesson that does not exist', 'v=1&seed=1&lesson=nope&lines=', /no lesson "nope"/],
    ['a playhead that is negative', 'v=1&seed=1&at=-1&lines=', /moment shown/],
    ['a way of showing tags that does not exist', 'v=1&seed=1&tags=paragraphs&lines=', /patent's tags cannot be read: tags must be patent, steps or none, not "paragraphs"/],
    ['tags written in capitals', 'v=1&seed=1&tags=NONE&lines=', /tags must be patent, steps or none/],
  ])('refuse %s with a message', async (_what, fragment, message) => {
    const result = await decodeLink(fragment);
    expect(result && !result.ok && result.message).toMatch(message);
  });

  it('are not links when the fragment is empty', async () => {
    expect(await decodeLink('')).toBeNull();
  });

  it.each([
    ['a foreign fragment', 'section-2', /not an lparlab link/],
    ['a bad seed', 'v=1&seed=-3&lines=', /seed/],
    ['a bad step', 'v=1&seed=1&step=9999&lines=', /out of range/],
    ['a hostile lesson name', 'v=1&seed=1&lesson=%3Cscript%3E&lines=', /lesson/],
    ['not base64url', 'v=1&seed=1&lines=%%%', /damaged/],
    ['garbage that does not inflate', 'v=1&seed=1&lines=AAAAAAAAAAAAAAAA_w', /damaged|cut short|not text/],
    ['an oversized fragment', `v=1&seed=1&lines=${'A'.repeat(LINK_LIMITS.fragment)}`, /too long/],
  ])('refuse %s with a message', async (_what, fragment, message) => {
    const result = await decodeLink(fragment);
    expect(result?.ok).toBe(false);
    expect(result && !result.ok && result.message).toMatch(message);
  });

  it('refuse a truncated link', async () => {
    const link = await encodeLink({ ...LAB, lines: Array.from({ length: 200 }, (_, i) => `@A a${i} = area(${i + 1})`) });
    const result = await decodeLink(link.slice(0, link.length - 40));
    expect(result?.ok).toBe(false);
  });

  it('refuse a link whose commands inflate past the limit (a zip bomb)', async () => {
    const bomb = await encodeLink({ ...LAB, lines: ['x'.repeat(4000)].concat(Array.from({ length: 1999 }, () => 'y'.repeat(200))) });
    const result = await decodeLink(bomb);
    expect(result?.ok).toBe(false);
  });

  it('refuse too many commands', async () => {
    const result = await decodeLink(await encodeLink({ ...LAB, lines: Array.from({ length: LINK_LIMITS.lines + 1 }, () => 'ps') }));
    expect(result && !result.ok && result.message).toMatch(/at most 2000/);
  });
});
