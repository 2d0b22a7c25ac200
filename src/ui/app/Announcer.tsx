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

export function Announcer() {
  const t = useT();
  const outputs = useLab((s) => s.outputs);
  const items = useAnnounced((s) => s.items);
  const seen = useRef(outputs);
  useEffect(() => {
    if (outputs === seen.current) return;
    const before = new Set(seen.current);
    seen.current = outputs;
    // the outputs a line just printed: those not there before (the list is capped, so compare by identity)
    const fresh = outputs.filter((o) => !before.has(o));
    if (fresh.length) announce(fresh.flatMap((o) => formatOutputNow(o)).join('. '));
  }, [outputs]);
  return (
    <div className="sr-only" role="log" aria-live="polite" aria-label={t('announcer.label')}>
      {items.map((item) => <p key={item.id}>{item.text}</p>)}
    </div>
  );
}
