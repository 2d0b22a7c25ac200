// The page's terminal and the screen reader's log of results print the shell's
// output through the language store (issue 23): English is the engine's own
// text, byte for byte; another language formats the same outputs from its
// catalog, for the lines printed after it was chosen.

import { afterAll, describe, expect, it } from 'vitest';
import { createShell, formatOutput, runLine, type Output } from '../../engine/index.ts';
import { formatOutputNow, useLanguage } from './language.ts';
import { lastLineOf } from '../terminal/complete.ts';

const outputsOf = (lines: readonly string[]): Output[] => {
  let shell = createShell();
  const out: Output[] = [];
  for (const line of lines) {
    const ran = runLine(shell, line);
    shell = ran.shell;
    out.push(...ran.out);
  }
  return out;
};

describe("the shell's output in the reader's language", () => {
  afterAll(() => useLanguage.getState().choose('en', false));
  const out = outputsOf(['sned(ch)', 'help', 'x = 4096']);

  it('is the engine text in English', () => {
    expect(out.map(formatOutputNow)).toEqual(out.map(formatOutput));
  });

  it('is Japanese once Japanese is chosen, with the values of the command language as they are', async () => {
    await useLanguage.getState().choose('ja', false);
    const [error, help, value] = out.map(formatOutputNow);
    expect(error![0]).toMatch(/^= -1 ENOENT: .*sned\(\).*ありません/);
    expect(error![0]).not.toMatch(/unknown call/);
    expect(help![0]).toMatch(/システム制御プログラム/);
    expect(value).toEqual(['= 4096']);
    // the phone's last line reads the same words
    expect(lastLineOf(out.slice(0, 1), useLanguage.getState().formatOutput)!.lines[0]!.text).toBe(error![0]);
  });

  it('is the engine text again, byte for byte, once English is chosen again', async () => {
    await useLanguage.getState().choose('en', false);
    expect(out.map(formatOutputNow)).toEqual(out.map(formatOutput));
  });
});
