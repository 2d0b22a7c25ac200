// Placeholder until the Sockets view (Figs. 7, 10) is drawn.
import { useDisplayState } from '../store/labStore.ts';

export function SocketsView() {
  const state = useDisplayState();
  return <p>{Object.keys(state.kernel.fds).length} open file descriptors, {Object.keys(state.kernel.files).length} virtual files.</p>;
}
