// The Sequence view (Figs. 6, 8, 11): the trace up to the playhead as a live
// sequence chart. Lanes for the guests, the control OS, the system control
// program and its kernel; one arrow per event, tagged with its patent step
// (as the reader wants tags shown, app/prefs.ts).
// The arrow just revealed draws in and is highlighted; clicking an arrow (or
// Enter / Space on it) moves the timeline there. Only the latest arrows are
// drawn, with a control to show earlier ones, so a long trace stays fast.

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FocusEvent as ReactFocusEvent, KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, RefObject } from 'react';
import { sequenceView } from '../../engine/index.ts';
import { totalEvents, useDisplayState, useFocusEvent, useLab } from '../store/labStore.ts';
import { eventsTail, lanesBefore } from '../store/eventIndex.ts';
import { motionMs, useReducedMotion } from '../app/motion.ts';
import { layoutChart } from './layout.ts';
import { useFollowScroll } from './useFollowScroll.ts';
import { drawSequence } from './drawSequence.ts';
import { sequenceIn } from './arrowWords.ts';
import { laneSwatch } from './sequenceSvg.ts';
import { useElementBox } from '../app/useElementBox.ts';
import { usePrefs } from '../app/prefs.ts';
import { useLanguage, useT } from '../app/language.ts';
import type { Translate } from '../../i18n/translate.ts';
import { assertNever } from '../../engine/index.ts';
import type { SequenceLane } from '../../engine/index.ts';
import './sequence.css';

/** Arrows drawn at once; "show earlier" adds this many more. */
const WINDOW = 150;
/** Time for the newly revealed arrow to draw in, at 1x (the player reveals one event per 650 ms). */
const DRAW_MS = 420;

/** The chart's width inside its scrollbar and its font size (13 px until measured). */
function useChartSize(ref: RefObject<HTMLElement | null>): { width: number; font: number } {
  const box = useElementBox(ref);
  const width = box?.clientWidth ?? 360;
  const font = box?.font || 13;
  return useMemo(() => ({ width, font }), [width, font]);
}

/** A lane's header text and its long name, in the reader's language. */
function laneWords(lane: SequenceLane, t: Translate): { name: string; title: string } {
  switch (lane.kind) {
    case 'control': return { name: t('sequence.lane.control'), title: t('sequence.lane.control.title') };
    // under the group header "system control program (scp)": the short names suffice
    case 'scp': return { name: t('sequence.lane.program'), title: t('sequence.lane.program.title', { pid: lane.pid ?? 1 }) };
    case 'kernel': return { name: t('sequence.lane.kernel'), title: t('sequence.lane.kernel.title') };
    case 'guest': return { name: lane.label, title: t('sequence.lane.guest.title', { name: lane.label, pid: lane.pid ?? 0 }) };
    default: return assertNever(lane.kind);
  }
}

function arrowOf(target: EventTarget | null): SVGGElement | null {
  return (target as Element | null)?.closest?.('g.seq-arrow[data-seq]') ?? null;
}

