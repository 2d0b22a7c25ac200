// The page on a phone: one column that scrolls only
// down. On top the classroom strip and its poll (a student's link is opened
// from the relay's QR code), then Fig. 5, the Memory view, fitted to the
// width with frames large enough for a finger (its "Large frames", on by
// default for touch; the view scrolls to the frames the shown step moved),
// then the narration, the lesson, the line to type with the phone's own
// keyboard, and the other views as tabs. The timeline stays at the bottom,
// under the thumb. Chosen by the viewport (phone.ts), not the user agent.

import { useEffect, useState } from 'react';
import type React from 'react';
import type { LabEvent } from '../../engine/index.ts';
import { ViewPanel } from './ViewPanel.tsx';
import { Narration } from './Narration.tsx';
import { Banner } from './Banner.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Announcer } from './Announcer.tsx';
import { usePrefs } from './prefs.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { LAB_NAME, useT } from './language.ts';
import { VIEW_NAMES } from './viewNames.ts';
import { LOWER_VIEWS } from './lowerViews.ts';
import { MemoryView, SequenceView } from './lazyViews.tsx';
import { TerminalPane } from '../terminal/TerminalPane.tsx';
import { PhoneInput } from '../terminal/PhoneInput.tsx';
import { TimelineBar } from '../timeline/TimelineBar.tsx';
import { LessonPanelSlot } from '../lessons/LessonSlot.tsx';
import { useLessons } from '../lessons/lessonStore.ts';
import { ShareMenu } from '../share/ShareMenu.tsx';
import { TagsSetting } from './TagsSetting.tsx';
import { useCurrentStepEvents, useLab } from '../store/labStore.ts';
import { HomeworkButton, HomeworkPanelSlot, HomeworkStrip, useHomeworkView } from '../homework/HomeworkSlot.tsx';
import './phone.css';

const TABS = [
  { id: 'sequence', View: SequenceView },
  ...LOWER_VIEWS,
  { id: 'terminal', View: null },
] as const;

type Tab = (typeof TABS)[number]['id'];
const isTab = (view: string): view is Tab => TABS.some((t) => t.id === view);

/** The view tabs; the terminal's panel stays mounted while hidden, so the one terminal keeps every line typed from the phone. */
function PhoneTabs() {
  const t = useT();
  // as on the desktop: a newer lesson highlight on one of these views shows its tab
  const [picked, setPicked] = useState<{ readonly id: Tab; readonly seen: unknown }>({ id: 'sequence', seen: null });
  const highlight = useLab((s) => s.highlight);
  const chosen = highlight && highlight !== picked.seen && isTab(highlight.view) ? highlight.view : picked.id;
  const choose = (id: Tab) => setPicked({ id, seen: highlight });
  const onTabKey = (e: React.KeyboardEvent, id: Tab) => {
    const at = TABS.findIndex((tab) => tab.id === id);
    const to = e.key === 'ArrowRight' ? (at + 1) % TABS.length : e.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    choose(TABS[to]!.id);
    document.getElementById(`phone-tab-${TABS[to]!.id}`)?.focus();
  };
  const current = TABS.find((tab) => tab.id === chosen)!;
  return (
    <div className="phone-tabs">
      <div role="tablist" aria-label={t('app.tabs')} className="tabs">
        {TABS.map((tab) => (
          <button
            key={tab.id} type="button" role="tab" id={`phone-tab-${tab.id}`} aria-selected={tab.id === chosen} aria-controls={`phone-${tab.id}-panel`}
            tabIndex={tab.id === chosen ? 0 : -1} onClick={() => choose(tab.id)} onKeyDown={(e) => onTabKey(e, tab.id)}
          >
            {t(VIEW_NAMES[tab.id].title)}
          </button>
        ))}
      </div>
      {current.View && (
        <div id={`phone-${current.id}-panel`} role="tabpanel" aria-labelledby={`phone-tab-${current.id}`} className="phone-panel">
          <ViewPanel id={current.id}>
            <current.View />
          </ViewPanel>
        </div>
      )}
      <div id="phone-terminal-panel" role="tabpanel" aria-labelledby="phone-tab-terminal" className="phone-panel" hidden={chosen !== 'terminal'}>
        <section className="view terminal-view" aria-labelledby="terminal-title">
          <header className="view-head">
            <h2 id="terminal-title">{t('app.view.terminal')} <span className="figure">{t('app.view.terminal.figure')}</span></h2>
          </header>
          <ErrorBoundary what={t('app.guards.terminal')}>
            <TerminalPane />
          </ErrorBoundary>
        </section>
      </div>
    </div>
  );
}

