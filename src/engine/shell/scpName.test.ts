// Issue 19 §4: "scp" reads as secure copy to students, so a reader of the
// shell's words meets "system control program (scp)" before a bare "scp".

import { describe, expect, it } from 'vitest';
import { formatOutput } from './format.js';
import { createShell, runLine } from './shell.js';

/** What the terminal prints for a line typed on a fresh lab. */
function printed(line: string, before: readonly string[] = []): string {
  let shell = createShell();
  for (const l of before) shell = runLine(shell, l).shell;
  return runLine(shell, line).out.flatMap((o) => formatOutput(o)).join('\n');
}

describe('the system control program is named in full before "scp"', () => {
  it.each([
    ['help', []],
    ['@scp', ['@A']],
  ] as const)('%s', (line, before) => {
    const text = printed(line, before);
    const long = text.indexOf('system control program (scp');
    expect(long).toBeGreaterThanOrEqual(0);
    const bare = text.search(/\bscp\b/);
    expect(bare).toBeGreaterThan(long);
  });
});
