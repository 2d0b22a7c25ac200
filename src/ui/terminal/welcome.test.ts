import { describe, expect, it } from 'vitest';
import { englishIn } from '../../i18n/englishIn.ts';
import { readCatalog } from '../../i18n/catalogFiles.ts';
import { makeTranslate, translateEnglish } from '../../i18n/translate.ts';
import { welcomeLines } from './welcome.ts';

describe('the terminal\'s welcome', () => {
  it('reads in English as it always has', () => {
    expect(welcomeLines(translateEnglish)).toEqual([
      'Welcome to lparlab. You are the system',
      'control program (scp$). Type help, or:',
      '  s = socket(AF_LPAR, SOCK_SEQPACKET)',
      '  bind(s, 7)   listen(s)   fd = accept(s)',
      '  @A ch = connect(7)',
      'Tab completes, up/down recall, Ctrl-C',
      'interrupts a waiting call, Esc leaves.',
    ]);
  });

  it('reads in Japanese with no English but the command language and the keys\' names', () => {
    const ja = welcomeLines(makeTranslate('ja', readCatalog('ja')));
    expect(ja).toContain('  @A ch = connect(7)');
    expect(ja[0]).toMatch(/へようこそ/);
    const left = ja.filter((line) => !line.startsWith('  ')).flatMap((line) => englishIn(line)).filter((w) => !['lparlab', 'scp', 'help', 'Tab', 'Esc'].includes(w));
    expect(left).toEqual([]);
  });
});
