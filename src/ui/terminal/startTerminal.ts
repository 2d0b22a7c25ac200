// Evaluated first of the page's modules (main.tsx imports it before anything
// else, and ES modules run in the order they are imported): the request for
// the terminal's chunk goes out before the rest of the entry is evaluated
// and React renders, so its download and compilation overlap that work
// instead of following it (issue 22 §2). A failure here is not reported:
// TerminalPane asks again and shows why the terminal could not load.

import { loadTerminal } from './terminalChunk.ts';

void loadTerminal().catch(() => undefined);
