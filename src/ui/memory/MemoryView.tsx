// Placeholder until the Memory view (Figs. 4-5) is drawn with d3.
import { useDisplayState } from '../store/labStore.ts';
import { FrameGrid } from './FrameGrid.tsx';

export function MemoryView() {
  const state = useDisplayState();
  return <FrameGrid state={state} />;
}
