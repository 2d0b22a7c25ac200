// The views that share one place as tabs: under Memory and Sequence on a
// desktop, after the narration on a phone (with Sequence among them there).

import { SocketsView } from '../sockets/SocketsView.tsx';
import { LayersView } from '../layers/LayersView.tsx';
import { MachineView } from '../machine/MachineView.tsx';
import { CostsView } from './lazyViews.tsx';

export const LOWER_VIEWS = [
  { id: 'sockets', title: 'Sockets', figure: 'Figs. 7, 10', View: SocketsView },
  { id: 'layers', title: 'Layers', figure: 'Fig. 3', View: LayersView },
  { id: 'machine', title: 'Machine', figure: 'Figs. 1-2', View: MachineView },
  { id: 'costs', title: 'Costs', figure: 'cost model', View: CostsView },
] as const;
