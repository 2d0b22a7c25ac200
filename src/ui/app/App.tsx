// The lab page: the views of the machine on the left, the lesson panel and
// the terminal on the right, the timeline along the bottom and the narration
// strip on top. ?present shows a presenter's stage; ?embed a minimal frame.

import { lazy, Suspense, useEffect, useState } from 'react';
import type React from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { solutionOf } from '../../engine/index.ts';
import { ViewPanel } from './ViewPanel.tsx';
import { Narration } from './Narration.tsx';
import { Banner } from './Banner.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { PresenterStage } from './PresenterStage.tsx';
import { Stage } from './Stage.tsx';
import { OpenInLab } from './OpenInLab.tsx';
import { Announcer } from './Announcer.tsx';
import { usePresenterKeys } from './presenter.ts';
import { usePrefs } from './prefs.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { LAB_NAME, useLanguage, useT } from './language.ts';
import { loadWords } from './words.ts';
import { OPENING } from './mode.ts';
import { LOWER_VIEWS } from './lowerViews.ts';
import { VIEW_NAMES } from './viewNames.ts';
import { usePhoneLayout } from './phone.ts';
import { PhoneLayout } from './PhoneLayout.tsx';
import { MemoryView, SequenceView } from './lazyViews.tsx';
import { TerminalPane } from '../terminal/TerminalPane.tsx';
import { TimelineBar, useTimelineKeys } from '../timeline/TimelineBar.tsx';
import { Player } from '../timeline/Player.tsx';
import { LessonPanelSlot } from '../lessons/LessonSlot.tsx';
import { lessonOf, typeIntoLab, useLessons } from '../lessons/lessonStore.ts';
import { ShareMenu } from '../share/ShareMenu.tsx';
import { TagsSetting } from './TagsSetting.tsx';
import { watchAddress } from '../share/startup.ts';
import { useLab } from '../store/labStore.ts';
import { HomeworkButton, HomeworkPanelSlot, HomeworkStrip, useHomeworkView } from '../homework/HomeworkSlot.tsx';
import './app.css';

// the classroom's code (and its sync engine, and its English words) loads only for an address that names a room
const ClassroomBar = typeof location !== 'undefined' && new URLSearchParams(location.search).has('room') ? lazy(() => Promise.all([import('../classroom/ClassroomBar.tsx'), loadWords('classroom')]).then(([m]) => m)) : null;
const classroom = ClassroomBar && (
  <Suspense fallback={null}>
    <ClassroomBar />
  </Suspense>
);


type LowerView = (typeof LOWER_VIEWS)[number]['id'];
const isLowerView = (view: string): view is LowerView => LOWER_VIEWS.some((v) => v.id === view);

function LowerViews() {
  const t = useT();
  // the tab picked by hand, and the lesson highlight there was then: a newer highlight on one of these views shows its tab
  const [picked, setPicked] = useState<{ readonly id: LowerView; readonly seen: unknown }>({ id: 'sockets', seen: null });
  const highlight = useLab((s) => s.highlight);
  const chosen = highlight && highlight !== picked.seen && isLowerView(highlight.view) ? highlight.view : picked.id;
  const setChosen = (id: LowerView) => setPicked({ id, seen: highlight });
  const current = LOWER_VIEWS.find((v) => v.id === chosen)!;
  // the tabs are one stop for Tab; arrow keys, Home and End move between them
  const onTabKey = (e: React.KeyboardEvent, id: string) => {
    const ids = LOWER_VIEWS.map((v) => v.id);
    const at = ids.indexOf(id as (typeof ids)[number]);
    const to = e.key === 'ArrowRight' ? (at + 1) % ids.length : e.key === 'ArrowLeft' ? (at + ids.length - 1) % ids.length : e.key === 'Home' ? 0 : e.key === 'End' ? ids.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    setChosen(ids[to]!);
    document.getElementById(`tab-${ids[to]}`)?.focus();
  };
  const tabs = (
    <div role="tablist" aria-label={t('app.tabs')} className="tabs">
      {LOWER_VIEWS.map((v) => (
        <button
          key={v.id} type="button" role="tab" id={`tab-${v.id}`} aria-selected={v.id === chosen} aria-controls={`${v.id}-panel`}
          tabIndex={v.id === chosen ? 0 : -1} onClick={() => setChosen(v.id)} onKeyDown={(e) => onTabKey(e, v.id)}
        >
          {t(VIEW_NAMES[v.id].title)}
        </button>
      ))}
    </div>
  );
  return (
    <div id={`${current.id}-panel`} role="tabpanel" aria-labelledby={`tab-${current.id}`} className="tab-panel">
      <ViewPanel id={current.id} tools={tabs}>
        <current.View />
      </ViewPanel>
    </div>
  );
}

