import { beforeEach, describe, expect, it } from 'vitest';
import { createShell } from '../../engine/index.ts';
import { displayState, focusEvent, playerEnd, restingPosition, totalEvents, useLab } from './labStore.ts';
import { MAX_TRANSCRIPT_LINES, noteTranscript, transcriptLines } from './transcript.ts';

const lab = () => useLab.getState();
const owners = () => Object.values(displayState(lab()).areas).map((a) => a.owner);

beforeEach(() => lab().replaceShell(createShell()));

describe('the lab store', () => {
  it('starts a new command at its first micro-step, and the player reveals the rest', () => {
    lab().submit('@A a = area(4096)');
    expect(lab().position).toBe(restingPosition(lab().shell) - 1);
    expect(focusEvent(lab())?.tag).toBe('S105');
    lab().advance();
    expect(focusEvent(lab())?.tag).toBe('S106');
    expect(lab().position).toBe(totalEvents(lab().shell));
  });

  it('shows the machine as it was at the playhead, micro-step by micro-step', () => {
    for (const line of ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "x")']) {
      lab().submit(line);
      lab().catchUp();
    }
    expect(owners()).toEqual([3]);
    // back through the flip: unmap (still A's), then before the send
    while (focusEvent(lab())?.kind !== 'area.flip') lab().stepBack();
    expect(owners()).toEqual([3]);
    lab().stepBack();
    expect(focusEvent(lab())?.kind).toBe('area.unmap');
    expect(owners()).toEqual([2]);
  });

  it('keeps catching up when lines come faster than the player, without moving the shell back', () => {
    lab().submit('@A a = area(4096)');
    const first = lab().position;
    lab().submit('@A b = area(4096)');
    expect(lab().position).toBe(first);
    expect(lab().shell.timeline.cursor).toBe(2);
    lab().catchUp();
    expect(lab().position).toBe(totalEvents(lab().shell));
  });

  it('branches from the moment shown after stepping back on purpose', () => {
    lab().submit('@A a = area(4096)');
    lab().submit('@A b = area(4096)');
    lab().catchUp();
    lab().stepBack();
    lab().stepBack();
    lab().stepBack();
    expect(lab().shell.timeline.cursor).toBe(1);
    lab().submit('@A c = area(100)');
    expect(lab().shell.timeline.length).toBe(2);
    expect(lab().shell.vars.b).toBeUndefined();
  });

  it('records outputs for lesson checks and the last fault for the memory view', () => {
    lab().submit('@A peek(0x200000, 4)');
    expect(lab().outputs.at(-1)).toMatchObject({ kind: 'error', errno: 'EFAULT' });
    expect(lab().lastFault).toMatchObject({ ctx: 'A', addr: 0x200000 });
  });

  it('updates once per typed line, so no view sees a half-made state', () => {
    let updates = 0;
    const stop = useLab.subscribe(() => updates++);
    for (const line of ['@A a = area(4096)', '@A peek(0x200000, 4)', 'x = 1', 'back', 'reset']) {
      updates = 0;
      lab().submit(line);
      expect(updates, line).toBe(1);
    }
    stop();
  });

  it('after a typed back, rests at the earlier moment: the player does not play the undone step again', () => {
    lab().submit('@A a = area(4096)');
    lab().submit('@A b = area(4096)');
    lab().catchUp();
    const { effect } = lab().submit('back');
    expect(effect.kind).toBe('moved');
    expect(lab().shell.timeline.cursor).toBe(1);
    expect(playerEnd(lab())).toBe(lab().position);
    lab().advance();
    lab().catchUp();
    expect(lab().shell.timeline.cursor).toBe(1);
    expect(lab().position).toBe(restingPosition(lab().shell));
    // the undone step is still on the timeline: stepping forward on purpose replays it
    lab().stepForward();
    lab().catchUp();
    expect(lab().shell.timeline.cursor).toBe(2);
  });

  it('advances many events in one update, ending where as many single steps end, in a replay and at the shell\'s moment', () => {
    for (const line of ['@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A send(ch, a, "x")']) lab().submit(line);
    const typed = lab().shell;
    const boot = typed.timeline.bootEvents.length;
    const walk = (count: number, replay: boolean) => {
      lab().replaceShell(typed);
      if (replay) lab().seek(boot + 1);
      else lab().showAt(boot + 1);
      const seen: { position: number; cursor: number; names: string[]; owners: number[] }[] = [];
      for (let n = 0; n < 40 && lab().position < playerEnd(lab()); n++) {
        let updates = 0;
        const stop = useLab.subscribe(() => updates++);
        if (count === 1) for (let k = 0; k < 3; k++) lab().advance();
        else lab().advance(count);
        stop();
        if (count > 1) expect(updates).toBe(1);
        seen.push({ position: lab().position, cursor: lab().shell.timeline.cursor, names: Object.keys(lab().shell.vars), owners: owners() });
      }
      return seen;
    };
    for (const replay of [true, false]) {
      const stepped = walk(1, replay);
      expect(stepped.at(-1)!.position, `replay ${replay}`).toBe(totalEvents(typed));
      expect(walk(3, replay), `replay ${replay}`).toEqual(stepped);
    }
  });

  it('stops replaying the recorded future once a line is typed in the past', () => {
    lab().submit('@A ch = connect(B)');
    lab().catchUp();
    lab().seek(lab().shell.timeline.bootEvents.length);
    expect(lab().replaying).toBe(true);
    lab().submit('x = 5');
    lab().advance();
    lab().catchUp();
    expect(lab().shell.timeline.cursor).toBe(0);
    expect(lab().shell.vars.x).toBeDefined();
  });

  it('bumps the generation when a line starts a new machine', () => {
    const before = lab().generation;
    lab().submit('frames_free()');
    expect(lab().generation).toBe(before);
    lab().submit('seed 3');
    expect(lab().generation).toBe(before + 1);
  });
});

describe('the transcript', () => {
  it('keeps the last lines printed, up to its cap, oldest first', () => {
    const lines = Array.from({ length: MAX_TRANSCRIPT_LINES + 3 }, (_, i) => `line ${i}`);
    noteTranscript(lines);
    const kept = transcriptLines();
    expect(kept).toHaveLength(MAX_TRANSCRIPT_LINES);
    expect(kept[0]).toBe('line 3');
    expect(kept.at(-1)).toBe(`line ${MAX_TRANSCRIPT_LINES + 2}`);
  });
});
