// Every view's name and the figures it draws, as catalog messages: the tabs,
// the panels' headings, the resize handles and crash notices all name a view
// from here, in the reader's language.

import type { MessageKey } from '../../i18n/translate.ts';

/** Each view's name and the figures of S05P1247 it draws (the Costs view draws the lab's cost model). */
export const VIEW_NAMES = {
  memory: { title: 'app.view.memory', figure: 'app.view.memory.figure' },
  sequence: { title: 'app.view.sequence', figure: 'app.view.sequence.figure' },
  sockets: { title: 'app.view.sockets', figure: 'app.view.sockets.figure' },
  layers: { title: 'app.view.layers', figure: 'app.view.layers.figure' },
  machine: { title: 'app.view.machine', figure: 'app.view.machine.figure' },
  costs: { title: 'app.view.costs', figure: 'app.view.costs.figure' },
  terminal: { title: 'app.view.terminal', figure: 'app.view.terminal.figure' },
} as const satisfies Record<string, { readonly title: MessageKey; readonly figure: MessageKey }>;

export type ViewName = keyof typeof VIEW_NAMES;
