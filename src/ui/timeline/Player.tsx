// The player as a component of its own, rendering nothing: the hook selects
// the playhead, so whatever calls it renders again on every step and every
// line typed. Called from App, it made the whole page render again per step
// (issue 22: React re-rendering the whole app per line); here only this.

import { usePlayer } from './usePlayer.ts';

export function Player(): null {
  usePlayer();
  return null;
}
