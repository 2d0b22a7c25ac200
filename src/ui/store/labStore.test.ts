import { beforeEach, describe, expect, it } from 'vitest';
import { createShell } from '../../engine/index.ts';
import { displayState, focusEvent, restingPosition, totalEvents, useLab } from './labStore.ts';

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
});
