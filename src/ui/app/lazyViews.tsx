// The Memory, Sequence and Costs views (with d3, which only they use) load
// in chunks of their own, once the terminal has been drawn: a cold page on a slow
// laptop answers its first typed line without first drawing every frame and
// arrow (issue 22). ViewPanel shows a line in their place meanwhile. The embed
// frame has no terminal and loads them at once.

import { lazy } from 'react';
import { OPENING } from './mode.ts';
import { terminalShown } from '../terminal/TerminalPane.tsx';

const after: Promise<void> = OPENING.mode === 'embed' ? Promise.resolve() : terminalShown;

export const MemoryView = lazy(() => after.then(() => import('../memory/MemoryView.tsx')).then((m) => ({ default: m.MemoryView })));
export const CostsView = lazy(() => after.then(() => import('../costs/CostsView.tsx')).then((m) => ({ default: m.CostsView })));
export const SequenceView = lazy(() => after.then(() => import('../sequence/SequenceView.tsx')).then((m) => ({ default: m.SequenceView })));
