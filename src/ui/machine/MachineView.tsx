// Placeholder until the Machine view (Figs. 1-2) is drawn.
import { useDisplayState } from '../store/labStore.ts';

export function MachineView() {
  const state = useDisplayState();
  return <p>{state.machine.units.length} processing units in {state.machine.groups} groups.</p>;
}
