// Share and export: the header's Share button and the menu it opens. The
// menu's contents and what they export (ShareMenuBody.tsx) load when it is
// first opened (issue 23); the state lives here, so it outlives a closing.

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { SequenceRange } from '../sequence/exportSequenceSvg.ts';
import type { AnimationRange, PictureSize } from '../memory/exportMemory.ts';
import type { ShareState } from './ShareMenuBody.tsx';
import { isTyping } from '../app/shortcuts.ts';
import { useT } from '../app/language.ts';
import { ErrorBoundary } from '../app/ErrorBoundary.tsx';

const ShareMenuBody = lazy(() => import('./ShareMenuBody.tsx'));

export function ShareMenu() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const state: ShareState = {
    link: useState(''),
    status: useState(''),
    range: useState<SequenceRange>('command'),
    busy: useState(false),
    size: useState<PictureSize>('slide'),
    fileFragment: useState<string | null>(null),
    reel: useState<AnimationRange>('command'),
  };

  useEffect(() => {
    if (!open) return;
    // Escape closes the menu and gives the focus back to the button that opened it
    const onKey = (e: KeyboardEvent) => {
      // the menu's own fields may close it; the terminal's Escape (leave the terminal) is the terminal's
      if (e.key !== 'Escape' || (isTyping(e.target) && !root.current?.contains(e.target as Node))) return;
      setOpen(false);
      if (root.current?.contains(document.activeElement)) opener.current?.focus();
    };
    const onClick = (e: MouseEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="share" ref={root}>
      <button type="button" ref={opener} aria-expanded={open} aria-controls="share-menu" onClick={() => setOpen(!open)}>
        {t('share.open')}
      </button>
      {open && (
        // the menu's frame at once, saying its contents are on their way; a chunk that fails
        // to load is said inside the menu, not over the whole page (the root's boundary)
        <div id="share-menu" className="share-menu" role="group" aria-label={t('share.label')}>
          <ErrorBoundary what={t('app.guards.share')}>
            <Suspense fallback={<p className="share-status" role="status">{t('share.loading')}</p>}>
              <ShareMenuBody state={state} />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}
    </div>
  );
}
