// The caption of an exported Memory picture names the event's tag as the
// reader wants tags shown (issue 19 §4): the patent's, step numbers only, none.

import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../engine/index.ts';
import { createShell, narrate, runLine, traceOf } from '../../engine/index.ts';
import { captionLines } from './picture.ts';

function lastEvent(lines: readonly string[]): LabEvent {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return traceOf(shell.timeline).at(-1)!;
}

describe('a Memory picture\'s caption', () => {
  const label = { lesson: 'Lesson 4: The flip', step: 'step 1 of 6', event: 3, events: 3 };
  const connect = lastEvent(['@A ch = connect(B)']);
  const say = narrate(connect.say);

  it('names the tag as the patent has it by default', () => {
    expect(connect.tag).toBe('S101');
    expect(captionLines(label, connect)[1]).toBe(`event 3 of 3 · S101 · ${say}`);
  });

  it('keeps a figure\'s step under "step numbers only", and drops every tag under "hidden"', () => {
    expect(captionLines({ ...label, tags: 'steps' }, connect)[1]).toBe(`event 3 of 3 · S101 · ${say}`);
    expect(captionLines({ ...label, tags: 'none' }, connect)[1]).toBe(`event 3 of 3 · ${say}`);
    const paragraph = lastEvent(['@B sig = signal()']);
    expect(paragraph.tag).toMatch(/^\[\d{4}\]$/);
    expect(captionLines({ ...label, tags: 'steps' }, paragraph)[1]).not.toContain(paragraph.tag);
    expect(captionLines(label, paragraph)[1]).toContain(paragraph.tag);
  });
});
