// Keeps the arrow at the playhead in view without forcing a layout (issue 22).
// Reading the chart's geometry (its top, scrollTop, clientHeight) in a frame
// callback, after the views have written their changes, made the browser lay
// the whole page out once more on every step a following phone revealed.
// A ResizeObserver's callback runs after the browser's own layout of the
// frame, so the geometry read there is already known and costs nothing, and
// a scroll written there changes no layout. To be called back after the next
// layout even when no size changed, the chart is observed afresh: a new
// observation always reports the element's current size.

import { useCallback, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { scrollToShow } from './layout.ts';

export interface Follow {
  /** the row's top inside the chart, and its height */
  readonly rowTop: number;
  readonly rowH: number;
  readonly smooth: boolean;
  /** called once the row has been brought into view (or was already) */
  readonly done: () => void;
}

/** Returns `follow`: bring a row of the chart into view after the browser's next layout. */
export function useFollowScroll(
  scrollRef: RefObject<HTMLElement | null>,
  svgRef: RefObject<SVGSVGElement | null>,
  headRef: RefObject<HTMLElement | null>,
): (want: Follow) => void {
  const pending = useRef<Follow | null>(null);
  const observer = useRef<ResizeObserver | null>(null);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const svg = svgRef.current;
    if (!scroller || !svg) return;
    const ro = new ResizeObserver(() => {
      const want = pending.current;
      if (!want) return;
      pending.current = null;
      // here the layout is the one the browser has just made: these reads do not force another
      const header = headRef.current?.offsetHeight ?? 0;
      const svgTop = svg.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      const to = scrollToShow(svgTop + want.rowTop, want.rowH, scroller.scrollTop, scroller.clientHeight, header);
      if (to !== null) scroller.scrollTo({ top: to, behavior: want.smooth ? 'smooth' : 'auto' });
      want.done();
    });
    ro.observe(svg);
    observer.current = ro;
    return () => {
      ro.disconnect();
      observer.current = null;
    };
  }, [scrollRef, svgRef, headRef]);

  return useCallback((want: Follow) => {
    const ro = observer.current;
    const svg = svgRef.current;
    if (!ro || !svg) return;
    pending.current = want;
    // a fresh observation is reported after the next layout whether or not the size changed;
    // a chart that is not shown (a phone's other tab) has no size, and follows once it is shown
    ro.unobserve(svg);
    ro.observe(svg);
  }, [svgRef]);
}