/** The frames the step being shown moved last (a flip, a map), as a key; '' when it moved none. */
function movedFrames(events: readonly LabEvent[]): string {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.frames?.length) return events[i]!.frames!.join(',');
  return '';
}

/**
 * With large frames the grid is taller than its view: bring the frames the
 * step being shown moved into view (the message's frames, Fig. 5), scrolling
 * the view only, never the page. An effect: it talks to the DOM d3 drew.
 */
function useFollowFrames(): void {
  const moved = movedFrames(useCurrentStepEvents());
  useEffect(() => {
    const stage = document.querySelector<HTMLElement>('.phone [data-view=memory] .mem-stage');
    if (!moved || !stage) return;
    const follow = () => requestAnimationFrame(() => {
      if (!stage.classList.contains('mem-zoomed')) return;
      const boxes = moved.split(',').map((f) => stage.querySelector(`[data-frame="${f}"]`)?.getBoundingClientRect()).filter((b): b is DOMRect => !!b);
      if (boxes.length === 0) return;
      const view = stage.getBoundingClientRect();
      const top = Math.min(...boxes.map((b) => b.top)) - view.top + stage.scrollTop;
      const bottom = Math.max(...boxes.map((b) => b.bottom)) - view.top + stage.scrollTop;
      if (top >= stage.scrollTop && bottom <= stage.scrollTop + stage.clientHeight) return;
      // the message's frames in the middle of the view, or its first rows when they are taller than the view
      stage.scrollTop = Math.max(0, bottom - top > stage.clientHeight ? top - 8 : (top + bottom - stage.clientHeight) / 2);
    });
    let frame = follow();
    // Large frames turned on: the same frames, now far apart, brought into view
    const watch = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = follow();
    });
    watch.observe(stage, { attributes: true, attributeFilter: ['class'] });
    return () => {
      cancelAnimationFrame(frame);
      watch.disconnect();
    };
  }, [moved]);
}

export function PhoneLayout({ classroom }: { classroom: React.ReactNode }) {
  const t = useT();
  const theme = usePrefs((p) => p.theme);
  const toggleTheme = usePrefs((p) => p.toggleTheme);
  const openMenu = useLessons((s) => s.openMenu);
  const homework = useHomeworkView();
  useFollowFrames();
  return (
    <div className="lab phone">
      <header className="lab-head phone-head">
        <h1>{LAB_NAME}</h1>
        <button type="button" onClick={openMenu}>{t('app.lessons')}</button>
        <HomeworkButton />
        <ShareMenu />
        {/* the reader's settings fold into one button: a phone's header keeps to two rows with Lessons, Homework and Share */}
        <details className="phone-settings">
          <summary>{t('app.settings')}</summary>
          <div className="phone-settings-panel" role="group" aria-label={t('app.settings')}>
            <TagsSetting />
            <button type="button" className="theme" onClick={toggleTheme} aria-label={t(theme === 'light' ? 'app.theme.switchToDark' : 'app.theme.switchToLight')}>
              {t(theme === 'light' ? 'app.theme.dark' : 'app.theme.light')}
            </button>
            <LanguageMenu />
          </div>
        </details>
      </header>
      <Banner />
      {classroom}
      <main className="lab-main phone-main">
        <Announcer />
        <div className="phone-memory">
          <ViewPanel id="memory">
            <MemoryView largeFrames={false} />
          </ViewPanel>
        </div>
        <Narration />
        <ErrorBoundary what={t('app.guards.lessonPanel')}>
          {homework === 'panel' ? <HomeworkPanelSlot /> : <>{homework === 'strip' && <HomeworkStrip />}<LessonPanelSlot /></>}
        </ErrorBoundary>
        <PhoneInput />
        <PhoneTabs />
      </main>
      <footer className="lab-foot phone-foot">
        <TimelineBar />
      </footer>
    </div>
  );
}
