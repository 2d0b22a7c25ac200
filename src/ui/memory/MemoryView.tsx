// The Memory view (Figs. 4-5): the physical frame grid coloured and lettered
// by owner, each partition's logical address space beside it, and the mapping
// lines between them. The flip animates from the trace events as the player
// reveals them; a page fault flashes where the sender touched its old
// address [0070]. React holds the layout and the interaction state; the d3
// drawers in drawMemory.ts own the SVG.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent, KeyboardEvent, PointerEvent, RefObject } from 'react';
import { memoryView, pendingPortKeys, SCP_PID } from '../../engine/index.ts';
import { useCurrentStepEvents, useDisplayState, useFocusEvent, useLab } from '../store/labStore.ts';
import { mergesBefore } from '../store/eventIndex.ts';
import { motionMs, useReducedMotion } from '../app/motion.ts';
import { layoutMemory, zoomedHeight } from './layout.ts';
import type { ColumnSlot, MemoryLayout } from './layout.ts';
import { bestInk, ownerFills, readPalette } from './colours.ts';
import type { Palette } from './colours.ts';
import { cellLabel, drawMemory } from './drawMemory.ts';
import { LETTER_MIN_CELL } from './drawGrid.ts';
import type { FaultMark } from './drawMemory.ts';
import { bucketLabel, displayBuckets, drawBuckets } from './drawBuckets.ts';
import { EMPTY_HIGHLIGHT, ghostsOf, highlightOf, withMark } from './plan.ts';
import { useElementBox } from '../app/useElementBox.ts';
import { useT } from '../app/language.ts';
import './memory.css';

/** Transition time at 1x; the player reveals an event every 650 ms, so it finishes before the next. */
const BASE_MS = 480;
const FAULT_MS = 1600;
/** the smallest frame a finger can pick (WCAG 2.2 target size) */
const TOUCH_CELL = 24;

interface Size {
  readonly w: number;
  readonly h: number;
  readonly scale: number;
}

/** Follow the theme: the palette is read again whenever <html>'s attributes change. */
function usePalette(): Palette | null {
  const [palette, setPalette] = useState<Palette | null>(null);
  useLayoutEffect(() => {
    const read = () => setPalette(readPalette(document.documentElement));
    read();
    const watch = new MutationObserver(read);
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => watch.disconnect();
  }, []);
  return palette;
}

/** The stage's size, and a scale from its font size (15 px at 1x; presenter mode is larger). */
function useSize(ref: RefObject<HTMLElement | null>): Size | null {
  const box = useElementBox(ref);
  return useMemo(() => (box ? { w: box.width, h: box.height, scale: (box.font || 15) / 15 } : null), [box]);
}

/** The ring around grid cell `i`, a little larger than the cell. */
function ringAt(g: MemoryLayout['grid'], i: number) {
  const pad = Math.max(2, g.pitch * 0.12);
  return { x: g.x + (i % g.cols) * g.pitch - pad, y: g.y + Math.floor(i / g.cols) * g.pitch - pad, width: g.cell + 2 * pad, height: g.cell + 2 * pad };
}

