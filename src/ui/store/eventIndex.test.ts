// The event index answers what the views used to find by walking the whole
// trace on every step: it must give exactly the same answers, at every
// position of every example script, and on a new branch after `back`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShellState } from '../../engine/index.ts';
import { createShell, lanesSeen, memoryView, mergesSinceRaised, pendingPortKeys, runLine, sequenceView } from '../../engine/index.ts';
import { momentReader } from '../memory/moments.ts';
import { eventsBefore, eventsTail, lanesBefore, mergesBefore } from './eventIndex.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');

function run(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

const scriptLines = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8').split('\n');

/** Every position of the shell's branch: the index's answers against the walks over the trace. */
function expectSameAsWalking(shell: ShellState): number {
  const t = shell.timeline;
  const total = t.eventCount;
  // the machine as the views show it at each playhead, each command's micro-steps computed once
  const read = momentReader(t);
  let merged = 0;
  for (let p = t.bootEvents.length; p <= total; p++) {
    const trace = eventsBefore(t.events, p);
    const state = read(p).state;
    const merges = mergesBefore(t.events, p, state.seq, pendingPortKeys(state));
    expect(merges).toEqual(mergesSinceRaised(state, trace));
    merged += [...merges.values()].reduce((n, k) => n + k, 0);
    expect(memoryView(state, [], merges)).toEqual(memoryView(state, trace));
    const lanes = lanesBefore(t.events, p);
    expect(lanes).toEqual(lanesSeen(trace));
    for (const limit of [1, 3, 150]) {
      const tail = eventsTail(t.events, p, limit);
      const options = { bootEvents: t.bootEvents.length, commandStarts: t.starts, limit };
      expect(sequenceView(tail, state, { ...options, earlier: p - tail.length, lanes })).toEqual(sequenceView(trace, state, options));
    }
  }
  return merged;
}

describe('the event index', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.lab'));
  it.each(files)('counts merges, finds lanes and draws the chart as walking the trace does: %s', (file) => {
    expectSameAsWalking(run(scriptLines(file)));
  }, 60_000);

  it('is checked where merges happen: the event-merging example counts some', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(expectSameAsWalking(run(scriptLines('event-merging.lab')))).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same answers on a new branch after back, and for a bit left pending while many events merge', () => {
    const lines = [
      '@B rp = event_port()', '@A sp = event_connect(B, rp)', '@B sig = signal()', '@B permit(sig)',
      '@A event_send(sp)', '@A event_send(sp)', '@A event_send(sp)', 'lpar_create("C", 16, 1)', '@A event_send(sp)',
      'back', 'back', 'lpar_end(C)', '@A event_send(sp)', '@B event_poll(rp)', '@A event_send(sp)', '@A event_send(sp)',
    ];
    const shell = run(lines);
    expect(expectSameAsWalking(shell)).toBeGreaterThan(0);
  });
});
