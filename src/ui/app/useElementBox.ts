// An element's size and font size, kept up to date with a ResizeObserver:
// views that draw with d3 lay themselves out from it. The same object comes
// back while nothing changed, so memoised layouts are not recomputed.

import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface ElementBox {
  /** the border box, rounded down */
  readonly width: number;
  readonly height: number;
  /** the content width inside any scrollbar */
  readonly clientWidth: number;
  /** the computed font size in px, so a view can scale with presenter mode */
  readonly font: number;
}

export function useElementBox(ref: RefObject<HTMLElement | null>): ElementBox | null {
  const [box, setBox] = useState<ElementBox | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const next = { width: Math.floor(r.width), height: Math.floor(r.height), clientWidth: el.clientWidth, font: parseFloat(getComputedStyle(el).fontSize) || 0 };
      setBox((old) => (old && old.width === next.width && old.height === next.height && old.clientWidth === next.clientWidth && old.font === next.font ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}