/**
 * Each group's first layout (percent of the group), handed to the group as
 * well as to its panels: the panels are drawn at these sizes in the first
 * frame, so when the group first measures them it finds nothing to change.
 * Without it each group restyled its panels after measuring, and the next
 * group's measurement laid the whole page out again (issue 22 §1: the panels'
 * forced layouts of a cold load).
 */
const FIRST_LAYOUT = {
  panes: { 'lab-views': 66, 'lab-right': 34 },
  // Japanese: the terminal a little wider, so the widest table the shell prints
  // in Japanese (lpars: 59 cells, a Japanese character taking two) fits the
  // terminal at 1366x768 instead of wrapping at its 52 columns (issue 23). The
  // type stays at 14 px (a smaller face was judged too small for Japanese in class)
  panesJa: { 'lab-views': 61, 'lab-right': 39 },
  upper: { 'lab-memory': 55, 'lab-sequence': 45 },
  views: { 'lab-upper': 61, 'lab-lower': 39 },
  right: { 'lab-lesson': 48, 'lab-terminal': 52 },
} as const;

/** A panel's first size, as react-resizable-panels reads a size given as a string: percent of its group. */
const sizeOf = (percent: number) => String(percent);

function UpperViews() {
  const t = useT();
  const first = FIRST_LAYOUT.upper;
  return (
    <Group orientation="horizontal" defaultLayout={first}>
      <Panel id="lab-memory" defaultSize={sizeOf(first['lab-memory'])} minSize="25">
        <ViewPanel id="memory">
          <MemoryView />
        </ViewPanel>
      </Panel>
      <Separator className="separator vertical" aria-label={t('app.resize.memorySequence')} />
      <Panel id="lab-sequence" defaultSize={sizeOf(first['lab-sequence'])} minSize="20">
        <ViewPanel id="sequence">
          <SequenceView />
        </ViewPanel>
      </Panel>
    </Group>
  );
}

function TerminalView() {
  const t = useT();
  return (
    <section className="view terminal-view" aria-labelledby="terminal-title">
      <header className="view-head">
        <h2 id="terminal-title">{t('app.view.terminal')}</h2>
      </header>
      <ErrorBoundary what={t('app.guards.terminal')}>
        <TerminalPane />
      </ErrorBoundary>
    </section>
  );
}

function RightColumn() {
  const t = useT();
  const lessonOpen = useLessons((s) => s.opened !== null);
  const homework = useHomeworkView();
  if (!lessonOpen && !homework) return <TerminalView />;
  const first = FIRST_LAYOUT.right;
  return (
    <Group orientation="vertical" defaultLayout={first}>
      <Panel id="lab-lesson" defaultSize={sizeOf(first['lab-lesson'])} minSize="20">
        {homework === 'panel' ? (
          <ErrorBoundary what={t('app.guards.homeworkPanel')}>
            <HomeworkPanelSlot />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary what={t('app.guards.lessonPanel')}>
            <div className="homework-with-lesson">
              {homework === 'strip' && <HomeworkStrip />}
              <LessonPanelSlot />
            </div>
          </ErrorBoundary>
        )}
      </Panel>
      <Separator className="separator horizontal" aria-label={t('app.resize.lessonTerminal')} />
      <Panel id="lab-terminal" defaultSize={sizeOf(first['lab-terminal'])} minSize="20">
        <TerminalView />
      </Panel>
    </Group>
  );
}

