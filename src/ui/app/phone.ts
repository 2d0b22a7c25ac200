// Which layout the page takes: a phone's one column, chosen by the viewport
// (its width, and a coarse pointer: a finger), never by the user agent. A
// narrow window on a desktop gets the column too; a touch tablet at
// 1024x768 keeps the desktop layout.

import { useSyncExternalStore } from 'react';

/**
 * Narrow windows; touch screens up to a landscape phone's width, or as short as one held sideways;
 * and a window as small as a phone held sideways with a mouse (844x390): the desktop's three panes and its
 * header do not fit in 390 px of height (the header wrapped to three lines, issue 19 §3).
 */
export const PHONE_QUERY = '(max-width: 640px), (pointer: coarse) and (max-width: 940px), (pointer: coarse) and (max-height: 500px), (max-width: 940px) and (max-height: 500px)';

function phoneQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(PHONE_QUERY) : null;
}

function subscribe(changed: () => void): () => void {
  const query = phoneQuery();
  query?.addEventListener('change', changed);
  return () => query?.removeEventListener('change', changed);
}

/** Whether the phone layout applies now; follows rotation and window resizes. */
export function usePhoneLayout(): boolean {
  return useSyncExternalStore(subscribe, () => phoneQuery()?.matches ?? false, () => false);
}
