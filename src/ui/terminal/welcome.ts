// The terminal's first lines: who the reader is at the prompt (the system
// control program [0048], scp$), lines to try, and the keys, in the
// reader's language. The lines to try are the command language.

import type { Translate } from '../../i18n/translate.ts';

/** The welcome's lines to try: the same in every language. */
const WELCOME_LINES = [
  '  s = socket(AF_LPAR, SOCK_SEQPACKET)',
  '  bind(s, 7)   listen(s)   fd = accept(s)',
  '  @A ch = connect(7)',
];

/** The terminal's first lines in the language of `t`. */
export function welcomeLines(t: Translate): string[] {
  return [...t('terminal.welcome.intro').split('\n'), ...WELCOME_LINES, ...t('terminal.welcome.keys').split('\n')];
}
