// What a screen reader hears besides the narration: the result of each line
// typed (the terminal draws text a screen reader does not follow), and a
// lesson check as it ticks. One polite live log, visually hidden; anything
// may `announce` into it.

import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { useLab } from '../store/labStore.ts';
import { formatOutputNow, useT } from './language.ts';

const useAnnounced = create<{ readonly items: readonly { readonly id: number; readonly text: string }[] }>()(() => ({ items: [] }));

/** Say `text` to screen readers, politely (after what they are reading). */
export function announce(text: string): void {
  const items = useAnnounced.getState().items;
  const id = (items.at(-1)?.id ?? 0) + 1;
  // a short log: the newest few, so the region stays small
  useAnnounced.setState({ items: [...items.slice(-4), { id, text }] });
}

/**
 * The outputs a line just printed: those after the last one announced. The
 * store only appends to its list (dropping the oldest past its cap) or
 * replaces it, so this reads from the end back to that output, however long
 * the session: a set of the whole list per line cost as much as the 2,000
 * outputs kept (issue 22). If it is gone (a replaced list, more than the cap
 * at once), every output is new.
 */
export function freshOutputs<T>(before: readonly T[], after: readonly T[]): readonly T[] {
  if (before.length === 0) return after;
  const last = before[before.length - 1];
  let i = after.length;
  while (i > 0 && after[i - 1] !== last) i--;
  return i === 0 ? after : after.slice(i);
}

export function Announcer() {
  const t = useT();
  const outputs = useLab((s) => s.outputs);
  const items = useAnnounced((s) => s.items);
  const seen = useRef(outputs);
  useEffect(() => {
    if (outputs === seen.current) return;
    const fresh = freshOutputs(seen.current, outputs);
    seen.current = outputs;
    if (fresh.length) announce(fresh.flatMap((o) => formatOutputNow(o)).join('. '));
  }, [outputs]);
  return (
    <div className="sr-only" role="log" aria-live="polite" aria-label={t('announcer.label')}>
      {items.map((item) => <p key={item.id}>{item.text}</p>)}
    </div>
  );
}
