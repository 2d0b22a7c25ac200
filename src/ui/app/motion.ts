// Motion preferences: prefers-reduced-motion turns animations into instant
// changes with a highlight (docs/architecture.md, The page). Views ask `useReducedMotion()` and
// scale their transition times with `motionMs`.

import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** One query list for the page: React reads the preference on every render, and matchMedia makes a new list each call. */
let media: MediaQueryList | null = null;
const mediaQuery = () => (media ??= window.matchMedia(QUERY));

function subscribe(onChange: () => void): () => void {
  const list = mediaQuery();
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && mediaQuery().matches;
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, prefersReducedMotion, () => false);
}

/** A transition time: 0 when motion is reduced, else `ms` shortened by the playback speed. */
export function motionMs(ms: number, reduced: boolean, speed = 1): number {
  return reduced ? 0 : Math.round(ms / speed);
}