/** The views (Memory and Sequence above, the tabbed views below) and, on the right, `right`. */
function MainPanes({ right }: { right: React.ReactNode }) {
  const t = useT();
  // read once: the page is drawn in the reader's language from its first frame (main.tsx); a language chosen later keeps the panes as they are
  const panes = useLanguage.getState().lang === 'ja' ? FIRST_LAYOUT.panesJa : FIRST_LAYOUT.panes;
  const views = FIRST_LAYOUT.views;
  return (
    <Group orientation="horizontal" className="panes" defaultLayout={panes}>
      <Panel id="lab-views" defaultSize={sizeOf(panes['lab-views'])} minSize="40">
        <Group orientation="vertical" defaultLayout={views}>
          <Panel id="lab-upper" defaultSize={sizeOf(views['lab-upper'])} minSize="25">
            <UpperViews />
          </Panel>
          <Separator className="separator horizontal" aria-label={t('app.resize.upperLower')} />
          <Panel id="lab-lower" defaultSize={sizeOf(views['lab-lower'])} minSize="15">
            <LowerViews />
          </Panel>
        </Group>
      </Panel>
      <Separator className="separator vertical" aria-label={t('app.resize.viewsRight')} />
      <Panel id="lab-right" defaultSize={sizeOf(panes['lab-right'])} minSize="15">
        {right}
      </Panel>
    </Group>
  );
}

function EmbedCaption() {
  const t = useT();
  const opened = useLessons((s) => s.opened);
  const nextStep = useLessons((s) => s.nextStep);
  if (opened?.kind !== 'lesson') return null;
  const lesson = lessonOf(opened, useLessons.getState().custom);
  const step = lesson?.steps[opened.step];
  if (!lesson || !step) return null;
  return (
    <div className="embed-caption">
      <p className="embed-text" title={step.text}><strong>{t('app.embed.step', { lesson: lesson.title, step: opened.step + 1, title: step.title })}</strong> {step.text}</p>
      <button type="button" onClick={() => { for (const line of solutionOf(step)) typeIntoLab(line); }}>{t('app.embed.play')}</button>
      <button type="button" onClick={nextStep} disabled={opened.step + 1 >= lesson.steps.length}>{t('app.embed.next')}</button>
    </div>
  );
}

/**
 * The page and, beside it, the player: a component of its own, so the player's
 * subscription to the playhead re-renders only itself, not the whole page.
 */
export function App() {
  return (
    <>
      <Player />
      <LabPage />
    </>
  );
}

function LabPage() {
  const t = useT();
  const theme = usePrefs((p) => p.theme);
  const toggleTheme = usePrefs((p) => p.toggleTheme);
  const openMenu = useLessons((s) => s.openMenu);
  const mode = OPENING.mode;
  const phone = usePhoneLayout();
  useTimelineKeys(mode !== 'present');
  usePresenterKeys(mode === 'present');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (mode === 'present') useLab.getState().setPlaying(false);
    return watchAddress();
  }, [mode]);

  if (mode === 'embed') {
    return (
      <div className="lab embed">
        <header className="stage-head">
          <h1 className="sr-only">{LAB_NAME}</h1>
          <Narration />
          <EmbedCaption />
          <OpenInLab />
          <Banner />
        </header>
        <main className="lab-main">
          <Announcer />
          <Stage mode="embed" />
        </main>
        <footer className="lab-foot">
          <TimelineBar />
        </footer>
      </div>
    );
  }

  if (mode === 'present') {
    return (
      <div className="lab present">
        <header className="stage-head">
          <h1 className="sr-only">{LAB_NAME}</h1>
          <Narration />
          <PresenterStage />
          <Banner />
          {classroom}
        </header>
        <main className="lab-main">
          <Announcer />
          <Stage mode="present" terminal={<TerminalView />} />
        </main>
        <footer className="lab-foot">
          <TimelineBar />
        </footer>
      </div>
    );
  }

  // a phone's one column (PhoneLayout.tsx); presenter and embed keep their stage
  if (phone) return <PhoneLayout classroom={classroom} />;

  return (
    <div className="lab">
      <header className="lab-head">
        <h1>{LAB_NAME}</h1>
        <Narration />
        <button type="button" onClick={openMenu}>{t('app.lessons')}</button>
        <HomeworkButton />
        <ShareMenu />
        <TagsSetting />
        <button type="button" className="theme" onClick={toggleTheme} aria-label={t(theme === 'light' ? 'app.theme.switchToDark' : 'app.theme.switchToLight')}>
          {t(theme === 'light' ? 'app.theme.dark' : 'app.theme.light')}
        </button>
        <LanguageMenu />
      </header>
      <Banner />
      {classroom}
      <main className="lab-main">
          <Announcer />
        <MainPanes right={<RightColumn />} />
      </main>
      <footer className="lab-foot">
        <TimelineBar />
      </footer>
    </div>
  );
}
