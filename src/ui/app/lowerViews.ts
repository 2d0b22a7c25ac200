// The views that share one place as tabs: under Memory and Sequence on a
// desktop, after the narration on a phone (with Sequence among them there).
// Their names are in viewNames.ts.

import { SocketsView } from '../sockets/SocketsView.tsx';
import { LayersView } from '../layers/LayersView.tsx';
import { MachineView } from '../machine/MachineView.tsx';
import { CostsView } from './lazyViews.tsx';

export const LOWER_VIEWS = [
  { id: 'sockets', View: SocketsView },
  { id: 'layers', View: LayersView },
  { id: 'machine', View: MachineView },
  { id: 'costs', View: CostsView },
] as const;
