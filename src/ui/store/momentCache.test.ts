import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_EVERY } from '../../engine/timeline/timeline.ts';
import { createShell, eventsOf, formatOutput, locateEvent, microStates, runLine, stateAt } from '../../engine/index.ts';
import { BACK_CASES } from '../../engine/testing/backCases.ts';
import { entryMoments, momentState } from './momentCache.ts';
import { playerEnd, restingPosition, totalEvents, useLab } from './labStore.ts';

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

describe('the store with kept moments shows what the timeline rebuilds', () => {
  /** What the views should draw at the playhead, rebuilt from checkpoints with nothing kept. */
  function rebuilt(): unknown {
    const s = lab();
    const t = s.shell.timeline;
    if (s.position <= t.bootEvents.length) return stateAt(t, 0);
    const { entry, index } = locateEvent(t, s.position - 1);
    const events = eventsOf(t, entry);
    return index + 1 >= events.length ? stateAt(t, entry + 1) : microStates(t, entry).moments[index];
  }

  it('through lines typed, back, steps, seeks and the player, branching from the past', () => {
    let seed = 7;
    const next = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    for (const line of SETUP) lab().submit(line);
    for (let i = 0; i < 400; i++) {
      const roll = next(10);
      if (roll < 5) lab().submit(FLIP[next(4)]!);
      else if (roll === 5) lab().submit('back');
      else if (roll === 6) lab().stepBack();
      else if (roll === 7) lab().seek(next(Math.max(1, lab().position + 2)));
      else if (roll === 8) lab().advance();
      else lab().catchUp();
      expect(lab().shown).toEqual(rebuilt());
    }
  });
});

describe('back, as the page store runs it with kept moments', () => {
  // the table of e2e/back.spec.ts, through the store: a press pauses with a step back first, as a person does there
  for (const c of BACK_CASES) {
    it(c.name, () => {
      for (const step of c.steps) {
        if ('press' in step) {
          if (lab().position > lab().shell.timeline.bootEvents.length) lab().stepBack();
          if (step.press === 'go to the start') lab().seek(lab().shell.timeline.bootEvents.length);
          else lab().seek(totalEvents(lab().shell));
          continue;
        }
        const { out } = lab().submit(step.type);
        // the player plays on to its end between lines
        while (lab().position < playerEnd(lab())) lab().advance();
        if (step.prints !== undefined) expect(out.flatMap((o) => formatOutput(o)).at(-1), step.type).toBe(step.prints);
        expect(lab().shown).toEqual(lab().shell.timeline.current);
      }
    });
  }
});
