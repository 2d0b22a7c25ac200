// The timeline: play, pause, step, step back, speed, and a scrubber with a
// mark per event. Keyboard: space plays or pauses, arrows step (never while
// the person types: shortcuts.ts).

import { useEffect, useMemo } from 'react';
import { playerEnd, SPEEDS, totalEvents, useLab, useFocusEvent } from '../store/labStore.ts';
import type { Speed } from '../store/labStore.ts';
import { OPENING } from '../app/mode.ts';
import { usePrefs } from '../app/prefs.ts';
import { entryEnd, tagShown } from '../../engine/index.ts';
import type { Timeline } from '../../engine/index.ts';
import { shortcutAllowed } from '../app/shortcuts.ts';
import { useT } from '../app/language.ts';
import { IconBack, IconFirst, IconLast, IconPause, IconPlay, IconStep } from './icons.tsx';

/** Most marks drawn one by one; past this they merge into a density strip. */
const MAX_MARKS = 4000;

export function useTimelineKeys(active = true): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutAllowed(e)) return;
      const lab = useLab.getState();
      if (e.key === ' ') {
        e.preventDefault();
        lab.setPlaying(!lab.playing);
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        lab.setPlaying(false);
        lab.stepForward();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        lab.setPlaying(false);
        lab.stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

/** The marks drawn so far for one shared starts array: it only grows while it keeps its identity (a branch copies it). */
const drawnMarks = new WeakMap<Timeline['starts'], { upTo: number; d: string }>();

/**
 * The scrubber's marks for the first `timeline.length` commands, x counted in
 * events since boot (the svg's viewBox spans the events, so a new command
 * moves no earlier mark): a typed line adds its own marks to the path kept
 * for its starts array instead of writing every mark again, which cost as
 * much as the session was long (issue 22).
 */
export function marksPath(timeline: Timeline, boot: number): string {
  const kept = drawnMarks.get(timeline.starts);
  // an older timeline value sharing the array, shorter than what was drawn, is drawn apart
  const drawn = kept && kept.upTo <= timeline.length ? kept : { upTo: 0, d: '' };
  if (!kept) drawnMarks.set(timeline.starts, drawn);
  let d = drawn.d;
  for (; drawn.upTo < timeline.length; drawn.upTo++) {
    // a taller mark where a command starts, a short one for each micro-step
    for (let seq = timeline.starts[drawn.upTo]!, end = entryEnd(timeline, drawn.upTo), k = 0; seq < end; seq++, k++) {
      const x = seq - boot + 0.5;
      d += k === 0 ? `M${x} 0V10` : `M${x} 5V10`;
    }
  }
  drawn.d = d;
  return d;
}

function Marks({ boot, total }: { boot: number; total: number }) {
  const timeline = useLab((s) => s.shell.timeline);
  const span = Math.max(1, total - boot);
  const path = useMemo(() => (span > MAX_MARKS ? null : marksPath(timeline, boot)), [timeline, boot, span]);
  return (
    <svg className="marks" viewBox={`0 0 ${span} 10`} preserveAspectRatio="none" aria-hidden="true">
      {path === null ? <rect x="0" y="4" width={span} height="6" className="dense" /> : <path d={path} />}
    </svg>
  );
}

export function TimelineBar() {
  const t = useT();
  const position = useLab((s) => s.position);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const total = useLab((s) => totalEvents(s.shell));
  const end = useLab(playerEnd);
  const boot = useLab((s) => s.shell.timeline.bootEvents.length);
  const inPast = !(playing && position < end) && position < total;
  const focus = useFocusEvent();
  const tags = usePrefs((p) => p.tags);
  const focusMark = focus ? tagShown(focus.tag, tags) : '';
  const lab = useLab.getState();
  const shown = position - boot;
  // playing with nothing left to reveal looks like pause; show play then
  const running = playing && position < end;
  return (
    <div className="timeline" role="group" aria-label={t('timeline.label')}>
      <div className="timeline-buttons">
        <button type="button" onClick={() => lab.seek(boot)} disabled={position <= boot} aria-label={t('timeline.start')} title={t('timeline.start')}><IconFirst /></button>
        <button type="button" onClick={() => { lab.setPlaying(false); lab.stepBack(); }} disabled={position <= boot} aria-label={t('timeline.back')} title={t('timeline.back.hint')}><IconBack /></button>
        <button
          type="button" onClick={() => lab.setPlaying(!running)} aria-label={t(running ? 'timeline.pause' : 'timeline.play')} className="play"
          title={t(running ? 'timeline.pause.hint' : playing ? 'timeline.playing.hint' : 'timeline.play.hint')}
        >
          {running ? <IconPause /> : <IconPlay />}
        </button>
        <button type="button" onClick={() => { lab.setPlaying(false); lab.stepForward(); }} disabled={position >= total} aria-label={t('timeline.forward')} title={t('timeline.forward.hint')}><IconStep /></button>
        <button type="button" onClick={() => lab.seek(total)} disabled={position >= total} aria-label={t('timeline.latest')} title={t('timeline.latest')}><IconLast /></button>
        <label className="speed">
          {t('timeline.speed')}
          <select value={speed} onChange={(e) => lab.setSpeed(Number(e.target.value) as Speed)}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{s}x</option>
            ))}
          </select>
        </label>
      </div>
      <div className="scrubber">
        <Marks boot={boot} total={total} />
        <input
          type="range"
          min={boot}
          max={total}
          value={position}
          step={1}
          aria-label={t('timeline.scrub')}
          aria-valuetext={`${t('timeline.status', { shown: String(shown), total: String(total - boot) })}${focusMark ? `: ${focusMark}` : ''}`}
          onChange={(e) => { lab.setPlaying(false); lab.seek(Number(e.target.value)); }}
          disabled={total === boot}
        />
      </div>
      <div className="timeline-status" data-testid="timeline-status">
        {t('timeline.status', { shown: String(shown), total: String(total - boot) })}
        {inPast ? t(OPENING.mode === 'normal' ? 'timeline.inPast' : 'timeline.paused') : running ? t('timeline.playing') : ''}
      </div>
    </div>
  );
}