export function SequenceView() {
  const state = useDisplayState();
  const focus = useFocusEvent();
  // the shared starts array changes only when history branches, not when the player catches up
  const starts = useLab((s) => s.shell.timeline.starts);
  const bootCount = useLab((s) => s.shell.timeline.bootEvents.length);
  const position = useLab((s) => s.position);
  const total = useLab((s) => totalEvents(s.shell));
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const generation = useLab((s) => s.generation);
  const reduced = useReducedMotion();
  const t = useT();
  const lang = useLanguage((l) => l.lang);

  // the window of arrows drawn: back to the latest WINDOW whenever the lab is replaced (reset, seed, link)
  const [windowed, setWindowed] = useState({ generation, limit: WINDOW });
  const limit = windowed.generation === generation ? windowed.limit : WINDOW;
  const showEarlier = () => setWindowed({ generation, limit: limit + WINDOW });
  const [tabSeq, setTabSeq] = useState<number | null>(null);

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useChartSize(scrollRef);
  const follow = useFollowScroll(scrollRef, svgRef, headRef);

  // the branch's events, one flat array shared as it grows
  const trace = useLab((s) => s.shell.timeline.events);
  const tags = usePrefs((p) => p.tags);
  // only the window drawn is copied, and the lanes come from the event index: a step costs the same however long the session
  const model = useMemo(() => {
    const events = eventsTail(trace, position, limit);
    return sequenceIn(t, lang, sequenceView(events, state, {
      bootEvents: bootCount, commandStarts: starts, limit,
      earlier: position - events.length, lanes: lanesBefore(trace, position), tags,
    }));
  }, [trace, starts, position, state, bootCount, limit, tags, t, lang]);
  const layout = useMemo(() => layoutChart(model, size), [model, size]);

  const focusSeq = focus?.seq ?? null;
  const shownSeqs = useMemo(() => new Set(model.arrows.map((a) => a.seq)), [model]);
  const tabStop = tabSeq !== null && shownSeqs.has(tabSeq) ? tabSeq : (focusSeq ?? model.arrows.at(-1)?.seq ?? null);

  // the arrow to draw in: the one a single step forward has just revealed
  const lastFocus = useRef<number | null>(null);
  const lastEarlier = useRef<{ earlier: number; rows: number } | null>(null);
  const pendingScroll = useRef<{ smooth: boolean } | null>(null);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const prev = lastFocus.current;
    const stepped = focusSeq !== null && prev !== null && focusSeq === prev + 1;
    drawSequence(svg, model, layout, {
      focusSeq,
      animateSeq: stepped ? focusSeq : null,
      ms: motionMs(DRAW_MS, reduced, speed),
      tabSeq: tabStop,
      t,
    });
    const scroller = scrollRef.current;
    // after "show earlier", keep the arrows that were on screen where they were
    const before = lastEarlier.current;
    if (scroller && before && model.earlier < before.earlier && model.arrows.length > before.rows) {
      scroller.scrollTop += (model.arrows.length - before.rows) * layout.rowH;
    }
    lastEarlier.current = { earlier: model.earlier, rows: model.arrows.length };
    // keep the arrow at the playhead in view; measured after the browser's own layout of the frame,
    // so reading the geometry does not force an extra layout on each step (useFollowScroll.ts)
    if (focusSeq !== prev) pendingScroll.current = model.arrows.every((a) => a.boot) ? null : { smooth: stepped && !reduced };
    lastFocus.current = focusSeq;
    const pending = pendingScroll.current;
    const row = layout.arrows.find((g) => g.seq === focusSeq);
    if (!pending || !row) return;
    follow({ rowTop: row.rowTop, rowH: layout.rowH, smooth: pending.smooth, done: () => { if (pendingScroll.current === pending) pendingScroll.current = null; } });
  }, [model, layout, focusSeq, tabStop, reduced, speed, follow, t]);

  const activate = useCallback((seq: number) => {
    setTabSeq(seq);
    useLab.getState().seekEvent(seq);
  }, []);

  const onClick = useCallback((e: ReactMouseEvent<SVGSVGElement>) => {
    const g = arrowOf(e.target);
    if (g) activate(Number(g.dataset.seq));
  }, [activate]);

  const onKeyDown = useCallback((e: ReactKeyboardEvent<SVGSVGElement>) => {
    const g = arrowOf(e.target);
    if (!g) return;
    const all = [...(svgRef.current?.querySelectorAll<SVGGElement>('g.seq-arrow') ?? [])];
    const at = all.indexOf(g);
    let next: SVGGElement | undefined;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(Number(g.dataset.seq));
      return;
    }
    // left and right too: the timeline's own arrow keys would move the playhead and take the focused arrow away
    if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') next = all[at - 1];
    else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') next = all[at + 1];
    else if (e.key === 'Home') next = all[0];
    else if (e.key === 'End') next = all.at(-1);
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) {
      setTabSeq(Number(next.dataset.seq));
      next.focus();
    }
  }, [activate]);

  const onFocus = useCallback((e: ReactFocusEvent<SVGSVGElement>) => {
    const g = arrowOf(e.target);
    if (g) setTabSeq(Number(g.dataset.seq));
  }, []);

  const later = total - position;
  const commands = model.arrows.length > 0 && model.arrows.some((a) => !a.boot);
  const more = Math.min(WINDOW, model.earlier);
  // the lanes of the system control program and its kernel stand side by side at the right (laneRank)
  const grouped = model.lanes.flatMap((lane, i) => (lane.kind === 'scp' || lane.kind === 'kernel' ? [i] : []));
  const group = grouped.length > 0
    ? { left: layout.laneX[grouped[0]!]! - layout.laneW / 2, width: layout.laneW * grouped.length }
    : null;

  return (
    <div className="seq" data-testid="sequence-chart">
      <div className="seq-scroll" ref={scrollRef}>
        <div className={`seq-head${group ? ' has-group' : ''}`} ref={headRef} style={{ width: layout.width }}>
          {group && (
            // "scp" reads as secure copy to students: one header over the program's lane and its kernel's
            // names the system control program [0048] in full before either short name
            <div className="seq-group" style={{ left: group.left, width: group.width }}>
              {t('sequence.group.scp')}
            </div>
          )}
          {model.lanes.map((lane, i) => {
            const words = laneWords(lane, t);
            const grouped = lane.kind === 'scp' || lane.kind === 'kernel';
            return (
              <div
                key={lane.lane}
                className={`seq-lane seq-lane-${lane.kind}${lane.ended ? ' is-ended' : ''}${grouped ? ' in-group' : ''}`}
                style={{ left: layout.laneX[i]! - layout.laneW / 2, width: layout.laneW }}
                title={lane.ended ? t('sequence.lane.ended.title', { title: words.title }) : words.title}
              >
                <span className="seq-swatch" style={{ backgroundColor: laneSwatch(lane) }} aria-hidden="true" />
                <span className="seq-lane-name">{words.name}{lane.ended && <span className="seq-lane-state"> {t('sequence.lane.ended')}</span>}</span>
              </div>
            );
          })}
        </div>
        {model.earlier > 0 && (
          <div className="seq-note seq-earlier" style={{ width: layout.width }}>
            <button type="button" onClick={showEarlier}>
              {t('sequence.earlier.show', { count: more })}
            </button>
            <span>{t('sequence.earlier.notDrawn', { count: model.earlier })}</span>
          </div>
        )}
        {!commands && (
          <p className="seq-note seq-hint" style={{ width: layout.width }}>
            {t('sequence.hint.booted')}
          </p>
        )}
        <svg
          ref={svgRef}
          className="seq-svg"
          role="group"
          aria-label={t('sequence.chart.label', { count: model.arrows.length })}
          onClick={onClick}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        />
        {later > 0 && !playing && (
          <p className="seq-note" style={{ width: layout.width }}>
            {t('sequence.later', { count: later })}{' '}
            <button type="button" onClick={() => useLab.getState().seek(total)}>{t('sequence.later.go')}</button>
          </p>
        )}
      </div>
    </div>
  );
}
