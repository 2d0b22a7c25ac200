// The Memory, Sequence and Costs views (with d3, which only they use) load
// in chunks of their own, once the terminal has been drawn: a cold page on a slow
// laptop answers its first typed line without first drawing every frame and
// arrow (issue 22). ViewPanel shows a line in their place meanwhile. The embed
// frame has no terminal and loads them at once; any other page waits at most
// AT_MOST_MS for one.

import { lazy } from 'react';
import { OPENING } from './mode.ts';
import { terminalShown } from '../terminal/TerminalPane.tsx';

/** Views never wait more than this for the terminal: a layout without one still gets its views. */
const AT_MOST_MS = 4000;
const after: Promise<void> = OPENING.mode === 'embed'
  ? Promise.resolve()
  : Promise.race([terminalShown, new Promise<void>((resolve) => setTimeout(resolve, AT_MOST_MS))]);

export const MemoryView = lazy(() => after.then(() => import('../memory/MemoryView.tsx')).then((m) => ({ default: m.MemoryView })));
export const CostsView = lazy(() => after.then(() => import('../costs/CostsView.tsx')).then((m) => ({ default: m.CostsView })));
export const SequenceView = lazy(() => after.then(() => import('../sequence/SequenceView.tsx')).then((m) => ({ default: m.SequenceView })));
