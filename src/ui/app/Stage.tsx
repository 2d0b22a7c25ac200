// The stage of presenter and embed modes, Memory first (Fig. 5 is what the
// room watches): the Memory view takes most of the width and the full height;
// the other views the lesson step uses (stageViews.ts) stack beside it, with
// the question for the room above them, never over the grid. Views join or
// leave only at a step's start, and only in the side column, so the frames
// keep their places. Pane sizes are kept in the browser across reloads.

import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { findLesson } from '../../engine/index.ts';
import { ViewPanel } from './ViewPanel.tsx';
import { VIEW_NAMES } from './viewNames.ts';
import { useT } from './language.ts';
import { QuestionCard } from './PresenterStage.tsx';
import { stageViewsOf } from './stageViews.ts';
import type { StageView } from './stageViews.ts';
import { CostsView, MemoryView, SequenceView } from './lazyViews.tsx';
import { SocketsView } from '../sockets/SocketsView.tsx';
import { MachineView } from '../machine/MachineView.tsx';
import { useLessons } from '../lessons/lessonStore.ts';

const SIDE_VIEWS = {
  sequence: SequenceView,
  sockets: SocketsView,
  machine: MachineView,
  costs: CostsView,
} as const;

type SideView = Exclude<StageView, 'memory'>;

/** Browser storage for pane sizes, or none where storage is blocked (file://, private mode). */
function paneStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function useStepViews(): SideView[] {
  const opened = useLessons((s) => s.opened);
  const step = opened?.kind === 'lesson' ? findLesson(opened.id)?.steps[opened.step] : undefined;
  return stageViewsOf(step).filter((v): v is SideView => v !== 'memory');
}

function SideColumn({ id, views, terminal }: { id: string; views: readonly SideView[]; terminal?: ReactNode }) {
  const panels = views;
  const layoutId = `lparlab-${id}-${panels.join('+')}`;
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: layoutId, panelIds: [...panels], storage: paneStorage() });
  // the Sequence view takes what the others leave
  const others = views.length - 1;
  const otherSize = others ? Math.round(40 / others) : 0;
  const sizeOf = (p: string) => (p === 'sequence' ? 100 - otherSize * others : otherSize);
  // the terminal is a strip of fixed height at the bottom: the views above give way to a question, never the
  // terminal, so the last typed line and what it printed stay readable from the back row
  return (
    <div className="stage-side">
      <QuestionCard />
      <Group key={layoutId} id={layoutId} orientation="vertical" className="stage-side-panes" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
        {panels.map((p, i) => (
          <PanelWithSeparator key={p} id={p} first={i === 0} size={sizeOf(p)} above={panels[i - 1]}>
            <SideViewPanel view={p} />
          </PanelWithSeparator>
        ))}
      </Group>
      {terminal && <div className="stage-terminal">{terminal}</div>}
    </div>
  );
}

function PanelWithSeparator({ id, first, size, above, children }: { id: SideView; first: boolean; size: number; above?: SideView; children: ReactNode }) {
  const t = useT();
  const name = (p: SideView) => t(VIEW_NAMES[p].title);
  return (
    <>
      {!first && above && <Separator className="separator horizontal" aria-label={t('app.resize.between', { above: name(above), below: name(id) })} />}
      <Panel id={id} defaultSize={String(size)} minSize="12">
        {children}
      </Panel>
    </>
  );
}

function SideViewPanel({ view }: { view: SideView }) {
  const View = SIDE_VIEWS[view];
  return (
    <ViewPanel id={view}>
      <View />
    </ViewPanel>
  );
}

/** The Memory-first stage; `terminal` joins the side column in presenter mode. */
export function Stage({ mode, terminal }: { mode: 'present' | 'embed'; terminal?: ReactNode }) {
  const t = useT();
  const views = useStepViews();
  const id = `stage-${mode}`;
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id: `lparlab-${id}`, panelIds: ['memory', 'side'], storage: paneStorage() });
  return (
    <Group id={`lparlab-${id}`} orientation="horizontal" className="panes stage" defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      <Panel id="memory" defaultSize="68" minSize="40">
        <ViewPanel id="memory">
          {/* every frame in view, never a scroll box: the room watches, nobody picks a frame by touch */}
          <MemoryView largeFrames={false} />
        </ViewPanel>
      </Panel>
      <Separator className="separator vertical" aria-label={t('app.resize.memorySide')} />
      <Panel id="side" defaultSize="32" minSize="18">
        <SideColumn id={id} views={views} terminal={terminal} />
      </Panel>
    </Group>
  );
}
