import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_EVERY } from '../../engine/timeline/timeline.ts';
import { createShell, microStates, runLine, stateAt } from '../../engine/index.ts';
import { entryMoments, momentState } from './momentCache.ts';
import { restingPosition, useLab } from './labStore.ts';

// count the machine's steps: a moment rebuilt from a checkpoint replays its commands through `apply`
const applied = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../engine/lab.ts', async (importOriginal) => {
  const lab = await importOriginal<typeof import('../../engine/lab.ts')>();
  return { ...lab, apply: (...args: Parameters<typeof lab.apply>) => { applied.count++; return lab.apply(...args); } };
});

const FLIP = ['@A a = area(4096)', '@A send(ch, a, "x")', '@B r = recv(chb)', '@B free(r.addr)'];
const SETUP = ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)'];
const lab = () => useLab.getState();

beforeEach(() => lab().replaceShell(createShell()));

describe('the moments the page keeps (issue 22)', () => {
  it('gives the same machine as the timeline would rebuild', () => {
    let shell = createShell();
    for (const line of [...SETUP, ...FLIP, ...FLIP]) shell = runLine(shell, line).shell;
    const t = shell.timeline;
    for (let m = 0; m <= t.length; m++) expect(momentState(t, m)).toEqual(stateAt(t, m));
    for (let e = 0; e < t.length; e++) expect(entryMoments(t, e)).toEqual(microStates(t, e));
  });

  it('a line typed late in a session replays no earlier command to show its micro-steps', () => {
    // far from a checkpoint: the moment before the newest command would be rebuilt from CHECKPOINT_EVERY - 2 commands back
    for (const line of SETUP) lab().submit(line);
    for (let i = 0; lab().shell.timeline.length % CHECKPOINT_EVERY !== CHECKPOINT_EVERY - 2; i++) lab().submit(FLIP[i % 4]!);
    lab().catchUp();
    expect(lab().shell.timeline.cursor % CHECKPOINT_EVERY).toBe(CHECKPOINT_EVERY - 2);
    applied.count = 0;
    // the send: its flip's micro-steps shown one by one, as the player does
    lab().submit('@A a = area(4096)');
    lab().submit('@A send(ch, a, "late")');
    while (lab().position < restingPosition(lab().shell)) lab().advance();
    // one step per command recorded, and none replayed
    expect(applied.count).toBe(2);
  });
});
