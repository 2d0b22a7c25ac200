// The Sequence view in Japanese: each arrow's word, its full text and its
// accessible name carry no English but the command language (call names,
// the patent's steps, names and values), and English is the engine's own.

import { describe, expect, it } from 'vitest';
import { createShell, runLine, sequenceView, traceOf, type SequenceModel, type ShellState } from '../../engine/index.ts';
import { englishIn } from '../../i18n/englishIn.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { arrowAriaLabel, sequenceIn } from './arrowWords.ts';
import { commandStartsOf } from './exportSequenceSvg.ts';
import { labelWidth } from './layout.ts';

const ja = makeTranslate('ja', readCatalog('ja'));

/** The chart of lesson flip's lines and of Fig. 9's virtual-file exchange. */
const LINES = [
  '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A poke(a, "hello")', '@A send(ch, a, "hi")', '@B m = recv(chb)',
  's = socket(AF_LPAR, SOCK_SEQPACKET)', 'bind(s, 7)', 'listen(s)', 'fd = accept(s)', '@A c = connect(7)', '@A b = area(4096)', '@A send(c, b, "req")', 'r = read(fd)', 'v = open(r.vfile)',
];

function model(): SequenceModel {
  let shell: ShellState = createShell();
  for (const line of LINES) shell = runLine(shell, line).shell;
  const t = shell.timeline;
  return sequenceView(traceOf(t), t.current, { bootEvents: t.bootEvents.length, commandStarts: commandStartsOf(t) });
}

describe('the Sequence view in the reader\'s language', () => {
  const m = model();

  it('leaves English as the engine says it', () => {
    expect(sequenceIn(translateEnglish, 'en', m)).toBe(m);
    const a = m.arrows.find((x) => x.tag === 'S101')!;
    expect(arrowAriaLabel(translateEnglish, a, m.lanes)).toBe(`S101 ${a.label}, A to control OS: ${a.say}`);
  });

  it('says every arrow in Japanese with no English but the command language', () => {
    const said = sequenceIn(ja, 'ja', m);
    expect(said.arrows.length).toBe(m.arrows.length);
    const left = said.arrows.flatMap((a) => englishIn(`${a.label} ${a.say} ${arrowAriaLabel(ja, a, said.lanes)}`, LINES.join(' ')).map((w) => `${a.kind}: ${w}`));
    expect(left).toEqual([]);
    // a kernel's system call keeps its name
    expect(said.arrows.find((a) => a.kind === 'sock.bind')?.label).toBe(m.arrows.find((a) => a.kind === 'sock.bind')?.label);
  });

  it('measures a Japanese label at a whole em a character', () => {
    expect(labelWidth('', 'フリップ', 10)).toBe(40);
    expect(labelWidth('', 'flip', 10)).toBeCloseTo(22.4);
  });
});
