// Motion preferences: prefers-reduced-motion turns animations into instant
// changes with a highlight (docs/architecture.md, The page). Views ask `useReducedMotion()` and
// scale their transition times with `motionMs`.

import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(QUERY).matches;
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}

/** A transition time: 0 when motion is reduced, else `ms` shortened by the playback speed. */
export function motionMs(ms: number, reduced: boolean, speed = 1): number {
  return reduced ? 0 : Math.round(ms / speed);
}
