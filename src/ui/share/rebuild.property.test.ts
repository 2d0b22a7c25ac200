// A share link rebuilds exactly what its sender sees: for random sessions
// (lines typed, `back`, the player part-way through a command, scrubbing the
// timeline, branching from an earlier moment, names typed at an earlier moment,
// other machine sizes), the link's
// replay gives the same machine, names, context, waiting calls and playhead.

import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createShell, trailLines } from '../../engine/index.ts';
import { restingPosition, totalEvents, useLab } from '../store/labStore.ts';
import { decodeLink, encodeLink } from './shareLink.ts';
import { differenceOf, rebuildShell, sameData, shareOf } from './rebuild.ts';

const LINES = [
  '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A poke(a, "hi")',
  '@A send(ch, a, "hi")', '@B r = recv(chb)', '@B free(r.addr)', 'lpar_create("C", 32, 2)', '@C b = area(8192)',
  'lpar_end(C)', 's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A c7 = connect(7)',
  'x = 5', 'y = [x, "two"]', '@A', '@B', '@scp', 'ps', 'back', 'interrupt B', 'tick(2)', 'limit(C, mem, 16)',
  'nonsense(', 'x = unknown_name',
] as const;

type Op =
  | { kind: 'type'; line: string }
  | { kind: 'advance' } | { kind: 'catchUp' } | { kind: 'stepBack' } | { kind: 'stepForward' } | { kind: 'seek'; fraction: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LINES).map((line): Op => ({ kind: 'type', line })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'advance' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'catchUp' }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'stepBack' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'stepForward' }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((fraction): Op => ({ kind: 'seek', fraction })) },
);

const lab = () => useLab.getState();

/** Play the session as a person would: typing lines and using the timeline controls. */
function play(ops: readonly Op[]): void {
  for (const o of ops) {
    switch (o.kind) {
      case 'type': lab().submit(o.line); break;
      case 'advance': lab().advance(); break;
      case 'catchUp': lab().catchUp(); break;
      case 'stepBack': lab().stepBack(); break;
      case 'stepForward': lab().stepForward(); break;
      case 'seek': {
        const boot = lab().shell.timeline.bootEvents.length;
        lab().seek(boot + Math.round(o.fraction * (totalEvents(lab().shell) - boot)));
        break;
      }
    }
  }
}

beforeEach(() => lab().replaceShell(createShell()));

describe('a share link', () => {
  it('rebuilds the sender\'s machine, names, context, waiting calls and playhead', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(128, 256, 4096), fc.nat(1000), fc.array(op, { maxLength: 40 }), async (frames, seed, ops) => {
        lab().replaceShell(createShell({ frames, seed }));
        play(ops);
        const sender = lab();
        const made = shareOf(sender.shell, sender.position, restingPosition(sender.shell), null);
        expect(made).toMatchObject({ ok: true });
        if (!made.ok) return;
        // through the address and back, as a receiver gets it
        const opened = await decodeLink(await encodeLink(made.lab));
        expect(opened?.ok).toBe(true);
        if (!opened?.ok) return;
        const { shell } = rebuildShell(opened.lab.config, opened.lab.lines);
        lab().replaceShell(shell);
        if (opened.lab.at !== null) lab().showAt(opened.lab.at);
        const receiver = lab();
        expect(receiver.shell.timeline.config).toEqual(sender.shell.timeline.config);
        expect(differenceOf(sender.shell, receiver.shell)).toBeNull();
        expect(receiver.position).toBe(sender.position);
        expect(sameData(receiver.shown, sender.shown)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('leaves out the lines that back undid', () => {
    for (const line of ['@A a = area(4096)', '@A b = area(100)', 'back', '@A c = area(200)']) lab().submit(line);
    expect(trailLines(lab().shell)).toEqual(['@A a = area(4096)', '@A c = area(200)']);
  });

  it('leaves out the lines undone by scrubbing, and keeps them while they can still be redone', () => {
    for (const line of ['@A a = area(4096)', '@A b = area(100)']) lab().submit(line);
    lab().catchUp();
    lab().seek(restingPosition(createShell()));
    expect(trailLines(lab().shell)).toEqual([]);
    lab().seek(totalEvents(lab().shell));
    expect(trailLines(lab().shell)).toEqual(['@A a = area(4096)', '@A b = area(100)']);
  });

  it('opens at the moment the sender was watching while the player caught up, with the later lines ahead', async () => {
    for (const line of ['@A a = area(4096)', '@A b = area(100)', '@A c = area(200)']) lab().submit(line);
    const sender = lab();
    expect(sender.position).toBeLessThan(restingPosition(sender.shell));
    const made = shareOf(sender.shell, sender.position, restingPosition(sender.shell), null);
    expect(made).toMatchObject({ ok: true, lab: { at: sender.position, lines: ['@A a = area(4096)', '@A b = area(100)', '@A c = area(200)'] } });
  });

  it('is refused, with the reason, when the lines that built the lab are more than a link carries', () => {
    let shell = createShell();
    const lines = Array.from({ length: 2001 }, (_, i) => `x${i} = ${i}`);
    shell = rebuildShell(shell.timeline.config, lines).shell;
    const made = shareOf(shell, restingPosition(shell), restingPosition(shell), null);
    expect(made).toEqual({ ok: false, message: expect.stringMatching(/built by 2001 lines and a link replays at most 2000/) });
  });

  it('is refused when a line holds half a character, which the link would change', () => {
    const { shell } = rebuildShell({ seed: 1, frames: 256, groups: 3, unitsPerGroup: 8 }, ['# \ud800 alone']);
    expect(shareOf(shell, restingPosition(shell), restingPosition(shell), null)).toEqual({ ok: false, message: expect.stringMatching(/line 1 holds half of a character/) });
  });

  it('carries the names of a kept later moment after a name was typed at an earlier one (issue 18)', async () => {
    // back, a name typed at the earlier moment, then forward again: the names follow the moment shown
    for (const line of ['@A a = area(4096)', 'back', 'x = 5']) lab().submit(line);
    lab().seek(totalEvents(lab().shell));
    expect(lab().shell.timeline.cursor).toBe(1);
    expect(Object.keys(lab().shell.vars)).toEqual(['a']);
    const made = shareOf(lab().shell, lab().position, restingPosition(lab().shell), null);
    expect(made).toMatchObject({ ok: true, lab: { lines: ['@A a = area(4096)'] } });
    if (!made.ok) return;
    const { shell } = rebuildShell(made.lab.config, made.lab.lines);
    expect(differenceOf(lab().shell, shell)).toBeNull();
  });

  it('carries a machine of another size, so the replay runs on the same frames', async () => {
    const { shell } = rebuildShell({ seed: 4, frames: 4096, groups: 3, unitsPerGroup: 8 }, ['@A a = area(65536)']);
    const made = shareOf(shell, restingPosition(shell), restingPosition(shell), null);
    expect(made.ok && made.lab.config.frames).toBe(4096);
    const link = made.ok ? await encodeLink(made.lab) : '';
    expect(link).toContain('frames=4096');
  });
});
