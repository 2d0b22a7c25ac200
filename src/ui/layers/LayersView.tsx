// Placeholder until the Layers view (Fig. 3) is drawn.
import { useDisplayState } from '../store/labStore.ts';
import { PartitionList } from './PartitionList.tsx';

export function LayersView() {
  return <PartitionList state={useDisplayState()} />;
}