/** `largeFrames`: whether the view starts with large frames; by default, on a touch screen (the phone layout starts fitted, Fig. 5 whole). */
export function MemoryView({ largeFrames }: { readonly largeFrames?: boolean } = {}) {
  const state = useDisplayState();
  const trace = useLab((s) => s.shell.timeline.events);
  const position = useLab((s) => s.position);
  // the merges into pending bits counted from the event index, not by walking the trace back on every step
  const model = useMemo(
    () => memoryView(state, [], mergesBefore(trace, position, state.seq, pendingPortKeys(state))),
    [state, trace, position],
  );
  const focus = useFocusEvent();
  const stepEvents = useCurrentStepEvents();
  const generation = useLab((s) => s.generation);
  const speed = useLab((s) => s.speed);
  const lastFault = useLab((s) => s.lastFault);
  const reduced = useReducedMotion();
  const palette = usePalette();
  const t = useT();

  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const cellsRef = useRef<HTMLCanvasElement>(null);
  const size = useSize(stageRef);
  // for fingers: frames of at least 24 px, the view scrolling when it gets taller than its panel (on by default on touch screens)
  const [zoom, setZoom] = useState(() => largeFrames ?? (typeof window !== 'undefined' && window.matchMedia?.('(pointer: coarse)').matches));
  const zoomed = zoom && model.grid.kind === 'cells';
  // the partitions at the shell's own moment keep their places while the player catches up (layout.ts, columnSlots)
  const latest = useLab((s) => s.shell.timeline.current.partitions);
  const reserve = useMemo<ColumnSlot[]>(() => Object.values(latest).filter((p) => p.status === 'active').map((p) => ({ pid: p.pid, role: p.role })), [latest]);
  const layout = useMemo<MemoryLayout | null>(() => {
    if (!size || size.w <= 40 || size.h <= 40) return null;
    return layoutMemory(model, size.w, zoomed ? zoomedHeight(model, size.w, size.h, size.scale, TOUCH_CELL, reserve) : size.h, size.scale, reserve);
  }, [model, size, zoomed, reserve]);
  const fill = useMemo(() => (palette ? ownerFills(model, palette) : null), [model, palette]);
  const ghosts = useMemo(() => ghostsOf(stepEvents), [stepEvents]);
  // a lesson check may point at frames or a partition here
  const lessonMark = useLab((s) => s.highlight);
  const highlight = useMemo(() => {
    const base = reduced ? highlightOf(stepEvents) : EMPTY_HIGHLIGHT;
    const marked = withMark(base, lessonMark, (name) => model.spaces.find((s) => s.name === name)?.pid);
    return marked === EMPTY_HIGHLIGHT ? null : marked;
  }, [reduced, stepEvents, lessonMark, model]);
  const big = model.grid.kind === 'buckets';

  // the roving tab stop of the grid, and what the pointer or the keyboard points at
  const [cursor, setCursor] = useState(0);
  const [focused, setFocused] = useState<number | null>(null);
  const [hover, setHover] = useState<{ index: number | null; text: string } | null>(null);
  const tabStop = Math.max(0, Math.min(cursor, (layout?.grid.count ?? 1) - 1));

  // a page fault: flash it on the partition's logical page for a moment [0070]
  // (derived from the store's lastFault: a fault from before this view opened, or whose flash ended, is not shown)
  const [before] = useState(() => lastFault?.id ?? 0);
  const [ended, setEnded] = useState(0);
  const faultSpace = lastFault && lastFault.id > before && lastFault.id > ended ? model.spaces.find((s) => s.name === lastFault.ctx) : undefined;
  const fault = useMemo<FaultMark | null>(() => (lastFault && faultSpace ? { pid: faultSpace.pid, addr: lastFault.addr, id: lastFault.id } : null), [lastFault, faultSpace]);
  useEffect(() => {
    if (!lastFault) return;
    const timer = window.setTimeout(() => setEnded(lastFault.id), FAULT_MS);
    return () => window.clearTimeout(timer);
  }, [lastFault]);

  // animate an event once, when the playhead reaches it; redraws for other reasons are instant
  const planKey = `${generation}:${position}`;
  const drawnPlan = useRef(planKey);
  const drawnFault = useRef<number | null>(null);
  const ms = motionMs(BASE_MS, reduced, speed);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || !layout || !palette || !fill) return;
    const animate = !reduced && drawnPlan.current !== planKey;
    drawnPlan.current = planKey;
    const faultIsNew = !!fault && drawnFault.current !== fault.id;
    drawnFault.current = fault?.id ?? null;
    drawMemory(svg, { model, layout, palette, fill, ghosts, fault, faultIsNew, highlight, event: focus, animate, ms, cursor: tabStop, t, cells: cellsRef.current });
    if (canvasRef.current) drawBuckets(canvasRef.current, model, layout.grid, layout.w, layout.h, palette, fill);
  }, [model, layout, palette, fill, ghosts, fault, highlight, focus, planKey, reduced, ms, tabStop, t]);

  // the focus ring over the cell pointed at, drawn by React in its own svg over the d3-owned one
  const pointed = focused ?? hover?.index ?? null;
  const ring = layout && pointed !== null && pointed < layout.grid.count ? ringAt(layout.grid, pointed) : null;

  const describe = useCallback((i: number): string => {
    if (model.grid.kind === 'cells') {
      const cell = model.grid.cells[i];
      return cell ? cellLabel(t, cell) : '';
    }
    const b = layout ? displayBuckets(model, layout.grid.per)[i] : undefined;
    return b ? bucketLabel(t, b, model) : '';
  }, [model, layout, t]);

  const indexAt = (e: PointerEvent<SVGSVGElement>): number | null => {
    const target = e.target as Element;
    const cell = target.closest('[data-frame]');
    if (cell) return Number(cell.getAttribute('data-frame'));
    if (!big || !layout) return null;
    const r = e.currentTarget.getBoundingClientRect();
    const g = layout.grid;
    const col = Math.floor((e.clientX - r.left - g.x) / g.pitch);
    const row = Math.floor((e.clientY - r.top - g.y) / g.pitch);
    if (col < 0 || col >= g.cols || row < 0) return null;
    const i = row * g.cols + col;
    return i < g.count ? i : null;
  };

  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const i = indexAt(e);
    if (i !== null) {
      setHover((h) => (h?.index === i ? h : { index: i, text: describe(i) }));
      return;
    }
    const block = (e.target as Element).closest('[aria-label].mem-block, [aria-label].mem-held, [aria-label].mem-port, [aria-label].mem-fault');
    const text = block?.getAttribute('aria-label') ?? null;
    setHover((h) => (text ? (h?.text === text ? h : { index: null, text }) : null));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    if (!layout || focused === null) return;
    const g = layout.grid;
    const at = focused;
    let next: number;
    switch (e.key) {
      case 'ArrowRight': next = at + 1; break;
      case 'ArrowLeft': next = at - 1; break;
      case 'ArrowDown': next = at + g.cols; break;
      case 'ArrowUp': next = at - g.cols; break;
      case 'Home': next = e.ctrlKey ? 0 : at - (at % g.cols); break;
      case 'End': next = e.ctrlKey ? g.count - 1 : Math.min(g.count - 1, at - (at % g.cols) + g.cols - 1); break;
      case 'PageDown': next = at + g.cols * 4; break;
      case 'PageUp': next = at - g.cols * 4; break;
      default: return;
    }
    e.preventDefault();
    e.stopPropagation();
    next = Math.max(0, Math.min(g.count - 1, next));
    setCursor(next);
    setFocused(next);
    if (!big) svgRef.current?.querySelector<SVGGElement>(`[data-frame="${next}"]`)?.focus();
  };

  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const t = e.target as Element;
    if (t.hasAttribute('data-frame')) {
      const i = Number(t.getAttribute('data-frame'));
      setCursor(i);
      setFocused(i);
    } else if (t.classList.contains('mem-hit')) {
      setFocused(tabStop);
    }
  };
  const onBlur = (e: FocusEvent<SVGSVGElement>) => {
    const to = e.relatedTarget as Element | null;
    if (!to || !(to.hasAttribute('data-frame') || to.classList.contains('mem-hit'))) setFocused(null);
  };

  const inspect = focused !== null ? describe(focused) : hover?.text ?? null;

  return (
    <div className="mem" data-testid="memory-view">
      <ul className="mem-legend" aria-label={t('memory.legend.label')}>
        {palette && fill && model.owners.map((o) => {
          const bg = fill(o.owner);
          // "scp" reads as secure copy to students: the legend is the view's first mention of the
          // system control program [0048], so it names it in full, for the eye and for a screen reader
          const scp = o.code === SCP_PID;
          // free frames are no partition's: their word is the reader's, a partition's name is the same in every language
          const name = o.owner === 'control' ? t('memory.owner.control') : o.owner === 'free' ? t('memory.owner.free') : scp ? t('scp.name', { name: o.owner }) : o.owner;
          const shown = o.owner === 'control' ? t('memory.owner.controlShort') : o.owner === 'free' || scp ? name : o.letter.toUpperCase() === o.owner.toUpperCase() ? '' : o.owner;
          return (
            <li key={o.owner} className={scp ? 'mem-owner-scp' : undefined} aria-label={t('memory.legend.owner', { name, frames: o.frames })}>
              <span className="mem-chip" style={{ background: bg, color: bestInk(bg) }} aria-hidden="true">{o.letter}</span>
              <span aria-hidden="true">
                {shown && <span className="mem-owner-name">{shown}</span>}{shown ? ' ' : ''}
                <span className="mem-count">{t('memory.legend.count', { count: o.frames })}</span>
              </span>
            </li>
          );
        })}
        <li className="mem-key" aria-label={t('memory.key.label')}>
          <span className="mem-keybadge on" aria-hidden="true">1<i /></span>
          <span aria-hidden="true">{t('memory.key.pending')}</span>
          <span className="mem-keybadge" aria-hidden="true">2<i /></span>
          <span aria-hidden="true">{t('memory.key.clear')}</span>
        </li>
      </ul>
      {model.grid.kind === 'cells' && (
        <button type="button" className="mem-zoom" aria-pressed={zoom} onClick={() => setZoom(!zoom)} title={t('memory.zoom.title')}>
          {t('memory.zoom.label')}
        </button>
      )}
      <div className={`mem-stage${zoomed ? ' mem-zoomed' : ''}`} ref={stageRef}>
        {big && <canvas ref={canvasRef} className="mem-canvas" aria-hidden="true" />}
        {/* the frames' colours and letters (paintCells.ts); the SVG over it holds their hit areas, words and tab stops */}
        {!big && <canvas ref={cellsRef} className="mem-cells" aria-hidden="true" />}
        <svg
          ref={svgRef}
          className="mem-svg"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(null)}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
        />
        {layout && (
          <svg className="mem-svg mem-overlay" width={layout.w} height={layout.h} viewBox={`0 0 ${layout.w} ${layout.h}`} aria-hidden="true">
            {ring && <rect {...ring} rx={3} fill="none" className={focused !== null ? 'mem-ring mem-ring-focus' : 'mem-ring'} />}
          </svg>
        )}
      </div>
      <p className="mem-inspect" aria-live={big ? 'polite' : 'off'}>
        {inspect ?? (big ? t('memory.inspect.buckets') : layout && !zoomed && layout.grid.cell < LETTER_MIN_CELL
          // frames too small for their letters (an embed at 600x400 has 8.75 px frames): say how to enlarge them
          ? t('memory.inspect.small')
          : t('memory.inspect.cells'))}
      </p>
    </div>
  );
}
