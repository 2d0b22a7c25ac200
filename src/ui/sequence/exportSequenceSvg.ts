// Export of the sequence chart: the trace up to the playhead as a standalone
// SVG in the page's current theme, for a slide: the command at the playhead,
// the lesson step, or everything since the machine booted.

import type { LabEvent, Timeline } from '../../engine/index.ts';
import { entryEnd, sequenceView } from '../../engine/index.ts';
import { displayState, focusEvent, useLab } from '../store/labStore.ts';
import { eventsBefore } from '../store/eventIndex.ts';
import { usePrefs } from '../app/prefs.ts';
import type { SvgTheme } from './sequenceSvg.ts';
import { LIGHT_SVG_THEME, sequenceSvg } from './sequenceSvg.ts';

/** First sequence numbers of the recorded commands of this branch, ascending. */
export function commandStartsOf(timeline: Timeline): number[] {
  const out: number[] = [];
  for (let i = 0; i < timeline.length; i++) out.push(timeline.starts[i]!);
  return out;
}

/** The first `position` events of the timeline, boot included (what `useShownEvents` gives, outside React). */
export function eventsUpTo(timeline: Timeline, position: number): LabEvent[] {
  return eventsBefore(timeline.events, Math.min(position, timeline.eventCount));
}

/** The theme colours the page uses now, read from its CSS variables. */
export function pageSvgTheme(): SvgTheme {
  if (typeof document === 'undefined') return LIGHT_SVG_THEME;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const t = LIGHT_SVG_THEME;
  return {
    bg: v('--bg', t.bg), panel: v('--panel', t.panel), ink: v('--ink', t.ink), ink2: v('--ink-2', t.ink2),
    line: v('--line', t.line), accent: v('--accent', t.accent), tag: v('--tag', t.tag),
  };
}

/** Which arrows a slide gets: the command at the playhead, the open lesson step's, or all of them. */
export type SequenceRange = 'command' | 'step' | 'all';

export interface ExportOptions {
  readonly theme?: SvgTheme;
  /** leave out the arrows of booting the machine */
  readonly skipBoot?: boolean;
  readonly font?: number;
  /** default: everything up to the playhead */
  readonly range?: SequenceRange;
  /** for range 'step': the sequence number the lesson step started at */
  readonly stepSince?: number;
}

/** The events of `range` among the first `position` events (boot included in `all` only when nothing else happened). */
export function eventsInRange(timeline: Timeline, position: number, range: SequenceRange, stepSince: number | null): LabEvent[] {
  const shown = eventsUpTo(timeline, position);
  const boot = timeline.bootEvents.length;
  switch (range) {
    case 'all':
      return shown.length > boot ? shown.filter((e) => e.seq >= boot) : shown;
    case 'step':
      if (stepSince !== null) return shown.filter((e) => e.seq >= stepSince);
      return eventsInRange(timeline, position, 'command', null);
    case 'command': {
      // the command whose events the playhead is in (or has just finished)
      let start = boot;
      for (let i = 0; i < timeline.length; i++) {
        const count = entryEnd(timeline, i) - timeline.starts[i]!;
        if (count > 0 && position > start && position <= start + count) return shown.slice(start, position);
        start += count;
      }
      return [];
    }
    default: {
      const never: never = range;
      return never;
    }
  }
}

/** The current chart (every arrow up to the playhead) as a standalone SVG string with inline styles. */
export function exportSequenceSvg(options: ExportOptions = {}): string {
  const s = useLab.getState();
  const t = s.shell.timeline;
  const boot = t.bootEvents.length;
  let events = options.range ? eventsInRange(t, s.position, options.range, options.stepSince ?? null) : eventsUpTo(t, s.position);
  if (options.skipBoot) events = events.filter((e) => e.seq >= boot);
  const model = sequenceView(events, displayState(s), { bootEvents: boot, commandStarts: commandStartsOf(t), tags: usePrefs.getState().tags });
  return sequenceSvg(model, {
    theme: options.theme ?? pageSvgTheme(),
    font: options.font ?? 13,
    focusSeq: focusEvent(s)?.seq ?? null,
    title: `lparlab: sequence chart (Figs. 6, 8, 11)${options.range === 'command' ? ', one command' : options.range === 'step' ? ', one lesson step' : ''}`,
  });
}
