// What the lecturer's page sends and what a student's page applies, checked
// against the engine: the room's script, replayed on a fresh machine, is the
// lecturer's lab, also after going back in time and branching.

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createShell, runLine, seekShell } from '../../engine/index.ts';
import type { ShellState } from '../../engine/index.ts';
import { animalName, ANIMATE_AT_MOST, heardAll, planFollow, planPublish } from './plan.ts';
import { normalAnswer, readMeta, readPresence, replaceLines, roomLines, tallyAnswers, writeMeta } from './room.ts';
import type { Presence } from './room.ts';

const facts = (shell: ShellState, generation = 0) => ({
  history: shell.history, cursor: shell.timeline.cursor, generation, seed: shell.timeline.config.seed, frames: shell.timeline.config.frames,
});
const heard = (shell: ShellState, generation = 0) => heardAll(facts(shell, generation));

const type = (shell: ShellState, ...lines: string[]) => lines.reduce((s, l) => runLine(s, l).shell, shell);
const replay = (lines: readonly string[]) => type(createShell(), ...lines);

describe('the lecturer publishes a script that rebuilds their lab', () => {
  it('appends each new line', () => {
    const a = type(createShell(), '@A a = area(4096)');
    const b = type(a, '@A poke(a, "x")');
    expect(planPublish(heard(a), facts(b), a.timeline.cursor)).toEqual({ kind: 'append', lines: ['@A poke(a, "x")'] });
    expect(planPublish(heard(b), facts(b), b.timeline.cursor)).toEqual({ kind: 'none' });
  });

  it('says "back" as often as the lecturer went back before branching, so a replay lands on the same machine', () => {
    const script = ['@A a = area(4096)', '@A b = area(8192)', '@A c = area(4096)'];
    const typed = replay(script);
    // the lecturer drags the timeline two commands back, then types
    const scrubbed = seekShell(typed, typed.timeline.cursor - 2);
    const branched = type(scrubbed, '@A d = area(16384)');
    const plan = planPublish(heard(typed), facts(branched), scrubbed.timeline.cursor);
    expect(plan).toEqual({ kind: 'append', lines: ['back', 'back', '@A d = area(16384)'] });
    const rebuilt = replay([...script, ...(plan.kind === 'append' ? plan.lines : [])]);
    expect(rebuilt.timeline.current).toEqual(branched.timeline.current);
  });

  it('sends the whole script again for a new machine', () => {
    const a = type(createShell(), '@A a = area(4096)');
    const reset = type(a, 'seed 9');
    expect(planPublish(heard(a), facts(reset, 1), a.timeline.cursor)).toEqual({ kind: 'replace', lines: [] });
    expect(planPublish(heard(a), facts(a, 1), a.timeline.cursor)).toEqual({ kind: 'replace', lines: a.history.toArray() });
  });
});

describe('a student follows the room', () => {
  const room = { lines: ['x = 1', 'y = 2', 'z = 3'], machine: '1/256/2/4' };

  it('types only the lines it has not applied, in order', () => {
    expect(planFollow({ ...room, lines: ['x = 1'] }, room)).toEqual({ kind: 'type', lines: ['y = 2', 'z = 3'] });
    expect(planFollow(room, room)).toEqual({ kind: 'none' });
  });

  it('rebuilds at once when it joins late, the machine changed, the script was replaced, or it missed many lines', () => {
    expect(planFollow(null, room)).toEqual({ kind: 'rebuild' });
    expect(planFollow({ ...room, machine: '2/256/2/4' }, room)).toEqual({ kind: 'rebuild' });
    expect(planFollow({ ...room, lines: ['x = 9'] }, room)).toEqual({ kind: 'rebuild' });
    const many = Array.from({ length: ANIMATE_AT_MOST + 1 }, (_, i) => `v${i} = ${i}`);
    expect(planFollow({ ...room, lines: [] }, { ...room, lines: many })).toEqual({ kind: 'rebuild' });
  });

  it('names a student after an animal', () => {
    expect(animalName(0)).toBe('Otter 1');
    expect(animalName(0.999)).toMatch(/^[A-Z][a-z]+ \d+$/);
  });
});

describe('the room document', () => {
  it('keeps the lines and the meta a tool can read back', () => {
    const doc = new Y.Doc();
    replaceLines(doc, ['a = 1'], { seed: 3, frames: 4096, lesson: 'flip', step: 3, position: 40, playing: false });
    replaceLines(doc, ['b = 2', 'c = 3'], { seed: 4 });
    expect(roomLines(doc).toArray()).toEqual(['b = 2', 'c = 3']);
    expect(readMeta(doc)).toEqual({ seed: 4, frames: 4096, groups: 3, units: 8, lesson: 'flip', step: 3, position: 40, playing: false, reveal: false, tally: [] });
    // a step no lesson has makes the whole lab unusable, as in a link (room.test.ts has the rest)
    writeMeta(doc, { step: -1 as number });
    expect(readMeta(doc)).toBeNull();
  });

  it('reads presence defensively: a record of another shape is nobody', () => {
    expect(readPresence({ role: 'admin' })).toBeNull();
    expect(readPresence({ role: 'student', name: 7, answer: { question: 'q', text: 5 } })).toBeNull();
    expect(readPresence({ role: 'student', name: 'Otter 1', following: true, step: 3, answer: { question: 'flip:3', text: 'B' } }))
      .toEqual({ role: 'student', name: 'Otter 1', following: true, step: 3, answer: { question: 'flip:3', text: 'B' } });
  });

  it('tallies answers as people mean them, most given first', () => {
    const student = (text: string, question = 'flip:3'): Presence => ({ role: 'student', name: text, following: true, step: 3, answer: { question, text } });
    const people = [student('B'), student(' b. '), student('A'), student('B', 'flip:2'), { ...student('B'), role: 'lecturer' as const }];
    expect(tallyAnswers(people, 'flip:3')).toEqual([{ answer: 'B', count: 2 }, { answer: 'A', count: 1 }]);
    // the same answers arriving in another order make the same bars
    expect(tallyAnswers([...people].reverse(), 'flip:3')).toEqual([{ answer: 'B', count: 2 }, { answer: 'A', count: 1 }]);
    expect(tallyAnswers([student('b'), student('b'), student('B')], 'flip:3')).toEqual([{ answer: 'b', count: 3 }]);
    expect(normalAnswer('  The  Copy! ')).toBe('the copy');
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'g'].map((t) => student(t));
    const bars = tallyAnswers(many, 'flip:3', 4);
    expect(bars[0]).toEqual({ answer: 'g', count: 2 });
    expect(bars.at(-1)).toEqual({ answer: 'other answers', count: 4 });
  });
});
